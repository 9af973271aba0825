import type { Db } from "../store/db.ts";
import { gatheredBacklog } from "../store/gathered.ts";

export interface AdmissionOptions {
  /**
   * Let a request in while fewer than this many statements wait: for a database connection, or in a gatherer to
   * go with others (a shared statement counts once).
   */
  limit: number;
  /** Never hold a request longer than this (Slack wants its answer within 3 s). */
  maxWaitMs: number;
  /** How often a held request looks again. */
  checkMs: number;
}

const DEFAULTS: AdmissionOptions = { limit: 24, maxWaitMs: 2000, checkMs: 5 };

/**
 * Admission for requests answered before their work is done (Slack: the modal closes, then the note is stored).
 * Without it, nothing before such an answer waits for the database, so under load the answers run ahead of the work:
 * the queue of statements grows as long as the load lasts, and a shutdown cannot finish what users were told is done.
 * A request is let in at once while the database keeps up; otherwise it waits, first come first served, until the
 * queue is short again, but never longer than `maxWaitMs` (Slack wants its answer within 3 s, and the request's own
 * work before its answer follows). The wait slows the load where it comes in; it refuses no one, so under overload that
 * lasts each request goes on after the longest wait.
 * Returns undefined when the request may go on at once (the common case costs no promise).
 */
export function admission(db: Db, options: Partial<AdmissionOptions> = {}) {
  const { limit, maxWaitMs, checkMs } = { ...DEFAULTS, ...options };
  const backlog = () => db.backlog() + gatheredBacklog(db);
  const held: { admit: () => void; until: number }[] = [];
  let checking = false;

  const check = () => {
    checking = false;
    const now = performance.now();
    // Let in as many as there is room for; each let in adds its own queries, seen at the next check.
    let room = limit - backlog();
    while (held.length > 0 && (room > 0 || (held[0] as { until: number }).until <= now)) {
      held.shift()?.admit();
      room--;
    }
    if (held.length > 0) later();
  };

  const later = () => {
    checking = true;
    setTimeout(check, checkMs);
  };

  return function admit(): Promise<void> | undefined {
    if (held.length === 0 && backlog() < limit) return undefined;
    return new Promise<void>((resolve) => {
      held.push({ admit: resolve, until: performance.now() + maxWaitMs });
      if (!checking) later();
    });
  };
}
