/** What a button carries: the discussion, and the version the user saw (so a stale click moves nothing). */
export interface ButtonValue {
  d: string;
  v?: number;
  p?: number;
  f?: string;
  e?: string;
}

export const encodeValue = (value: ButtonValue) => JSON.stringify(value);

export function decodeValue(raw: string | undefined): ButtonValue | null {
  if (!raw || raw.length > 2000) return null;
  try {
    const v = JSON.parse(raw) as ButtonValue;
    return typeof v === "object" && v !== null && typeof v.d === "string" ? v : null;
  } catch {
    return null;
  }
}
