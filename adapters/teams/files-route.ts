import type { Express, Response } from "express";
import type { TeamsStore } from "./store.ts";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** GET /teams/files/:token: a file the bot offered in Teams (the summary's Markdown, exports), by its secret link. */
export function registerFileRoute(http: Express, store: TeamsStore) {
  http.get("/teams/files/:token", async (req, res) => {
    const token = String(req.params.token ?? "");
    const file = TOKEN.test(token) ? await store.file(token).catch(() => null) : null;
    if (!file) {
      res.status(404).type("text/plain").send("Not found");
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
