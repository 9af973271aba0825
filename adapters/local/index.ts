import type { Workspace } from "../../src/app/index.ts";
import { mergeTexts } from "../../src/i18n/index.ts";
import type { Platform } from "../../src/platforms.ts";
import { projectPath } from "../../src/root.ts";
import { cardTexts } from "../cards/texts.ts";
import { LocalChat } from "./chat-port.ts";
import { localOnly } from "./guard.ts";
import { COMMAND_NAME, type LocalEnv, languageNow } from "./handle.ts";
import { registerPage } from "./page.ts";
import { PEOPLE, WORKSPACE_EXTERNAL_ID } from "./people.ts";
import { registerApi } from "./routes.ts";
import { localStore } from "./store.ts";
import { localTexts, t } from "./texts.ts";

/**
 * The local channel: a page at GET / where you type /arbejdsmiljø, press the cards' buttons, fill in forms and write
 * in threads. The same core as Slack and Teams; the cards and their handlers are those Teams uses too
 * (adapters/cards/), and the channel's messages are rows in the database. Served only in the local trial: when no
 * platform has its credentials set, `npm start` opens this channel in the browser.
 */
export const localAdapter: Platform = {
  id: "local",
  migrations: projectPath("adapters/local/migrations/"),
  texts: mergeTexts(cardTexts, localTexts),
  commandName: COMMAND_NAME,
  async open({ config, core, db, log, http, trial }) {
    if (!trial) return null;
    const store = localStore(db);
    const chat = (workspace: Workspace) => new LocalChat(workspace, store);
    const env: LocalEnv = { core, store, log, cards: { core, log, chat, commandName: COMMAND_NAME } };
    http.use((req, res, next) =>
      req.path === "/" || req.path.startsWith("/local/") ? localOnly(req, res, next) : next(),
    );
    registerPage(http, () => languageNow(env));
    registerApi(http, env);
    return {
      chatFor: chat,
      async start() {
        // In the trial, Mette (the first person of the page) installed the app, and so names the first employer.
        await core.markInstalled(
          "local",
          WORKSPACE_EXTERNAL_ID,
          t("da", "local.workspace_name"),
          PEOPLE[0]?.id,
        );
        log.info("local trial channel: open it in a browser on this computer", {
          url: `http://localhost:${config.PORT}/`,
        });
      },
    };
  },
};
