import { readFile } from "node:fs/promises";
import { appMigrations } from "../../adapters/index.ts";
import { MIGRATIONS_DIR, type Migration } from "../../src/store/migrate.ts";

/** A released version's schema: the commit it was released from and the migrations its database has applied. */
export interface ReleasedVersion {
  version: string;
  commit: string;
  migrations: string[];
}

/** migrations/released.json: the released schemas, oldest first, and the checksum of every released migration. */
export async function released(): Promise<{
  versions: ReleasedVersion[];
  checksums: Record<string, string>;
}> {
  return JSON.parse(await readFile(new URL("released.json", `file://${MIGRATIONS_DIR}`), "utf8"));
}

/** Today's migration files that make up a released schema, in the order a database of that version applied them. */
export async function migrationsOf(version: ReleasedVersion): Promise<Migration[]> {
  const all = await appMigrations();
  const picked = all.filter((m) => version.migrations.includes(m.id));
  if (picked.length !== version.migrations.length)
    throw new Error(`${version.version} names a missing migration`);
  return picked;
}
