import type { Db } from "./db.ts";
import { type Migration, migrate } from "./migrate.ts";

/**
 * pg when a URL is given, otherwise PGlite in dataDir; the migrations (the core's and the platforms', from
 * loadMigrations) applied either way. Each driver is loaded only when used: PGlite's WebAssembly build is large, and
 * a PostgreSQL deployment never needs it.
 */
export async function openStore(
  options: { databaseUrl?: string; dataDir?: string },
  migrations: Migration[],
): Promise<Db> {
  const db = options.databaseUrl
    ? (await import("./drivers/pg.ts")).openPg(options.databaseUrl)
    : await (await import("./drivers/pglite.ts")).openPglite(options.dataDir);
  await migrate(db, migrations);
  return db;
}
