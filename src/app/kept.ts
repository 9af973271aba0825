/**
 * The promise made for `key` before, or a new one kept for the callers that ask while it is under way and after:
 * one lookup or client for many requests at once. A promise that fails is not kept, so the next caller tries again.
 * Past `limit` keys all are dropped (these are caches, not records).
 */
export function kept<T>(
  promises: Map<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
  limit = Number.POSITIVE_INFINITY,
): Promise<T> {
  const found = promises.get(key);
  if (found) return found;
  if (promises.size >= limit) promises.clear();
  const made = make();
  made.catch(() => {
    if (promises.get(key) === made) promises.delete(key);
  });
  promises.set(key, made);
  return made;
}
