import { localDateOf } from "../domain/calendar.ts";
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
  for (const change of changes)
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, "member.role", change.userId, {
      from: change.from,
      to: change.to,
      point: 2,
    });
  return { changes, leftAlone: false };
}
