import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PGlite, types } from "@electric-sql/pglite";
import type { Db, Queryable } from "../db.ts";

const parsers = { [types.DATE]: (value: string) => value };

/**
 * Sized for the local trial's small data: PostgreSQL's defaults (128 MB of shared buffers and more) would make up
 * most of the bot's memory.
 */
const SETTINGS = ["shared_buffers=8MB", "wal_buffers=1MB", "work_mem=2MB", "maintenance_work_mem=8MB"];
// Given at start, not written into the data directory's postgresql.conf (PGlite would replace that file).
const startParams = [...PGlite.defaultStartParams, ...SETTINGS.flatMap((setting) => ["-c", setting])];

/**
 * A new data directory is made by PGlite's initdb in a short-lived process of its own: initdb's memory is not
 * given back to the system after it ends, and in the bot's own process it would double what it holds.
 */
async function initialise(dataDir: string) {
  if (existsSync(join(dataDir, "PG_VERSION"))) return;
  const script = `const { PGlite } = await import(${JSON.stringify(import.meta.resolve("@electric-sql/pglite"))});
    const db = await PGlite.create(${JSON.stringify(dataDir)}, { startParams: ${JSON.stringify(startParams)} });
    await db.close();`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`PGlite could not create ${dataDir} (exit ${code})`)),
    );
  });
}

/** Embedded PostgreSQL. dataDir undefined keeps everything in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) await initialise(dataDir);
  const db = await PGlite.create(dataDir, { parsers, startParams });
  // PGlite serves one connection: transactions are serialised by this queue so they never interleave.
  let queue: Promise<unknown> = Promise.resolve();
  let queued = 0;
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    queued++;
    const run = queue.then(work, work);
    queue = run.catch(() => {}).finally(() => queued--);
    return run;
  };
  return {
    driver: "pglite",
    query<T>(sql: string, params: readonly unknown[] = []) {
      return serial(async () => (await db.query<T>(sql, params as unknown[])).rows);
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return serial(() =>
        db.transaction(async (inner) => {
          const tx: Queryable = {
            async query<R>(sql: string, params: readonly unknown[] = []) {
              return (await inner.query<R>(sql, params as unknown[])).rows;
            },
          };
          return fn(tx);
        }),
      );
    },
    async close() {
      await serial(() => db.close());
    },
    backlog: () => Math.max(0, queued - 1), // all but the one running
  };
}
