import { DateTime } from "luxon";
import type { Language } from "../domain/types.ts";
import { pluralize } from "./plural.ts";
import { changes } from "./sections/changes.ts";
import { check } from "./sections/check.ts";
import { core } from "./sections/core.ts";
import { flow } from "./sections/flow.ts";
import { health } from "./sections/health.ts";
import { home } from "./sections/home.ts";
import { inspection } from "./sections/inspection.ts";
import { reminders } from "./sections/reminders.ts";
import { round } from "./sections/round.ts";
import { summary } from "./sections/summary.ts";
import { ui } from "./sections/ui.ts";

export { formatNumber } from "./plural.ts";
export { section } from "./section.ts";

/** The core's texts; each platform keeps its own beside its code and builds its translator with `translator`. */
const sections = [
  core,
  check,
  flow,
  summary,
  ui,
  reminders,
  health,
  home,
  inspection,
  round,
  changes,
] as const;

type Merge<T extends readonly { da: Record<string, string> }[]> = T extends readonly [
  infer H extends { da: Record<string, string> },
  ...infer R extends readonly { da: Record<string, string> }[],
]
  ? H["da"] & Merge<R>
  : unknown;

export type MessageKey = keyof Merge<typeof sections> & string;

/** Texts in every language, as `section` makes them. */
export interface Texts {
  da: Record<string, string>;
  en: Record<string, string>;
}

type KeyOf<T> = T extends { da: infer D } ? keyof D & string : never;

export type Params = Record<string, string | number>;

/** The texts of all the sections together, one catalogue per language (a later section's key wins). */
export function mergeTexts(...parts: readonly Texts[]): Texts {
  return {
    da: Object.assign({}, ...parts.map((s) => s.da)),
    en: Object.assign({}, ...parts.map((s) => s.en)),
  };
}

/** Looks texts up in the core's catalogue and the sections given: what an adapter builds its `t` from. */
export function translator<const S extends readonly Texts[]>(...own: S) {
  const catalogues = mergeTexts(...sections, ...own);
  type Key = MessageKey | KeyOf<S[number]>;
  return {
    /** The message in the language, with {placeholders} filled in. */
    t(language: Language, key: Key, params?: Params): string {
      const template = catalogues[language][key] ?? catalogues.da[key] ?? key;
      if (!params) return template;
      return pluralize(language, template, params).replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      );
    },
    isMessageKey: (key: string): key is Key => key in catalogues.da,
    allKeys: (language: Language): string[] => Object.keys(catalogues[language]),
  };
}

const coreTexts = translator();

/** The message in the language, with {placeholders} filled in. */
export const t: (language: Language, key: MessageKey, params?: Params) => string = coreTexts.t;
export const isMessageKey: (key: string) => key is MessageKey = coreTexts.isMessageKey;
export const allKeys = coreTexts.allKeys;

const MONTHS: Record<Language, readonly string[]> = {
  da: [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/**
 * A date as da-DK and en-GB write it in full, built from the month names rather than through Intl: a summary formats
 * thousands of dates, and Intl's formatting is the slow part of drawing one.
 */
function fullDate(language: Language, day: number, month: number, year: number): string {
  const name = MONTHS[language][month - 1];
  return language === "da" ? `${day}. ${name} ${year}` : `${day} ${name} ${year}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 24. november 2026 */
export function formatDate(language: Language, value: Date | string, zone: string): string {
  const plain = typeof value === "string" ? ISO_DATE.exec(value) : null;
  if (plain) return fullDate(language, Number(plain[3]), Number(plain[2]), Number(plain[1]));
  const dt = toDateTime(value, zone);
  return fullDate(language, dt.day, dt.month, dt.year);
}

/** 24. november 2026 kl. 10.00 */
export function formatDateTime(language: Language, value: Date, zone: string): string {
  const dt = toDateTime(value, zone);
  const time = language === "da" ? dt.toFormat("HH.mm") : dt.toFormat("HH:mm");
  return `${fullDate(language, dt.day, dt.month, dt.year)} ${language === "da" ? "kl." : "at"} ${time}`;
}

function toDateTime(value: Date | string, zone: string): DateTime {
  return typeof value === "string" ? DateTime.fromISO(value, { zone }) : DateTime.fromJSDate(value, { zone });
}
