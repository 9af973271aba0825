import type { EntryData, EntryKind } from "./entries.ts";
import { participationFor } from "./participation.ts";

/** The legal minimum (AML § 6 d, BEK 1838/2023); the discussion may not close without showing these. */
export const LEGAL_REQUIREMENTS = [
  "coming_year_planned",
  "meeting_interval",
  "convener",
  "acute_handling",
  "information",
  "last_year_goals_assessed",
  "goals_set",
  "expertise_discussed",
  "supplementary_training_discussed",
] as const;
export type LegalRequirement = (typeof LEGAL_REQUIREMENTS)[number];

export const GOOD_PRACTICES = ["minute_taker", "accident_overview", "apv_status", "instruction"] as const;
export type GoodPractice = (typeof GOOD_PRACTICES)[number];

/** The agenda point where each item is dealt with, so a user can be sent there. */
export const REQUIREMENT_POINT: Record<LegalRequirement | GoodPractice, number> = {
  coming_year_planned: 8,
  meeting_interval: 9,
  convener: 9,
  acute_handling: 9,
  information: 9,
  last_year_goals_assessed: 7,
  goals_set: 8,
  expertise_discussed: 10,
  supplementary_training_discussed: 10,
  minute_taker: 1,
  accident_overview: 6,
  apv_status: 4,
  instruction: 5,
};

export type RecordedEntry<K extends EntryKind = EntryKind> = {
  [P in K]: { point: number; kind: P; data: EntryData[P] };
}[K];

export interface CompletenessInput {
  headcount: number;
  /** Last year's goals that still wait for a verdict at point 7. */
  carriedGoalIds: readonly string[];
  entries: readonly RecordedEntry[];
}

export interface Completeness {
  complete: boolean;
  legal: LegalRequirement[];
  goodPractice: GoodPractice[];
}

export function checkCompleteness(input: CompletenessInput): Completeness {
  const of = <K extends EntryKind>(kind: K) =>
    input.entries.filter((e) => e.kind === kind).map((e) => e.data as EntryData[K]);
  const atPoint = (point: number) => input.entries.filter((e) => e.point === point);
  const cooperation = of("cooperation_plan").at(-1);
  const competences = of("competences");
  const verdicts = of("goal_verdict");
  const { hasAmo } = participationFor(input.headcount);

  const legal: LegalRequirement[] = [];
  const comingYear = atPoint(8).filter(
    (e) => e.kind === "focus_area" || e.kind === "decision" || e.kind === "goal",
  );
  if (comingYear.length === 0) legal.push("coming_year_planned");
  if (!cooperation?.meetingInterval) legal.push("meeting_interval");
  if (!cooperation?.convener) legal.push("convener");
  if (!cooperation?.acuteHandling) legal.push("acute_handling");
  if (!cooperation?.informAmo || !cooperation.informEveryone) legal.push("information");
  const judged = new Set(verdicts.map((v) => v.goalId).filter(Boolean));
  const lastYearAssessed =
    input.carriedGoalIds.length > 0
      ? input.carriedGoalIds.every((id) => judged.has(id))
      : verdicts.length > 0 || atPoint(7).length > 0;
  if (!lastYearAssessed) legal.push("last_year_goals_assessed");
  if (of("goal").length === 0) legal.push("goals_set");
  if (!hasAmo && !competences.some((c) => c.expertisePresent)) legal.push("expertise_discussed");
  if (hasAmo && !competences.some((c) => c.supplementaryTraining || (c.members?.length ?? 0) > 0)) {
    legal.push("supplementary_training_discussed");
  }

  const goodPractice: GoodPractice[] = [];
  if (of("minute_taker").length === 0) goodPractice.push("minute_taker");
  if (of("accident_overview").length === 0) goodPractice.push("accident_overview");
  if (atPoint(4).length === 0) goodPractice.push("apv_status");
  if (atPoint(5).length === 0) goodPractice.push("instruction");

  return { complete: legal.length === 0 && goodPractice.length === 0, legal, goodPractice };
}
