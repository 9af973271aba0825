import { z } from "zod";
import { isValidTimeZone } from "../domain/dates.ts";
import type { Workspace, WorkspaceSettings } from "../domain/entities.ts";
import { problemsOf, text } from "../domain/entries.ts";
import { type ParticipationRule, participationFor, structureWarnings } from "../domain/participation.ts";
import { ROLES } from "../domain/types.ts";
import { t } from "../i18n/index.ts";
import { planQuarterly, planTraining, REMINDER_KINDS, replanReminders } from "../scheduler/plan.ts";
import { requireSetupRight } from "./access.ts";
import { commandOf } from "./command-name.ts";
import { type Ctx, type Deps, inTransaction } from "./context.ts";
import { AppError } from "./errors.ts";
import { announceRoleChanges, roleChanges } from "./role-changes.ts";

export const setupSchema = z.strictObject({
  headcount: z.coerce.number().int().min(1).max(1_000_000),
  timeZone: z.string().trim().refine(isValidTimeZone, { message: "invalid" }),
  language: z.enum(["da", "en"]),
  defaultChannel: z.string().trim().min(1).max(64).nullable(),
  members: z
    .array(
      z.strictObject({
        userId: z.string().trim().min(1).max(64),
        name: text(200),
        role: z.enum(ROLES),
        joinedAmoOn: z.string().nullable().default(null),
      }),
    )
    .max(200),
  /** Per reminder kind: turned off, or moved (days before the event). */
  reminders: z
    .partialRecord(
      z.enum(REMINDER_KINDS),
      z.strictObject({
        enabled: z.boolean().optional(),
        daysBefore: z.coerce.number().int().min(0).max(90).optional(),
      }),
    )
    .optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});
export type SetupInput = z.input<typeof setupSchema>;

/**
 * Saves headcount, time zone, language, channel and the AMO members. Only the employer (or the representative) may;
 * before one is named, the installer or a workspace admin (see access.ts). Every role change is audited and said in
 * the channel, and an employer must always be named, so the workplace is never left open to whoever comes first.
 */
export async function setupWorkspace(
  deps: Deps,
  ctx: Ctx,
  input: SetupInput,
  key: string | null,
): Promise<{ workspace: Workspace; participation: ParticipationRule; warnings: string[] }> {
  const value = precheckSetup(input);
  const { value: result, replayed } = await inTransaction(deps, ctx, key, async (r) => {
    await requireSetupRight(r, ctx);
    const before = await r.members.list(ctx.workspace.id);
    const current = await r.workspaces.get(ctx.workspace.id);
    const settings: WorkspaceSettings = {
      ...(current?.settings ?? {}),
      ...(value.settings ?? {}),
      ...(value.reminders ? { reminders: value.reminders } : {}),
    };
    const updated = await r.workspaces.update(ctx.workspace.id, {
      headcount: value.headcount,
      timeZone: value.timeZone,
      language: value.language,
      defaultChannel: value.defaultChannel,
      settings,
    });
    await r.members.replace(ctx.workspace.id, value.members);
    await replanReminders(r, updated, deps.now());
    await planQuarterly(r, updated, deps.now());
    await planTraining(r, updated, await r.members.list(ctx.workspace.id), deps.now());
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, "workspace.setup", ctx.workspace.id, {
      headcount: value.headcount,
      members: value.members.length,
    });
    const changes = roleChanges(before, value.members);
    for (const change of changes)
      await r.audit.write(ctx.workspace.id, ctx.actor.userId, "member.role", change.userId, {
        from: change.from,
        to: change.to,
      });
    return { workspace: updated, changes };
  });
  const { workspace, changes } = result;
  if (!replayed) await announceRoleChanges(deps, ctx, workspace, changes);
  const headcount = workspace.headcount ?? 1;
  const warnings = structureWarnings(
    headcount,
    value.members.map((m) => m.role),
  ).map(({ code, ...params }) => t(workspace.language, `structure.${code}`, params));
  return { workspace, participation: participationFor(headcount), warnings };
}

/**
 * The checks made before the database is touched (the form's values, an employer named): what a form can be told at
 * once, such as a Slack modal before its answer. Throws the AppError setupWorkspace would.
 */
export function precheckSetup(input: SetupInput): z.output<typeof setupSchema> {
  const parsed = setupSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "error.invalid", {}, problemsOf(parsed.error));
  if (!parsed.data.members.some((m) => m.role === "employer"))
    throw new AppError("invalid", "error.invalid", {}, { members: { code: "employer_required" } });
  return parsed.data;
}

export function requireSetUp(
  deps: Pick<Deps, "commandFor">,
  workspace: Workspace,
): asserts workspace is Workspace & { headcount: number } {
  if (workspace.headcount === null)
    throw new AppError("not_set_up", "error.not_set_up", { command: commandOf(deps, workspace) });
}
