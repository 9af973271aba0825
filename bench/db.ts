import { randomUUID } from "node:crypto";
import { appMigrations } from "../adapters/index.ts";
import type { Db } from "../src/store/db.ts";
import { openPg } from "../src/store/drivers/pg.ts";
import { openPglite } from "../src/store/drivers/pglite.ts";
import { migrate } from "../src/store/migrate.ts";

/**
 * A fresh schema on the given PostgreSQL (dropped by `drop`), or an in-memory PGlite when there is none. `open` gives
 * another pool on the same schema, as another instance of the bot would have.
 */
export async function benchDb(
  databaseUrl: string | undefined,
): Promise<{ db: Db; open: () => Db; drop: () => Promise<void> }> {
  if (!databaseUrl) {
    const db = await openPglite();
    await migrate(db, await appMigrations());
    return { db, open: () => db, drop: () => db.close() };
  }
  const schema = `bench_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = openPg(databaseUrl, 1);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const opened: Db[] = [];
  const open = () => {
    const db = openPg(url.toString());
    opened.push(db);
    return db;
  };
  const db = open();
  await migrate(db, await appMigrations());
  return {
    db,
    open,
    async drop() {
      for (const d of opened) await d.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}
