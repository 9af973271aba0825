/**
 * What an adapter may keep in the database for itself (Slack installations, Teams conversation references, the local
 * channel's messages): parameterised SQL on its own tables. The store's drivers implement it.
 */
export interface AdapterSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}
