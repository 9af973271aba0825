import type { Member } from "./entities.ts";
import { participationFor } from "./participation.ts";
import type { Role } from "./types.ts";

/**
 * The agenda points the preparation round asks about: the APV, instruction, accidents and near misses, last year's
 * goals and the coming year's focus.
 */
export const ROUND_POINTS = [4, 5, 6, 7, 8] as const;
export type RoundPoint = (typeof ROUND_POINTS)[number];
/** The point whose answer also takes figures. */
export const ROUND_FIGURES_POINT = 6;

/** Working days before the meeting that those who have not answered are reminded. */
export const ROUND_REMIND_WORKING_DAYS = 3;

/** Longest text one point's answer may hold. */
export const ROUND_TEXT_MAX = 3000;

/** How the workplace runs its round (workspace.settings.round). */
export interface RoundSettings {
  /** No name or user id is stored with an answer. */
  anonymous: boolean;
  /** With an AMO: every employee on the roster is asked too, not only the AMO. */
  everyone: boolean;
}

export function roundSettings(settings: Record<string, unknown>): RoundSettings {
  const own = (settings.round ?? {}) as Partial<RoundSettings>;
  return { anonymous: own.anonymous === true, everyone: own.everyone === true };
}

/** One person's input: a text per point (only the points they wrote to) and, for point 6, figures. */
export interface RoundAnswer {
  points: Partial<Record<RoundPoint, string>>;
  accidents: number | null;
  nearMisses: number | null;
}

const EMPLOYER: readonly Role[] = ["employer", "employer_representative"];
const AMO: readonly Role[] = ["amo_representative", "work_leader"];

/**
 * Who is asked, by headcount: with 1-9 employees every employee; otherwise the AMO, and every employee where the
 * workplace chooses so. The employer receives the answers and is not asked; a person written in by name only has no
 * platform id to be reached at.
 */
export function roundRecipients(
  headcount: number,
  members: readonly Member[],
  settings: RoundSettings,
): Member[] {
  const everyone = !participationFor(headcount).hasAmo || settings.everyone;
  return members.filter(
    (m) => !m.userId.startsWith("name:") && !EMPLOYER.includes(m.role) && (everyone || AMO.includes(m.role)),
  );
}

export interface RoundInvite {
  userId: string;
  answered: boolean;
}

/** A stored answer; `respondentId` is null when the round is anonymous. */
export interface StoredRoundAnswer extends RoundAnswer {
  id: string;
  respondentId: string | null;
}

/** The round's subject in the reminders table: one per discussion and person. */
export const roundSubject = (discussionId: string, userId: string) => `round:${discussionId}:${userId}`;
