import { DateTime } from "luxon";
import type { Repos } from "../app/ports.ts";
import {
  addToDate,
  atLocalHour,
  localDateOf,
  shiftToWorkingDay,
  workingDaysBefore,
} from "../domain/calendar.ts";
import type { Discussion, Entry, Member, Workspace } from "../domain/entities.ts";
import { ROUND_REMIND_WORKING_DAYS, roundRecipients, roundSettings, roundSubject } from "../domain/round.ts";
import { needsTraining, trainingSteps } from "../domain/training.ts";

export const REMINDER_KINDS = [
  "meeting.prepare",
  "meeting.day_before",
  "meeting.start",
  "round.ask",
  "round.remind",
  "entry.week_before",
  "entry.due",
  "quarterly.status",
  "cycle.due",
  "cycle.overdue",
  "apv.due",
  "training.first_course",
  "training.supplementary",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Lead times a workspace can move in setup (days before the event). */
const DEFAULT_DAYS_BEFORE: Partial<Record<ReminderKind, number>> = {
  "meeting.prepare": 14,
  "meeting.day_before": 1,
  "entry.week_before": 7,
};
export const DEFAULT_REMINDER_HOUR = 9;

export function reminderSetting(workspace: Workspace, kind: ReminderKind) {
  const own = workspace.settings.reminders?.[kind] ?? {};
  return {
    enabled: own.enabled ?? true,
    daysBefore: own.daysBefore ?? DEFAULT_DAYS_BEFORE[kind] ?? 0,
    hour:
      typeof workspace.settings.reminderHour === "number"
        ? workspace.settings.reminderHour
        : DEFAULT_REMINDER_HOUR,
  };
}

/** The instant a reminder goes out: the set hour, local time, on a working day (before or after the date). */
export function reminderTime(
  workspace: Workspace,
  kind: ReminderKind,
  isoDate: string,
  direction: -1 | 1,
): Date {
  return atLocalHour(
    shiftToWorkingDay(isoDate, direction),
    reminderSetting(workspace, kind).hour,
    workspace.timeZone,
  );
}

type Add = (
  kind: ReminderKind,
  subjectId: string,
  dueAt: Date,
  payload?: Record<string, unknown>,
) => Promise<void>;

function adder(r: Repos, workspace: Workspace, now: Date): Add {
  return async (kind, subjectId, dueAt, payload = {}) => {
    if (!reminderSetting(workspace, kind).enabled || dueAt.getTime() <= now.getTime()) return;
    await r.reminders.add(workspace.id, { kind, subjectId, dueAt, payload });
  };
}

/** Preparation, the day before and the start: replaced whenever the meeting moves. */
export async function planMeeting(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  now: Date,
): Promise<void> {
  await r.reminders.cancel(workspace.id, discussion.id, "meeting.");
  if (discussion.status !== "planned" || !discussion.scheduledAt) return;
  const add = adder(r, workspace, now);
  const day = localDateOf(discussion.scheduledAt, workspace.timeZone);
  const before = (kind: ReminderKind) =>
    addToDate(day, { days: -reminderSetting(workspace, kind).daysBefore });
  await add(
    "meeting.prepare",
    discussion.id,
    reminderTime(workspace, "meeting.prepare", before("meeting.prepare"), -1),
  );
  await add(
    "meeting.day_before",
    discussion.id,
    reminderTime(workspace, "meeting.day_before", before("meeting.day_before"), -1),
  );
  await add("meeting.start", discussion.id, discussion.scheduledAt);
  // Planned within the preparation lead time: the round opens now rather than not at all.
  const prepareAt = reminderTime(workspace, "meeting.prepare", before("meeting.prepare"), -1);
  const soon = prepareAt.getTime() <= now.getTime() && discussion.scheduledAt.getTime() > now.getTime();
  if (soon && reminderSetting(workspace, "meeting.prepare").enabled)
    await openRound(r, workspace, discussion, now);
  await planRoundReminders(r, workspace, discussion, now);
}

/**
 * The preparation round opens with the preparation reminder: each person who should be heard gets a private
 * message of their own (one reminder each, so each is delivered exactly once).
 */
export async function openRound(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  now: Date,
): Promise<void> {
  if (!reminderSetting(workspace, "round.ask").enabled) return;
  const members = await r.members.list(workspace.id);
  const asked = roundRecipients(workspace.headcount ?? 1, members, roundSettings(workspace.settings));
  for (const m of asked) {
    await r.reminders.add(workspace.id, {
      kind: "round.ask",
      subjectId: roundSubject(discussion.id, m.userId),
      dueAt: now,
      payload: { discussionId: discussion.id, userId: m.userId },
    });
  }
}

/** When the reminder to those who have not answered goes out: a few working days before the meeting. */
export function roundRemindTime(workspace: Workspace, discussion: Discussion): Date | null {
  if (!discussion.scheduledAt) return null;
  const day = workingDaysBefore(
    localDateOf(discussion.scheduledAt, workspace.timeZone),
    ROUND_REMIND_WORKING_DAYS,
  );
  return atLocalHour(day, reminderSetting(workspace, "round.remind").hour, workspace.timeZone);
}

/** The reminder to one person who was asked, planned anew when the meeting moves; none once they have answered. */
export async function planRoundReminder(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  userId: string,
  now: Date,
): Promise<void> {
  const subject = roundSubject(discussion.id, userId);
  await r.reminders.cancel(workspace.id, subject, "round.remind");
  const at = discussion.status === "planned" ? roundRemindTime(workspace, discussion) : null;
  if (at)
    await adder(r, workspace, now)("round.remind", subject, at, { discussionId: discussion.id, userId });
}

async function planRoundReminders(r: Repos, workspace: Workspace, discussion: Discussion, now: Date) {
  for (const invite of await r.round.invites(workspace.id, discussion.id)) {
    if (!invite.answered) await planRoundReminder(r, workspace, discussion, invite.userId, now);
  }
}

export async function cancelMeeting(r: Repos, workspace: Workspace, discussionId: string): Promise<void> {
  await r.reminders.cancel(workspace.id, discussionId, "meeting.");
}

/** A week before and on the day of a decision's or goal's deadline; none once it is done. */
export async function planEntry(r: Repos, workspace: Workspace, entry: Entry, now: Date): Promise<void> {
  await r.reminders.cancel(workspace.id, entry.id, "entry.");
  if (entry.status !== "open" || !entry.deadline) return;
  const add = adder(r, workspace, now);
  const weekBefore = addToDate(entry.deadline, {
    days: -reminderSetting(workspace, "entry.week_before").daysBefore,
  });
  await add("entry.week_before", entry.id, reminderTime(workspace, "entry.week_before", weekBefore, -1));
  await add("entry.due", entry.id, reminderTime(workspace, "entry.due", entry.deadline, -1));
}

/** The next quarter's first working day; each quarterly reminder plans the next when it goes out. */
export async function planQuarterly(r: Repos, workspace: Workspace, now: Date): Promise<void> {
  const local = DateTime.fromJSDate(now, { zone: workspace.timeZone });
  const nextQuarter = local.startOf("quarter").plus({ months: 3 }).toISODate() as string;
  await r.reminders.cancel(workspace.id, workspace.id, "quarterly.");
  await adder(r, workspace, now)(
    "quarterly.status",
    workspace.id,
    reminderTime(workspace, "quarterly.status", nextQuarter, 1),
  );
}

/** Next year's discussion: due 11 months after this one, escalating at 12. */
export async function planCycle(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  now: Date,
): Promise<void> {
  await r.reminders.cancel(workspace.id, workspace.id, "cycle.");
  // Counted from the day the meeting was held, as the referat's "senest" date and the inspection folder count.
  const heldAt = discussion.startedAt ?? discussion.scheduledAt ?? discussion.concludedAt ?? now;
  const held = localDateOf(heldAt, workspace.timeZone);
  const add = adder(r, workspace, now);
  const payload = { discussionId: discussion.id, year: discussion.year };
  await add(
    "cycle.due",
    workspace.id,
    reminderTime(workspace, "cycle.due", addToDate(held, { months: 11 }), 1),
    payload,
  );
  await add(
    "cycle.overdue",
    workspace.id,
    reminderTime(workspace, "cycle.overdue", addToDate(held, { months: 12 }), 1),
    payload,
  );
}

/** Months before the APV's three years are up that the workplace is reminded to plan the next one. */
export const APV_LEAD_MONTHS = [6, 3] as const;

/** The APV must be redone at least every third year, counted from the date recorded at point 4: reminded ahead. */
export async function planApv(r: Repos, workspace: Workspace, lastApvDate: string, now: Date): Promise<void> {
  await r.reminders.cancel(workspace.id, workspace.id, "apv.");
  const due = addToDate(lastApvDate, { years: 3 });
  const add = adder(r, workspace, now);
  for (const monthsBefore of APV_LEAD_MONTHS) {
    const day = addToDate(due, { months: -monthsBefore });
    await add("apv.due", workspace.id, reminderTime(workspace, "apv.due", day, 1), {
      lastApvDate,
      due,
      monthsBefore,
    });
  }
}

/**
 * Training for each AMO member with a joining date whose role the duty covers (domain/training.ts): the 3-day
 * course, the first year's supplementary days, then the next later year's.
 */
export async function planTraining(
  r: Repos,
  workspace: Workspace,
  members: Member[],
  now: Date,
): Promise<void> {
  const add = adder(r, workspace, now);
  const today = localDateOf(now, workspace.timeZone);
  for (const m of members) {
    const subject = `member:${m.userId}`;
    await r.reminders.cancel(workspace.id, subject, "training.");
    if (!m.joinedAmoOn || !needsTraining(m.role)) continue;
    for (const step of trainingSteps(m.joinedAmoOn, today)) {
      await add(step.kind, subject, reminderTime(workspace, step.kind, step.date, 1), {
        userId: m.userId,
        name: m.name,
        joinedAmoOn: m.joinedAmoOn,
        monthsIn: step.monthsIn,
        membershipYear: step.membershipYear,
        deadline: step.deadline,
      });
    }
  }
}

/**
 * After the reminder settings change: kinds turned off lose their pending reminders, and a planned meeting's
 * reminders are planned again with the new lead times.
 */
export async function replanReminders(r: Repos, workspace: Workspace, now: Date): Promise<void> {
  for (const kind of REMINDER_KINDS) {
    if (!reminderSetting(workspace, kind).enabled) await r.reminders.cancelKind(workspace.id, kind);
  }
  for (const discussion of await r.discussions.list(workspace.id)) {
    if (discussion.status === "planned") await planMeeting(r, workspace, discussion, now);
  }
}
