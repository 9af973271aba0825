import { DateTime } from "luxon";

export const DEFAULT_TIME_ZONE = "Europe/Copenhagen";
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date (no 31 February) written YYYY-MM-DD, within a sane range of years. */
export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = DateTime.fromISO(value, { zone: "UTC" });
  return date.isValid && date.year >= 2000 && date.year <= 2200;
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/** Parses the Danish ways of writing a date (24/11/2026, 24-11-2026, 24.11.2026) and ISO. */
export function parseUserDate(input: string): string | null {
  const text = input.trim();
  if (isValidIsoDate(text)) return text;
  const match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (!match) return null;
  const [, d, m, y] = match;
  const iso = `${y}-${m?.padStart(2, "0")}-${d?.padStart(2, "0")}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** The instant of a local date and time (HH:MM) in a zone, or null when that wall time does not exist. */
export function localDateTime(date: string, time: string, zone: string): Date | null {
  if (!isValidIsoDate(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!dt.isValid) return null;
  // A wall time skipped by the spring change to summer time is shifted by luxon; refuse it instead.
  if (dt.toFormat("HH:mm") !== time) return null;
  return dt.toJSDate();
}
