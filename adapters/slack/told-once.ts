/** How long a notice to one user about one button is not repeated: longer than any double click or retry. */
const WINDOW_MS = 5_000;
/** More remembered notices than this and the stale ones are let go. */
export const MAX_KEYS = 10_000;

/**
 * Remembers the private notices just given, so a double click on the same out-of-date button tells its user once:
 * the first notice already says what happened. One per adapter, on the core's clock; at worst each instance tells once.
 */
export function toldOnce(now: () => Date, windowMs = WINDOW_MS) {
  const until = new Map<string, number>();
  const forgetStale = (at: number) => {
    for (const [key, end] of until) if (at >= end) until.delete(key);
    if (until.size >= MAX_KEYS) until.clear();
  };
  return {
    /** True the first time `key` comes within its window, false for its repeats. */
    first(key: string): boolean {
      const at = now().getTime();
      const end = until.get(key);
      if (end !== undefined && at < end) return false;
      if (until.size >= MAX_KEYS) forgetStale(at);
      until.set(key, at + windowMs);
      return true;
    },
    /** How many notices it remembers (at most MAX_KEYS). */
    get size() {
      return until.size;
    },
  };
}
export type ToldOnce = ReturnType<typeof toldOnce>;
