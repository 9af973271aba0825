/** How long a notice to one user about one button is not repeated: longer than any double click or retry. */
const WINDOW_MS = 5_000;
export const MAX_KEYS = 10_000;

/**
 * Remembers the private notices just given, so a double click (or a burst of clicks) on the same out-of-date button
 * tells its user once: the first click's notice already says what happened, and the repeats would only pile up
 * identical messages in the channel. Per process; at worst each instance tells once.
 */
export function toldOnce(windowMs = WINDOW_MS, now: () => number = Date.now) {
  const told = new Map<string, number>();
  return {
    /** True the first time `key` comes within the window, false for its repeats. */
    first(key: string): boolean {
      const at = now();
      const before = told.get(key);
      if (before !== undefined && at - before < windowMs) return false;
      if (told.size >= MAX_KEYS) {
        for (const [k, t] of told) if (at - t >= windowMs) told.delete(k);
        if (told.size >= MAX_KEYS) told.clear();
      }
      told.delete(key);
      told.set(key, at);
      return true;
    },
    /** How many clicks it remembers (at most MAX_KEYS). */
    get size() {
      return told.size;
    },
  };
}
export type ToldOnce = ReturnType<typeof toldOnce>;
