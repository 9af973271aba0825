/**
 * Thrown by a chat port when the platform answered 429 and its client has stopped waiting it out: the caller tries
 * again after `retryAfterMs`, the delay the platform asked for. Being told to wait is no failure of the message.
 */
export class RateLimited extends Error {
  constructor(
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(`the chat platform asked to wait ${Math.ceil(retryAfterMs / 1000)} s (429)`, options);
    this.name = "RateLimited";
  }
}

/** Retry-After as HTTP gives it (seconds, or a date), in milliseconds from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | null {
  if (header == null || header.trim() === "") return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : null;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
