import { DateTime } from "luxon";
import { z } from "zod";
import { AGENDA } from "../domain/agenda.ts";
import { type PlanningWarning, planningWarnings } from "../domain/calendar.ts";
import { localDateTime } from "../domain/dates.ts";
import type { Discussion, Participant } from "../domain/entities.ts";
import { optionalText, personSchema, problemsOf, text } from "../domain/entries.ts";
import { participationFor } from "../domain/participation.ts";
import { ROLES } from "../domain/types.ts";
import { cancelMeeting, planMeeting } from "../scheduler/plan.ts";
import type { AnnouncementView, MessageRef } from "./chat-port.ts";
import { type Ctx, type Deps, EMPLOYER_ROLES, inTransaction, requireRole } from "./context.ts";
import { invalidInput } from "./date-problems.ts";
import { AppError } from "./errors.ts";
import { invitation } from "./invitation.ts";
import type { Repos } from "./ports.ts";
import { requireSetUp } from "./setup.ts";
import { currentYear } from "./walkthrough.ts";

export const scheduleSchema = z.strictObject({
  date: z.string().trim(),
  time: z.string().trim(),
  durationMinutes: z.coerce.number().int().min(15).max(600).nullable().default(null),
  location: optionalText(500).nullable().default(null),
  channel: z.string().trim().min(1).max(64).nullable().default(null),
  participants: z
    .array(
      z.strictObject({
        id: z.string().max(64).optional(),
        name: text(200),
        role: z.enum(ROLES),
      }),
    )
    .max(200)
    .default([]),
  /** Who stands in for the employer, able to decide on the employer's behalf, if the employer does not attend. */
  standIn: personSchema.nullable().default(null),
});
export type ScheduleInput = z.input<typeof scheduleSchema>;

/**
 * The checks a schedule makes before it touches the database: what a form can be told at once (a Slack modal, before
 * its answer). Throws the same AppError schedule would; returns the input as schedule uses it.
 */
export function precheckSchedule(deps: Deps, ctx: Ctx, input: ScheduleInput) {
  requireSetUp(deps, ctx.workspace);
  const parsed = scheduleSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(deps, ctx, problemsOf(parsed.error));
  const v = parsed.data;
  const at = localDateTime(v.date, v.time, ctx.workspace.timeZone);
  if (!at) throw invalidInput(deps, ctx, { date: { code: "invalid_date" } });
  if (at.getTime() < deps.now().getTime()) throw invalidInput(deps, ctx, { date: { code: "date_in_past" } });
  return { v, at };
}

/** Plans this year's discussion (or moves it) and announces it in the channel. */
export async function schedule(
  deps: Deps,
  ctx: Ctx,
  input: ScheduleInput,
  key: string | null,
): Promise<{
  discussion: Discussion;
  rescheduled: boolean;
  announcement: MessageRef | null;
  warnings: (PlanningWarning | "no_employer")[];
}> {
  const { v, at } = precheckSchedule(deps, ctx, input);
  const zone = ctx.workspace.timeZone;
  const year = DateTime.fromJSDate(at, { zone }).year;
  const channel = v.channel ?? ctx.workspace.defaultChannel;
  const { value, replayed } = await inTransaction(deps, ctx, key, async (r) => {
    // The employer convenes: whoever plans also chooses the channel the record is read in.
    await requireRole(r, ctx, EMPLOYER_ROLES, "plan");
    // A discussion planned for another year and moved into this one moves with its year: never two side by side.
    const existing =
      (await r.discussions.forYear(ctx.workspace.id, year, true)) ??
      (await plannedElsewhere(r, ctx.workspace.id, currentYear(deps, ctx)));
    if (existing && existing.status !== "planned") {
      throw new AppError("already_exists", "error.already_exists", { year });
    }
    const fields = {
      scheduledAt: at,
      durationMinutes: v.durationMinutes,
      location: v.location,
      participants: v.participants.length > 0 ? v.participants : await everyoneIfSmall(r, ctx),
      standIn: v.standIn,
    };
    const discussion = existing
      ? await r.discussions.reschedule(ctx.workspace.id, existing.id, { ...fields, channelId: channel, year })
      : await r.discussions.create(ctx.workspace.id, {
          ...fields,
          year,
          organiserId: ctx.actor.userId,
          channelId: channel,
        });
    if (!discussion) throw new AppError("stale", "error.stale", {}, {}, true);
    await planMeeting(r, ctx.workspace, discussion, deps.now());
    const action = existing ? "discussion.rescheduled" : "discussion.planned";
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, action, discussion.id, {
      scheduledAt: at.toISOString(),
    });
    const employerAbsent = await withoutEmployer(r, ctx, discussion);
    return { discussionId: discussion.id, rescheduled: Boolean(existing), employerAbsent };
  });
  const discussion = (await deps.store.repos.discussions.get(
    ctx.workspace.id,
    value.discussionId,
  )) as Discussion;
  const announcement = replayed ? null : await announce(deps, ctx, discussion, value.rescheduled);
  const warnings = [...planningWarnings(v.date), ...(value.employerAbsent ? ["no_employer" as const] : [])];
  return { discussion, rescheduled: value.rescheduled, announcement, warnings };
}

