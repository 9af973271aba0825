import { localDateOf } from "../domain/calendar.ts";
import type { Entry, Member } from "../domain/entities.ts";
import type { EntryData } from "../domain/entries.ts";
import { planTraining } from "../scheduler/plan.ts";
import { type Ctx, EMPLOYER_ROLES } from "./context.ts";
import type { Repos } from "./ports.ts";
import { type RoleChange, roleChanges } from "./role-changes.ts";

/** What a point 2 entry did to the roster. */
export interface RosterOutcome {
  changes: RoleChange[];
  /**
   * Why the setup is as it was while the entry stands in the record: its writer is not on the employer's side, or the
   * person is written in by name only (no platform id to be reached at). False where the roster was updated.
   */
  leftAlone: false | "not_employer" | "name_only";
}

/** On an edit (`joinedBy` given), the joining date the roster already holds for the person. */
const existingJoined = (existing: { joinedAmoOn: string | null } | undefined, joinedBy: Date | undefined) =>
  joinedBy ? (existing?.joinedAmoOn ?? null) : null;

/**
 * A new AMO member presented at point 2 goes on the roster with the date they joined (today when none is given),
 * so their training is reminded, when the employer (or the employer's representative) records it. Roles are not to be
 * seized through a form: anyone else's entry, and a person written in by name only (no platform id to be reached
 * at), stays in the record alone.
 */
export async function joinRoster(
  r: Repos,
  ctx: Ctx,
  entryId: string,
  data: EntryData["amo_member"],
  now: Date,
  /** The joining date where the entry gives none: by default today; an edit keeps the one it had. */
  joinedBy?: Date,
): Promise<RosterOutcome> {
  const before = await r.members.list(ctx.workspace.id);
  const actorRole = before.find((m) => m.userId === ctx.actor.userId)?.role;
  if (actorRole === undefined || !EMPLOYER_ROLES.includes(actorRole))
    return { changes: [], leftAlone: "not_employer" };
  const userId = data.person.id;
  if (!userId) return { changes: [], leftAlone: "name_only" };
  const existing = before.find((m) => m.userId === userId);
  const member = {
    userId,
    name: data.person.name,
    role: data.role,
    joinedAmoOn:
      data.joinedOn ??
      existingJoined(existing, joinedBy) ??
      localDateOf(joinedBy ?? now, ctx.workspace.timeZone),
  };
  await r.members.upsert(ctx.workspace.id, member);
  await planTraining(r, ctx.workspace, [member], now);
  const changes = roleChanges(existing ? [existing] : [], [member]);
  // The entry and the person as they stood before are kept with the change, so that it can be undone (leaveRoster).
  for (const change of changes)
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, "member.role", change.userId, {
      from: change.from,
      to: change.to,
      point: 2,
      entry: entryId,
      before: existing ?? null,
    });
  return { changes, leftAlone: false };
}

const UNCHANGED: RosterOutcome = { changes: [], leftAlone: false };

/**
 * What a point 2 entry did to its person's place on the roster, undone when the entry is removed or changed to
 * another person: someone it added is taken off again, someone whose role it changed gets the one they had. Left as it
 * is when the roster has changed for them since (in the setup, or by another entry), when another entry still presents
 * them, or when the one removing or changing the entry is not on the employer's side.
 */
export async function leaveRoster(r: Repos, ctx: Ctx, entry: Entry, now: Date): Promise<RosterOutcome> {
  if (entry.kind !== "amo_member") return UNCHANGED;
  const userId = (entry.data as EntryData["amo_member"]).person.id;
  if (!userId) return UNCHANGED;
  const made = await lastChangesBy(r, ctx, entry.id, userId);
  if (made.length === 0) return UNCHANGED;
  const presented = await r.entries.presenting(ctx.workspace.id, userId);
  if (presented.some((e) => e.id !== entry.id)) return UNCHANGED;
  const roster = await r.members.list(ctx.workspace.id);
  const current = roster.find((m) => m.userId === userId);
  if (!current || current.role !== made.at(-1)?.to) return UNCHANGED;
  const actorRole = roster.find((m) => m.userId === ctx.actor.userId)?.role;
  if (actorRole === undefined || !EMPLOYER_ROLES.includes(actorRole))
    return { changes: [], leftAlone: "not_employer" };
  const before = made[0]?.before ?? null;
  if (before) {
    await r.members.restore(ctx.workspace.id, before);
    await planTraining(r, ctx.workspace, [before], now);
  } else {
    await r.members.remove(ctx.workspace.id, userId);
    await r.reminders.cancel(ctx.workspace.id, `member:${userId}`, "training.");
  }
  const change = { userId, name: current.name, from: current.role, to: before?.role ?? null };
  await r.audit.write(ctx.workspace.id, ctx.actor.userId, "member.role", userId, {
    from: change.from,
    to: change.to,
    point: 2,
    entry: entry.id,
    undone: true,
  });
  return { changes: [change], leftAlone: false };
}

type RoleChangeDetails = { entry?: string; to?: unknown; before?: Member | null; undone?: boolean };

/**
 * The roster changes an entry made to one person since it was last undone, oldest first; none when the newest change
 * to that person is not the entry's own (the roster has moved on since) or undid it.
 */
async function lastChangesBy(r: Repos, ctx: Ctx, entryId: string, userId: string) {
  const records = (await r.audit.about(ctx.workspace.id, "member.role", userId)).map(
    (record) => record.details as RoleChangeDetails,
  );
  const newest = records.at(-1);
  if (newest?.entry !== entryId || newest.undone) return [];
  const made: { to: unknown; before: Member | null }[] = [];
  for (const d of records) {
    if (d.entry !== entryId) continue;
    if (d.undone) made.length = 0;
    else made.push({ to: d.to, before: d.before ?? null });
  }
  return made;
}

/**
 * An edited point 2 entry on the roster: when it now names another person, what it did for the one it named is undone
 * first; then the person it names joins as a new entry's would, keeping the joining date it had.
 */
export async function changeRoster(
  r: Repos,
  ctx: Ctx,
  existing: Entry,
  data: EntryData["amo_member"],
  now: Date,
): Promise<RosterOutcome> {
  const named = (existing.data as EntryData["amo_member"]).person.id ?? null;
  const left = named !== (data.person.id ?? null) ? await leaveRoster(r, ctx, existing, now) : UNCHANGED;
  const joined = await joinRoster(r, ctx, existing.id, data, now, existing.createdAt);
  return { changes: [...left.changes, ...joined.changes], leftAlone: joined.leftAlone };
}
