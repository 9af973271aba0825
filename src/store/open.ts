import type { Db } from "./db.ts";
import { migrate } from "./migrate.ts";

/**
 * pg when a URL is given, otherwise PGlite in dataDir; migrations applied either way. Each driver is loaded only
 * when used: PGlite's WebAssembly build is large, and a PostgreSQL deployment never needs it.
 */
export async function openStore(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  const db = options.databaseUrl
    ? (await import("./drivers/pg.ts")).openPg(options.databaseUrl)
    : await (await import("./drivers/pglite.ts")).openPglite(options.dataDir);
  await migrate(db);
  return db;
}
