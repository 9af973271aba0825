import { afterAll, beforeAll } from "vitest";
import { listenHostFor, loadConfig } from "../../adapters/index.ts";
import { localAdapter } from "../../adapters/local/index.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { DRIVERS } from "./db.ts";
import { LocalDriver } from "./local-driver.ts";

/** The local trial's people: the employer, the representative and the work leader. */
export const METTE = "local-mette";
export const ALI = "local-ali";
export const SOEREN = "local-soeren";

/**
 * The app with only the local channel, started before the file's tests on a database of its own and stopped after
 * them; `page` drives the channel as the browser does. `now` is the clock, `driver` the database (PGlite by default).
 */
export function localApp(options: { now: () => Date; driver?: (typeof DRIVERS)[number] }) {
  const app = {
    db: undefined as unknown as Db,
    server: undefined as unknown as RunningServer,
    page: undefined as unknown as LocalDriver,
    url: "",
  };
  beforeAll(async () => {
    app.db = await (options.driver ?? (DRIVERS[0] as (typeof DRIVERS)[number])).open();
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "error" });
    app.server = await startServer(config, [localAdapter], {
      db: app.db,
      now: options.now,
      scheduler: false,
      listenHost: listenHostFor(config),
    });
    app.url = `http://127.0.0.1:${app.server.port}`;
    app.page = new LocalDriver(app.url);
  });
  afterAll(async () => {
    await app.server?.stop();
    await app.db?.close();
  });
  return app;
}

/**
 * Mette sets the workplace up in the channel's setup card: Ali as representative and Søren as work leader (when
 * there are leaders), Copenhagen time, in `language` (asked for by the word of that language).
 */
export async function setUpLocal(
  page: LocalDriver,
  {
    language = "da",
    headcount = 25,
    leaders = true,
  }: { language?: "da" | "en"; headcount?: number; leaders?: boolean } = {},
) {
  await page.command(METTE, language === "en" ? "/arbejdsmiljø setup" : "/arbejdsmiljø opsæt");
  await page.press(METTE, page.get("Opsætning"), "Gem", {
    "f.headcount": String(headcount),
    "f.employer": METTE,
    "f.representatives": ALI,
    ...(leaders ? { "f.leaders": SOEREN } : {}),
    "f.timeZone": "Europe/Copenhagen",
    "f.language": language,
  });
}
