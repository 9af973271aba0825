import type { EntryData } from "./entries.ts";

/** One year's accident overview in figures, as point 6 recorded it. */
export interface YearFigures {
  year: number;
  accidents: number;
  nearMisses: number;
  poisonings: number;
  healthDamage: number;
}

/** A discussion's year with the accident overviews recorded at its point 6, oldest first. */
export interface RecordedOverviews {
  year: number;
  overviews: EntryData["accident_overview"][];
}

/**
 * The yearly figures of the `span` years up to and including `lastYear`, oldest first: each year's newest overview
 * (a corrected form replaces the one before). Years without an overview are left out, so nothing is shown as a zero
 * that was never counted.
 */
export function yearFigures(recorded: RecordedOverviews[], lastYear: number, span = 5): YearFigures[] {
  return recorded
    .filter((r) => r.year > lastYear - span && r.year <= lastYear && r.overviews.length > 0)
    .sort((a, b) => a.year - b.year)
    .map((r) => {
      const o = r.overviews.at(-1) as EntryData["accident_overview"];
      return {
        year: r.year,
        accidents: o.accidents,
        nearMisses: o.nearMisses,
        poisonings: o.poisonings,
        healthDamage: o.healthDamage,
      };
    });
}
