import { stringify } from "csv-stringify/sync";
import { describeEntry } from "../domain/describe-entry.ts";
import type { Entry } from "../domain/entities.ts";
import type { EntryData } from "../domain/entries.ts";
import type { Language } from "../domain/types.ts";
import { t } from "../i18n/index.ts";

const HEADERS = {
  da: ["år", "punkt", "type", "tekst", "succeskriterium", "ansvarlig", "frist", "status", "gennemført"],
  en: ["year", "point", "type", "text", "success criterion", "owner", "deadline", "status", "completed"],
} satisfies Record<Language, string[]>;

/** A year's decisions and goals with their follow-up status, for a spreadsheet. */
export function renderFollowUpCsv(year: number, entries: Entry[], language: Language, zone: string): string {
  const rows = entries
    .filter((e) => e.kind === "decision" || e.kind === "goal")
    .map((e) => {
      const data = e.data as EntryData["decision"] & Partial<EntryData["goal"]>;
      return [
        year,
        e.point,
        describeEntry(e, language, zone).label,
        data.text,
        data.successCriterion ?? "",
        data.owner?.name ?? "",
        e.deadline ?? "",
        e.status ? t(language, `entry.${e.status}`) : "",
        e.completedAt ? e.completedAt.toISOString().slice(0, 10) : "",
      ];
    });
  return csvText(HEADERS[language], rows);
}

/** A table for a spreadsheet: semicolons as Danish Excel expects, a header row, then the rows. */
export function csvText(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  // A byte-order mark makes Excel read the Danish letters as UTF-8; formulas are neutralised (CSV injection).
  const safe = rows.map((r) => r.map((v) => (typeof v === "string" && /^[=+\-@]/.test(v) ? `'${v}` : v)));
  return `\uFEFF${stringify([headers, ...safe], { delimiter: ";", record_delimiter: "\r\n" })}`;
}
