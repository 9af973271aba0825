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

/** The roster changes read to undo one: far more than a workplace makes. */
const ROLE_CHANGES_READ = 1000;

/**
 * What a point 2 entry did to its person's place on the roster, undone when the entry is removed or changed to
 * another person: someone it added is taken off again, someone whose role it changed gets the one they had. Left as it
 * is when the roster has changed since (in the setup, or by another entry), or the writer is not on the employer's side.
 */
export async function leaveRoster(r: Repos, ctx: Ctx, entry: Entry, now: Date): Promise<RosterOutcome> {
  if (entry.kind !== "amo_member") return { changes: [], leftAlone: false };
  const userId = (entry.data as EntryData["amo_member"]).person.id;
  if (!userId) return { changes: [], leftAlone: false };
  const made = await changesBy(r, ctx, entry.id, userId);
  const roster = await r.members.list(ctx.workspace.id);
  const current = roster.find((m) => m.userId === userId);
  const last = made.at(-1);
  if (!last || !current || current.role !== last.to) return { changes: [], leftAlone: false };
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

/** The roster changes an entry made to one person since it was last undone, oldest first. */
async function changesBy(r: Repos, ctx: Ctx, entryId: string, userId: string) {
  const made: { to: unknown; before: Member | null }[] = [];
  for (const record of await r.audit.recent(ctx.workspace.id, ["member.role"], ROLE_CHANGES_READ)) {
    const details = record.details as {
      entry?: string;
      to?: unknown;
      before?: Member | null;
      undone?: boolean;
    };
    if (record.subjectId !== userId || details.entry !== entryId) continue;
    if (details.undone) made.length = 0;
    else made.push({ to: details.to, before: details.before ?? null });
  }
  return made;
}
