import { PGlite, types } from "@electric-sql/pglite";
import type { Db, Queryable } from "../db.ts";

const parsers = { [types.DATE]: (value: string) => value };

/** Embedded PostgreSQL. dataDir undefined keeps everything in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  const db = await PGlite.create(dataDir, { parsers });
  // PGlite serves one connection: transactions are serialised by this queue so they never interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
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
  };
}
