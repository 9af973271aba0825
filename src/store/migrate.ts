import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { projectPath } from "../root.ts";
import type { Db } from "./db.ts";

export const MIGRATIONS_DIR = projectPath("migrations/");
const FILE_PATTERN = /^(\d{3})_[a-z0-9_]+\.sql$/;
// Any constant works; it only has to be the same for every process of this app.
const MIGRATION_LOCK = 7_345_001;

export interface Migration {
  id: string;
  sql: string;
}

/**
 * The core's migrations, then each platform's folder in the order given (a platform's tables refer to the core's),
 * each folder's files in name order. An id is the file's name, so a file moved between folders stays applied; two
 * files with one name would be one migration, and are refused.
 */
export async function loadMigrations(platformDirs: readonly string[] = []): Promise<Migration[]> {
  const all: Migration[] = [];
  for (const dir of [MIGRATIONS_DIR, ...platformDirs]) all.push(...(await loadFolder(dir)));
  const ids = new Set<string>();
  for (const { id } of all) {
    if (ids.has(id)) throw new Error(`Two migrations are named ${id}`);
    ids.add(id);
  }
  return all;
}

async function loadFolder(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => FILE_PATTERN.test(f)).sort();
  return Promise.all(
    files.map(async (f) => ({ id: f.replace(/\.sql$/, ""), sql: await readFile(join(dir, f), "utf8") })),
  );
}

/**
 * Applies pending migrations in order, each in its own transaction together with its record.
 * A transaction-scoped advisory lock makes concurrent starts wait for each other instead of racing.
 */
export async function migrate(db: Db, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  const applied: string[] = [];
  for (const migration of all) {
    const ran = await retryingDeadlocks(() => applyOnce(db, migration));
    if (ran) applied.push(migration.id);
  }
  return applied;
}

/** Times a migration is tried when PostgreSQL ends it to break a deadlock. */
const MIGRATION_TRIES = 5;

/**
 * A migration that locks tables (migrations/007_entry_counts.sql) can meet another instance, still running the code
 * before it, taking the same locks in the other order (a discussion deleted with its agenda and entries); PostgreSQL
 * then ends one of the two. The migration is tried again rather than failing the start.
 */
async function retryingDeadlocks<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if ((error as { code?: string } | null)?.code !== "40P01" || attempt >= MIGRATION_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

function applyOnce(db: Db, migration: Migration): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const done = await tx.query("SELECT 1 FROM schema_migrations WHERE id = $1", [migration.id]);
    if (done.length > 0) return false;
    for (const statement of splitStatements(migration.sql)) await tx.query(statement);
    await tx.query("INSERT INTO schema_migrations (id) VALUES ($1)", [migration.id]);
    return true;
  });
}

/**
 * Splits a plain SQL file on semicolons at line ends; no line inside a function body or a quoted string may end in
 * one (migrations/007_entry_counts.sql keeps its function bodies so).
 */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter((s) => s.length > 0);
}
