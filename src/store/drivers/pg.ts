import pg from "pg";
import type { Db, Queryable, QueryOptions } from "../db.ts";

// Return dates (DATE columns) as plain YYYY-MM-DD strings, like PGlite does below, not as local-midnight Date objects.
pg.types.setTypeParser(1082, (value) => value);

/**
 * How long an idle connection is kept. node-postgres closes one after 10 s, so the first clicks of a meeting after a
 * quiet spell would each wait for a new connection and a cold server process. Meetings are minutes apart; a pool idle
 * for longer gives them back.
 */
const IDLE_CONNECTION_MS = 10 * 60_000;

export function openPg(connectionString: string, max = 10): Db {
  // Idle connections do not keep a process alive that has nothing else to do (a script that forgot to close).
  const pool = new pg.Pool({
    connectionString,
    max,
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    allowExitOnIdle: true,
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on("error", () => {});
  return {
    driver: "pg",
    async query<T>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}) {
      const result = await pool.query(statement(sql, params, options));
      return result.rows as T[];
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      // A backend killed while the client is checked out is reported here as well as to the query that fails.
      const ignore = () => {};
      client.on("error", ignore);
      try {
        await client.query("BEGIN");
        // One connection runs one query at a time: queries issued together inside a transaction take turns.
        let turn: Promise<unknown> = Promise.resolve();
        const tx: Queryable = {
          query<R>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}) {
            const run = turn.then(
              async () => (await client.query(statement(sql, params, options))).rows as R[],
            );
            turn = run.catch(() => {});
            return run;
          },
        };
        const value = await fn(tx);
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.off("error", ignore);
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
    backlog: () => pool.waitingCount,
  };
}

const statement = (sql: string, params: readonly unknown[], options: QueryOptions): pg.QueryConfig => ({
  text: sql,
  values: params as unknown[],
  ...(options.prepare ? { name: options.prepare } : {}),
});