/**
 * Whether the plan leaves the employer's side out: participants named, none of them the employer or the employer's
 * representative, and no stand-in who can decide on the employer's behalf (which the guidance requires).
 */
async function withoutEmployer(r: Repos, ctx: Ctx, discussion: Discussion): Promise<boolean> {
  if (discussion.participants.length === 0 || discussion.standIn) return false;
  const members = await r.members.list(ctx.workspace.id);
  const roleOf = (id: string | undefined) => members.find((m) => m.userId === id)?.role;
  return !discussion.participants.some((p) => EMPLOYER_ROLES.includes(roleOf(p.id) ?? p.role));
}

/** A discussion still only planned, for this year or later (locked): the one a new date moves. */
async function plannedElsewhere(r: Repos, workspaceId: string, thisYear: number): Promise<Discussion | null> {
  const planned = (await r.discussions.list(workspaceId)).find(
    (d) => d.status === "planned" && d.year >= thisYear,
  );
  return planned ? r.discussions.get(workspaceId, planned.id, true) : null;
}

/**
 * With 1-9 employees the employer holds the discussion with every employee: a plan naming no one invites everyone on
 * the roster. Larger workplaces choose their participants.
 */
async function everyoneIfSmall(r: Repos, ctx: Ctx): Promise<Participant[]> {
  if (participationFor(ctx.workspace.headcount ?? 1).hasAmo) return [];
  const members = await r.members.list(ctx.workspace.id);
  return members.map((m) => ({ id: m.userId, name: m.name || m.userId, role: m.role }));
}

/** Posts the plan in the discussion's channel, with a calendar invitation beside it. */
async function announce(
  deps: Deps,
  ctx: Ctx,
  discussion: Discussion,
  rescheduled: boolean,
): Promise<MessageRef | null> {
  const channel = discussion.channelId;
  if (!channel || !discussion.scheduledAt) return null;
  const chat = deps.chatFor(ctx.workspace);
  const posted = await chat.post(channel, {
    kind: "announcement",
    view: announcementView(ctx, discussion, rescheduled),
  });
  await invitation(ctx.workspace, discussion)
    .then((file) => chat.sendFile(channel, file, posted))
    .catch((error) => deps.log.warn("could not send the calendar invitation", { error: String(error) }));
  return posted;
}

export function announcementView(ctx: Ctx, d: Discussion, rescheduled: boolean): AnnouncementView {
  const lang = ctx.workspace.language;
  return {
    discussionId: d.id,
    year: d.year,
    language: lang,
    timeZone: ctx.workspace.timeZone,
    scheduledAt: d.scheduledAt as Date,
    durationMinutes: d.durationMinutes,
    location: d.location,
    participants: d.participants.map((p) => p.name),
    participation: participationFor(ctx.workspace.headcount ?? 1).description[lang],
    agenda: AGENDA.map((p) => ({ number: p.number, title: p.title[lang] })),
    rescheduled,
  };
}

/** Cancels a planned (not yet started) discussion and its reminders. */
export async function cancelPlanned(
  deps: Deps,
  ctx: Ctx,
  input: { discussionId: string },
  key: string | null,
): Promise<void> {
  await inTransaction(deps, ctx, key, async (r) => {
    await requireRole(r, ctx, EMPLOYER_ROLES, "plan");
    const discussion = await r.discussions.get(ctx.workspace.id, input.discussionId, true);
    if (!discussion) throw new AppError("not_found", "error.not_found");
    if (discussion.status !== "planned") throw new AppError("refused", "refusal.already_started");
    await cancelMeeting(r, ctx.workspace, discussion.id);
    await r.discussions.remove(ctx.workspace.id, discussion.id);
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, "discussion.cancelled", discussion.id, {
      year: discussion.year,
    });
    return null;
  });
}
