import type { Db, QueryOptions } from "../../src/store/db.ts";

/** A node of PostgreSQL's `EXPLAIN (ANALYZE, FORMAT JSON)`, with what the tests read of it. */
export type PlanNode = {
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
};

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
const rolledBack = Symbol("rolled back");

/**
 * The database, with every statement sent outside a transaction first run under `EXPLAIN ANALYZE` in a transaction
 * that is rolled back (a write's plan is its real run, undone), then run as sent. The plans are kept in order.
 */
export function explaining(db: Db): { db: Db; plans: PlanNode[] } {
  const plans: PlanNode[] = [];
  const explain = async (sql: string, params?: readonly unknown[]) => {
    await db
      .transaction(async (tx) => {
        const [row] = await tx.query<{ "QUERY PLAN": unknown }>(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
          params,
        );
        const plan = row?.["QUERY PLAN"];
        plans.push((Array.isArray(plan) ? plan : JSON.parse(String(plan)))[0].Plan as PlanNode);
        throw rolledBack;
      })
      .catch((error) => {
        if (error !== rolledBack) throw error;
      });
  };
  return {
    plans,
    db: {
      ...db,
      query: async <T>(sql: string, params?: readonly unknown[], options?: QueryOptions) => {
        await explain(sql, params);
        return db.query<T>(sql, params, options);
      },
    },
  };
}

/**
 * The most rows any one scan of `table` (the table, or an index named after it) went through in these plans: those it
 * gave, and those it read and dropped, over all of its loops.
 */
export function mostRowsRead(plans: PlanNode[], table: string): number {
  const scans = plans
    .flatMap(nodes)
    .filter((n) => n["Relation Name"] === table || n["Index Name"]?.startsWith(`${table}_`));
  if (scans.length === 0) throw new Error(`no plan reads ${table}`);
  return Math.max(
    ...scans.map(
      (n) =>
        (n["Actual Rows"] + (n["Rows Removed by Filter"] ?? 0) + (n["Rows Removed by Index Recheck"] ?? 0)) *
        n["Actual Loops"],
    ),
  );
}
