import { createRequire } from "node:module";
import type HolidaysOfCountry from "date-holidays";
import { DateTime } from "luxon";

// Every country's holidays are a large table, and only planning and reminders ask: loaded on the first question.
const require = createRequire(import.meta.url);
let danish: HolidaysOfCountry | undefined;
const danishHolidays = () => (danish ??= new (require("date-holidays") as typeof HolidaysOfCountry)("DK"));

/**
 * Days most Danish offices are closed: the public holidays, plus Constitution Day, Christmas Eve and New Year's
 * Eve, which are not public holidays by law but are days off under most agreements.
 */
export function isDanishHoliday(isoDate: string): boolean {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  if ((m === 12 && (d === 24 || d === 31)) || (m === 6 && d === 5)) return true;
  const found = danishHolidays().isHoliday(new Date(Date.UTC(y, m - 1, d, 12)));
  return Array.isArray(found) && found.some((h) => h.type === "public");
}

export function isWorkingDay(isoDate: string): boolean {
  const weekday = DateTime.fromISO(isoDate, { zone: "UTC" }).weekday;
  return weekday <= 5 && !isDanishHoliday(isoDate);
}

/** The nearest working day on or before (direction -1) or on or after (+1) the date. */
export function shiftToWorkingDay(isoDate: string, direction: -1 | 1): string {
  let day = DateTime.fromISO(isoDate, { zone: "UTC" });
  for (let i = 0; i < 30 && !isWorkingDay(day.toISODate() as string); i++)
    day = day.plus({ days: direction });
  return day.toISODate() as string;
}

/** The working day `count` working days before the date (the date itself not counted). */
export function workingDaysBefore(isoDate: string, count: number): string {
  let day = DateTime.fromISO(isoDate, { zone: "UTC" });
  for (let left = count; left > 0; ) {
    day = day.minus({ days: 1 });
    if (isWorkingDay(day.toISODate() as string)) left--;
  }
  return day.toISODate() as string;
}

/** A local date at a whole hour in a zone, as an instant; luxon resolves the summer-time changes. */
export function atLocalHour(isoDate: string, hour: number, zone: string): Date {
  return DateTime.fromISO(isoDate, { zone }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

export function addToDate(
  isoDate: string,
  change: { days?: number; months?: number; years?: number },
): string {
  return DateTime.fromISO(isoDate, { zone: "UTC" }).plus(change).toISODate() as string;
}

export function localDateOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() as string;
}

export type PlanningWarning = "holiday" | "weekend" | "summer_holiday" | "school_holiday";

/** Why a meeting date may be a poor choice: a holiday, a weekend, July, or the usual school holiday weeks 7, 8, 42. */
export function planningWarnings(isoDate: string): PlanningWarning[] {
  const day = DateTime.fromISO(isoDate, { zone: "UTC" });
  const warnings: PlanningWarning[] = [];
  if (isDanishHoliday(isoDate)) warnings.push("holiday");
  else if (day.weekday > 5) warnings.push("weekend");
  if (day.month === 7) warnings.push("summer_holiday");
  if ([7, 8, 42].includes(day.weekNumber)) warnings.push("school_holiday");
  return warnings;
}
