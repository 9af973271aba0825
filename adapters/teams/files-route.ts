import type { Express, Response } from "express";
import { t } from "../../src/i18n/index.ts";
import type { TeamsStore } from "./store.ts";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * GET /teams/files/:workspace/:token: a file the bot offered in Teams (the summary's Markdown, exports), by its secret
 * link, while the link lasts. An expired, unknown or other workspace's link is answered alike, in both languages.
 */
export function registerFileRoute(http: Express, store: TeamsStore) {
  http.get("/teams/files/:workspace/:token", async (req, res) => {
    const { workspace, token } = req.params;
    const file =
      UUID.test(workspace) && TOKEN.test(token) ? await store.file(workspace, token).catch(() => null) : null;
    if (!file) {
      res
        .status(404)
        .type("text/plain")
        .send(`${t("da", "teams.file_gone")}\n${t("en", "teams.file_gone")}`);
      return;
    }
    sendDownload(res, file);
  });
}

/** Sends a stored file as a download: a safe file name, never sniffed, never cached. */
export function sendDownload(
  res: Response,
  file: { name: string; mimeType: string; content: Buffer | Uint8Array | string },
) {
  const ascii = file.name.replace(/[^A-Za-z0-9._-]/g, "_");
  res.setHeader(
    "content-type",
    file.mimeType.startsWith("text/") ? `${file.mimeType}; charset=utf-8` : file.mimeType,
  );
  res.setHeader(
    "content-disposition",
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  );
  res.setHeader("cache-control", "private, no-store");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
  res.send(file.content);
}
