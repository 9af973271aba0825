/** The smallest surface the store needs from PostgreSQL; both drivers implement it. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  /** Runs fn in one transaction on one connection; rolls back if fn throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Queries and transactions waiting for a connection: how far the database is behind. */
  backlog(): number;
  readonly driver: "pg" | "pglite";
}
