import { addToDate } from "./calendar.ts";
import type { Role } from "./types.ts";

/** An AMO member (or, in a small workplace, a participant) as the inspection folder lists them. */
export interface FolderMember {
  name: string;
  role: Role;
  joinedOn: string | null;
  /** The 3-day course: done, recorded as not done, never recorded, or not a duty for this role. */
  course: "done" | "not_done" | "unknown" | "not_required";
  /** Three months after joining, where the joining date is known. */
  courseDue: string | null;
  /**
   * The supplementary training as point 10 last recorded it: days taken of the days due in that membership year
   * (2 in the first, 1.5 later), whether it was offered; null where it is not a duty or nothing was recorded.
   */
  supplementary: { taken: number | null; due: number; offered: boolean | null } | null;
}

/** A decision or goal still to be followed up (open), or done, with its year and deadline. */
export interface FolderAction {
  year: number;
  kind: "decision" | "goal";
  text: string;
  owner: string | null;
  deadline: string | null;
  status: "open" | "done";
  overdue: boolean;
}

export interface ReadinessInput {
  /** Today in the workplace's time zone. */
  today: string;
  /** The day the newest discussion was held (started), if any was. */
  lastHeldOn: string | null;
  /** The date of the newest APV as point 4 recorded it. */
  lastApvDate: string | null;
  members: FolderMember[];
  open: FolderAction[];
  /** The newest referat is approved by both sides (false also when there is none). */
  referatApproved: boolean;
}

/** What an inspector would find missing or overdue; each kind has its own text and what to do about it. */
export type ReadinessIssue =
  | { kind: "no_discussion"; lastHeldOn: string | null }
  | { kind: "referat_not_approved" }
  | { kind: "apv_old"; lastApvDate: string; dueBy: string }
  | { kind: "apv_missing" }
  | { kind: "course_missing"; name: string; dueBy: string | null; overdue: boolean }
  | { kind: "overdue"; action: FolderAction };

/** The APV is redone at least every third year. */
const APV_YEARS = 3;

/**
 * The "klar til tilsyn" check: a discussion within the last 12 months with an approved referat, an APV younger than
 * three years, every AMO member who must have it on the 3-day course, and no decision or goal past its deadline.
 * An empty list means nothing is missing.
 */
export function readiness(input: ReadinessInput): ReadinessIssue[] {
  const issues: ReadinessIssue[] = [];
  const yearAgo = addToDate(input.today, { months: -12 });
  if (!input.lastHeldOn || input.lastHeldOn < yearAgo)
    issues.push({ kind: "no_discussion", lastHeldOn: input.lastHeldOn });
  else if (!input.referatApproved) issues.push({ kind: "referat_not_approved" });
  if (!input.lastApvDate) issues.push({ kind: "apv_missing" });
  else {
    const dueBy = addToDate(input.lastApvDate, { years: APV_YEARS });
    if (dueBy <= input.today) issues.push({ kind: "apv_old", lastApvDate: input.lastApvDate, dueBy });
  }
  for (const m of input.members) {
    if (m.course !== "not_done" && m.course !== "unknown") continue;
    const overdue = m.courseDue !== null && m.courseDue < input.today;
    issues.push({ kind: "course_missing", name: m.name, dueBy: m.courseDue, overdue });
  }
  for (const action of input.open) if (action.overdue) issues.push({ kind: "overdue", action });
  return issues;
}
