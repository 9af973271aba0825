import type { EntryData, EntryKind } from "./entries.ts";
import { participationFor } from "./participation.ts";

/**
 * What Arbejdsmiljøloven § 6 d and BEK nr. 1838 af 14/12/2023 ask of every annual discussion, in agenda order; the
 * last two apply by size (1-9 employees) and by having an AMO. The discussion may not close without showing these.
 */
export const LEGAL_REQUIREMENTS = [
  "last_year_goals_assessed",
  "coming_year_planned",
  "goals_set",
  "meeting_interval",
  "expertise_discussed",
  "supplementary_training_discussed",
] as const;
export type LegalRequirement = (typeof LEGAL_REQUIREMENTS)[number];

/**
 * Duties that fall once a year but outside what the law asks of the discussion itself: the overview of the year's
 * accidents, poisonings and ill health. The discussion is where it is reviewed, so the check shows it on its own.
 */
export const YEARLY_DUTIES = ["accident_overview"] as const;
export type YearlyDuty = (typeof YEARLY_DUTIES)[number];

/**
 * BFA's advice for a good discussion, in agenda order: shown and recorded, never called law. The last two apply by
 * size: keeping the AMO and everyone informed where there is an AMO, keeping everyone informed where there is none.
 */
export const GOOD_PRACTICES = [
  "minute_taker",
  "apv_status",
  "instruction",
  "convener",
  "acute_handling",
  "information",
  "information_everyone",
] as const;
export type GoodPractice = (typeof GOOD_PRACTICES)[number];

/** The agenda point where each item is dealt with, so a user can be sent there. */
export const REQUIREMENT_POINT: Record<LegalRequirement | YearlyDuty | GoodPractice, number> = {
  minute_taker: 1,
  apv_status: 4,
  instruction: 5,
  accident_overview: 6,
  last_year_goals_assessed: 7,
  coming_year_planned: 8,
  goals_set: 8,
  meeting_interval: 9,
  convener: 9,
  acute_handling: 9,
  information: 9,
  information_everyone: 9,
  expertise_discussed: 10,
  supplementary_training_discussed: 10,
};

export type RecordedEntry<K extends EntryKind = EntryKind> = {
  [P in K]: { point: number; kind: P; data: EntryData[P] };
}[K];

export interface CompletenessInput {
  headcount: number;
  /** Last year's goals, each to be given a verdict at point 7 (one marked done during the year too). */
  carriedGoalIds: readonly string[];
  /** The bot holds no discussion from the year before, so it knows of no goals to assess. */
  firstYear: boolean;
  entries: readonly RecordedEntry[];
}

export interface Completeness {
  complete: boolean;
  /** Missing legal requirements, in agenda order. */
  legal: LegalRequirement[];
  /** Missing yearly duties, in agenda order. */
  duties: YearlyDuty[];
  /** Missing good practice, in agenda order. */
  goodPractice: GoodPractice[];
  /**
   * The bot holds no discussion from the year before and nothing is said at point 7 yet: the check asks for a word
   * there on last year's goals (kept elsewhere, or none). Absent means not.
   */
  firstYear?: boolean;
}

/** The requirements that apply to a workplace of this size: sagkundskab for 1-9, the AMO's training with an AMO. */
export function legalRequirementsFor(headcount: number): LegalRequirement[] {
  const { hasAmo } = participationFor(headcount);
  return LEGAL_REQUIREMENTS.filter((r) =>
    r === "expertise_discussed" ? !hasAmo : r === "supplementary_training_discussed" ? hasAmo : true,
  );
}

/** The good practice that applies to a workplace of this size: without an AMO, there is no AMO to keep informed. */
export function goodPracticesFor(headcount: number): GoodPractice[] {
  const { hasAmo } = participationFor(headcount);
  return GOOD_PRACTICES.filter((p) =>
    p === "information" ? hasAmo : p === "information_everyone" ? !hasAmo : true,
  );
}

export function checkCompleteness(input: CompletenessInput): Completeness {
  const of = <K extends EntryKind>(kind: K) =>
    input.entries.filter((e) => e.kind === kind).map((e) => e.data as EntryData[K]);
  const atPoint = (point: number) => input.entries.filter((e) => e.point === point);
  const cooperation = of("cooperation_plan").at(-1);
  const competences = of("competences");

  const covered: Record<LegalRequirement | YearlyDuty | GoodPractice, boolean> = {
    last_year_goals_assessed: lastYearAssessed(input, of("goal_verdict"), atPoint(7).length > 0),
    coming_year_planned: atPoint(8).some(
      (e) => e.kind === "focus_area" || e.kind === "decision" || e.kind === "goal",
    ),
    goals_set: of("goal").length > 0,
    meeting_interval: Boolean(cooperation?.meetingInterval),
    expertise_discussed: competences.some((c) => c.expertisePresent),
    supplementary_training_discussed: competences.some(
      (c) => c.supplementaryTraining || (c.members?.length ?? 0) > 0,
    ),
    minute_taker: of("minute_taker").length > 0,
    apv_status: atPoint(4).length > 0,
    instruction: atPoint(5).length > 0,
    accident_overview: of("accident_overview").length > 0,
    convener: Boolean(cooperation?.convener),
    acute_handling: Boolean(cooperation?.acuteHandling),
    information: Boolean(cooperation?.informAmo && cooperation.informEveryone),
    information_everyone: Boolean(cooperation?.informEveryone),
  };
  const legal = legalRequirementsFor(input.headcount).filter((r) => !covered[r]);
  const duties = YEARLY_DUTIES.filter((r) => !covered[r]);
  const goodPractice = goodPracticesFor(input.headcount).filter((r) => !covered[r]);
  return {
    complete: legal.length === 0 && duties.length === 0 && goodPractice.length === 0,
    legal,
    duties,
    goodPractice,
    firstYear: input.firstYear && input.carriedGoalIds.length === 0 && !covered.last_year_goals_assessed,
  };
}

/**
 * Every carried goal has a verdict; with none carried, something is said at point 7. A first year with the bot is no
 * answer: last year's goals may have been set without it, so the meeting says how they went, or that there were none.
 */
function lastYearAssessed(
  input: CompletenessInput,
  verdicts: EntryData["goal_verdict"][],
  saidAtPoint7: boolean,
): boolean {
  if (input.carriedGoalIds.length > 0) {
    const judged = new Set(verdicts.map((v) => v.goalId).filter(Boolean));
    return input.carriedGoalIds.every((id) => judged.has(id));
  }
  return verdicts.length > 0 || saidAtPoint7;
}
