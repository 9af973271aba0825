import { randomUUID } from "node:crypto";
import { appMigrations } from "../../adapters/index.ts";
import { initialState, transition } from "../../src/domain/discussion.ts";
import type { Db } from "../../src/store/db.ts";
import { openPg } from "../../src/store/drivers/pg.ts";
import { openPglite } from "../../src/store/drivers/pglite.ts";
import { repos } from "../../src/store/index.ts";
import { migrate } from "../../src/store/migrate.ts";

/**
 * The drivers the store suite runs on: always PGlite, and real PostgreSQL when TEST_DATABASE_URL is set. `open` gives
 * a database with the app's migrations applied (the core's and every listed platform's), `empty` one with none.
 */
export const DRIVERS: { name: "pglite" | "pg"; open: () => Promise<Db>; empty: () => Promise<Db> }[] = [
  { name: "pglite" as const, empty: () => openPglite() },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          name: "pg" as const,
          empty: async () => {
            // Each test file gets its own schema on the shared server, so files running side by side never see
            // each other's rows (a dispatcher claims every due reminder in its database).
            const url = new URL(process.env.TEST_DATABASE_URL as string);
            const schema = `t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
            const admin = openPg(url.toString(), 1);
            await admin.query(`CREATE SCHEMA ${schema}`);
            await admin.close();
            url.searchParams.set("options", `-c search_path=${schema}`);
            const db = openPg(url.toString());
            const close = db.close.bind(db);
            return Object.assign(db, {
              async close() {
                await close();
                const cleanup = openPg(process.env.TEST_DATABASE_URL as string, 1);
                await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
                await cleanup.close();
              },
            });
          },
        },
      ]
    : []),
].map((driver) => ({
  ...driver,
  async open() {
    const db = await driver.empty();
    await migrate(db, await appMigrations());
    return db;
  },
}));

/** A fresh external id, so tests sharing one database never see each other's workspaces. */
export const uniqueId = (prefix = "T") => `${prefix}${randomUUID().slice(0, 8).toUpperCase()}`;

/** A planned discussion (2026 unless said) in the workspace, with the defaults the store tests share. */
export async function plannedDiscussion(db: Db, workspaceId: string, year = 2026) {
  const d = await repos(db).discussions.create(workspaceId, {
    year,
    organiserId: "U1",
    channelId: "C1",
    scheduledAt: null,
    durationMinutes: null,
    location: null,
    participants: [],
  });
  if (!d) throw new Error("discussion not created");
  return d;
}

/** Starts a planned discussion, as the walk-through's first move does. */
export async function startDiscussion(db: Db, workspaceId: string, d: { id: string; version: number }) {
  const started = transition(initialState(), { type: "start" });
  if (!started.ok) throw new Error("start refused");
  await repos(db).discussions.applyState(workspaceId, d.id, d.version, started.state);
}

/**
 * A new, empty database on the PostgreSQL server `serverUrl` points at, for bots started as processes on it (they
 * migrate it themselves); `drop` closes it and removes it.
 */
export async function throwawayDatabase(serverUrl: string, prefix: string) {
  const name = `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = openPg(serverUrl, 1);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openPg(url.toString());
  return {
    url: url.toString(),
    db,
    async drop() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
