/** The smallest surface the store needs from PostgreSQL; both drivers implement it. */
export interface Queryable {
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<T[]>;
}

export interface QueryOptions {
  /**
   * A name to keep the statement prepared under on each connection that runs it (PostgreSQL server; PGlite ignores
   * it): for the few statements run many times a second, which PostgreSQL then parses and plans once per connection,
   * not each time. One name, one text; the statement names its columns (no `*`), so a migration that adds columns
   * does not change what a prepared statement returns.
   */
  prepare?: string;
}

export interface Db extends Queryable {
  /** Runs fn in one transaction on one connection; rolls back if fn throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Queries and transactions waiting for a connection: how far the database is behind. */
  backlog(): number;
  readonly driver: "pg" | "pglite";
}
