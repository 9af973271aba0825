/** How long a notice to one user about one button is not repeated, at least: longer than any double click or retry. */
const WINDOW_MS = 5_000;
export const MAX_KEYS = 10_000;

/**
 * Remembers the private notices just given, so a double click (or a burst of clicks) on the same out-of-date button
 * tells its user once: the first click's notice already says what happened, and the repeats would only pile up
 * identical messages in the channel. Per process; at worst each instance tells once.
 * Each notice is kept for between one and two windows, at random: notices given at the same moment (a refresh made
 * everyone's buttons old at once) then do not all come due again together, and a channel full of people clicking on
 * does not cost one burst of Slack calls every window.
 */
export function toldOnce(
  windowMs = WINDOW_MS,
  now: () => number = Date.now,
  random: () => number = Math.random,
) {
  const until = new Map<string, number>();
  return {
    /** True the first time `key` comes within its window, false for its repeats. */
    first(key: string): boolean {
      const at = now();
      const before = until.get(key);
      if (before !== undefined && at < before) return false;
      if (until.size >= MAX_KEYS) {
        for (const [k, u] of until) if (at >= u) until.delete(k);
        if (until.size >= MAX_KEYS) until.clear();
      }
      until.delete(key);
      until.set(key, at + windowMs * (1 + random()));
      return true;
    },
    /** How many clicks it remembers (at most MAX_KEYS). */
    get size() {
      return until.size;
    },
  };
}
export type ToldOnce = ReturnType<typeof toldOnce>;
