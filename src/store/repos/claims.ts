/**
 * A message slot holds {"pending": true, "at": ...} while one process posts it. A process that died mid-post
 * leaves the claim behind; after this long another process may take it over.
 */
export const CLAIM_TIMEOUT_SECONDS = 120;

export const STALE_CLAIM = (column: string) =>
  `((${column}->>'pending')::boolean AND (${column}->>'at')::timestamptz < now() - interval '${CLAIM_TIMEOUT_SECONDS} seconds')`;
