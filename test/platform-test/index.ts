import { fileURLToPath } from "node:url";
import type { Workspace } from "../../src/app/index.ts";
import type { Platform } from "../../src/platforms.ts";
import { TestChat } from "./chat-port.ts";
import { type TestchatConfig, testchatConfigSchema } from "./config.ts";
import { PLATFORM_ID, registerRoutes } from "./routes.ts";
import { testchatStore } from "./store.ts";
import { testchatTexts } from "./texts.ts";

/**
 * A platform that exists only for the tests, registered the way adapters/<name>/ registers one: its id, its
 * variable, its table, its texts, its route and its chat port. Nothing in src/ or migrations/ knows of it.
 */
export const testPlatform: Platform<TestchatConfig> = {
  id: PLATFORM_ID,
  config: testchatConfigSchema,
  migrations: fileURLToPath(new URL("./migrations/", import.meta.url)),
  texts: testchatTexts,
  // Its own way of calling the bot, so a test sees the core write what the platform registered.
  commandName: "!arbejdsmiljø",
  credentialed: (config) => Boolean(config.TESTCHAT_SECRET),
  async open({ config, core, db, http }) {
    if (!config.TESTCHAT_SECRET) return null;
    const store = testchatStore(db);
    registerRoutes(http, core, store, config.TESTCHAT_SECRET);
    return { chatFor: (workspace: Workspace) => new TestChat(workspace, store) };
  },
};
