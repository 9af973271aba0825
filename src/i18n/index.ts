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

const LOCALE: Record<Language, string> = { da: "da-DK", en: "en-GB" };

/** 24. november 2026 */
export function formatDate(language: Language, value: Date | string, zone: string): string {
  return toDateTime(value, zone).setLocale(LOCALE[language]).toLocaleString(DateTime.DATE_FULL);
}

/** 24. november 2026 kl. 10.00 */
export function formatDateTime(language: Language, value: Date, zone: string): string {
  const dt = toDateTime(value, zone).setLocale(LOCALE[language]);
  const time = language === "da" ? dt.toFormat("HH.mm") : dt.toFormat("HH:mm");
  return `${dt.toLocaleString(DateTime.DATE_FULL)} ${language === "da" ? "kl." : "at"} ${time}`;
}

function toDateTime(value: Date | string, zone: string): DateTime {
  return typeof value === "string" ? DateTime.fromISO(value, { zone }) : DateTime.fromJSDate(value, { zone });
}
