import type { Db } from "./db.ts";
import { openPg } from "./drivers/pg.ts";
import { openPglite } from "./drivers/pglite.ts";
import { migrate } from "./migrate.ts";

/** pg when a URL is given, otherwise PGlite in dataDir; migrations applied either way. */
export async function openStore(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  const db = options.databaseUrl ? openPg(options.databaseUrl) : await openPglite(options.dataDir);
  await migrate(db);
  return db;
}
