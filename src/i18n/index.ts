import { DateTime } from "luxon";
import type { Language } from "../domain/types.ts";
import { core } from "./sections/core.ts";
import { local } from "./sections/local.ts";
import { reminders } from "./sections/reminders.ts";
import { slack } from "./sections/slack.ts";
import { summary } from "./sections/summary.ts";
import { teams } from "./sections/teams.ts";
import { ui } from "./sections/ui.ts";

const sections = [core, summary, ui, reminders, teams, slack, local] as const;

type Merge<T extends readonly { da: Record<string, string> }[]> = T extends readonly [
  infer H extends { da: Record<string, string> },
  ...infer R extends readonly { da: Record<string, string> }[],
]
  ? H["da"] & Merge<R>
  : unknown;

export type MessageKey = keyof Merge<typeof sections> & string;
type Catalogue = Record<MessageKey, string>;

const catalogues: Record<Language, Catalogue> = {
  da: Object.assign({}, ...sections.map((s) => s.da)),
  en: Object.assign({}, ...sections.map((s) => s.en)),
};

export type Params = Record<string, string | number>;

/** The message in the language, with {placeholders} filled in. */
export function t(language: Language, key: MessageKey, params?: Params): string {
  const template = catalogues[language][key] ?? catalogues.da[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isMessageKey(key: string): key is MessageKey {
  return key in catalogues.da;
}

export function allKeys(language: Language): string[] {
  return Object.keys(catalogues[language]);
}

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
