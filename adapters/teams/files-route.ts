import type { Express } from "express";
import { sendDownload } from "../cards/download.ts";
import type { TeamsStore } from "./store.ts";
import { t } from "./texts.ts";

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
