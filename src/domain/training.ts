import { addToDate } from "./calendar.ts";
import type { Role } from "./types.ts";

/**
 * The AMO members the training duty covers: elected representatives and work leaders. An employer (or the
 * employer's stand-in) who sits in the AMO without being a work leader is not sent on the course.
 */
export const TRAINING_ROLES: readonly Role[] = ["amo_representative", "work_leader"];

export const needsTraining = (role: Role): boolean => TRAINING_ROLES.includes(role);

/** Days of supplementary training to offer: 2 in the first membership year, 1.5 in each later one. */
export const supplementaryDays = (membershipYear: number): number => (membershipYear <= 1 ? 2 : 1.5);

/** One training reminder: when it is due (a local date) and what it is about. */
export interface TrainingStep {
  kind: "training.first_course" | "training.supplementary";
  date: string;
  /** Months since joining (1 and 2 for the course, 6 and 9 for the first supplementary days, then 12, 24, …). */
  monthsIn: number;
  /** The membership year the step concerns: 1 for the first twelve months. */
  membershipYear: number;
  /** The date the step's training must be done or planned by. */
  deadline: string;
}

/**
 * The reminders for a member who joined on `joinedOn`: the 3-day course is due within 3 months (reminded after 1
 * and 2), the first 2 supplementary days are to be planned inside the first 12 months (reminded around 6 and 9),
 * and each later year starts with a reminder of its 1.5 days. Only steps after `today` are given; of the later
 * years, the next one (each plans the following when it goes out).
 */
export function trainingSteps(joinedOn: string, today: string): TrainingStep[] {
  const at = (months: number) => addToDate(joinedOn, { months });
  const steps: TrainingStep[] = [
    ...[1, 2].map((m) => ({
      kind: "training.first_course" as const,
      date: at(m),
      monthsIn: m,
      membershipYear: 1,
      deadline: at(3),
    })),
    ...[6, 9].map((m) => ({
      kind: "training.supplementary" as const,
      date: at(m),
      monthsIn: m,
      membershipYear: 1,
      deadline: at(12),
    })),
  ];
  let year = 2;
  while (at((year - 1) * 12) <= today) year++;
  steps.push({
    kind: "training.supplementary",
    date: at((year - 1) * 12),
    monthsIn: (year - 1) * 12,
    membershipYear: year,
    deadline: at(year * 12),
  });
  return steps.filter((s) => s.date > today);
}

/** The membership year a date falls in: 1 for the first twelve months after joining. */
export function membershipYearOn(joinedOn: string, date: string): number {
  let year = 1;
  while (addToDate(joinedOn, { months: year * 12 }) <= date) year++;
  return year;
}
