import type { Db } from "./store/db.ts";

/** How long /healthz waits for the database: one that does not answer is as gone as one that refuses. */
export const HEALTH_TIMEOUT_MS = 2000;

/** Whether the database answers a trivial query in time; never throws. */
export async function databaseAnswers(db: Db, timeoutMs = HEALTH_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.query("SELECT 1").then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
