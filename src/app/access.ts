import { type Ctx, type Deps, EMPLOYER_ROLES, read, requireRole } from "./context.ts";
import { AppError } from "./errors.ts";
import type { Repos } from "./ports.ts";

/**
 * Who may change the setup and its roles: the employer (or the employer's representative) once one is named; before
 * that, the person who installed the app or an admin of the platform's workspace, who names the first employer.
 * Roles are never taken by running setup first.
 */
export async function requireSetupRight(r: Repos, ctx: Ctx): Promise<void> {
  const members = await r.members.list(ctx.workspace.id);
  const employers = members.filter((m) => EMPLOYER_ROLES.includes(m.role));
  if (employers.length > 0) {
    if (employers.some((m) => m.userId === ctx.actor.userId)) return;
    throw new AppError("forbidden", "error.setup_employer_only", {
      names: employers.map((m) => m.name).join(", "),
    });
  }
  const workspace = await r.workspaces.get(ctx.workspace.id);
  if (workspace?.installedBy && workspace.installedBy === ctx.actor.userId) return;
  if (await ctx.actor.isWorkspaceAdmin?.().catch(() => false)) return;
  throw new AppError("forbidden", "error.setup_installer_only");
}

/** Checked before a setup form opens, so a person who may not change it is told so at once. */
export async function checkSetupAccess(deps: Deps, ctx: Ctx): Promise<void> {
  await read(deps, (r) => requireSetupRight(r, ctx));
}

/** Checked before a planning form opens: only the employer's side plans (or cancels) the discussion. */
export async function checkPlanAccess(deps: Deps, ctx: Ctx): Promise<void> {
  await read(deps, (r) => requireRole(r, ctx, EMPLOYER_ROLES, "plan"));
}

/**
 * Who may read the record (summary, exports, status, follow-up): anyone in the workplace's discussion channel, where
 * the answer is the channel's; elsewhere, only a person on the workplace's roster, and only in an answer they alone
 * see.
 */
export async function requireReader(r: Repos, ctx: Ctx): Promise<"channel" | "private"> {
  const place = ctx.place ?? { conversation: null, private: true };
  if (place.conversation && (await isDiscussionChannel(r, ctx, place.conversation))) return "channel";
  if (place.private && (await r.members.roleOf(ctx.workspace.id, ctx.actor.userId))) return "private";
  throw new AppError("forbidden", "error.read_elsewhere");
}

/** Whether the record may be shown here: in the discussion's channel, or privately to a person on the roster. */
export async function readAccess(deps: Deps, ctx: Ctx): Promise<"channel" | "private"> {
  return read(deps, (r) => requireReader(r, ctx));
}

async function isDiscussionChannel(r: Repos, ctx: Ctx, conversation: string): Promise<boolean> {
  if (ctx.workspace.defaultChannel === conversation) return true;
  return r.discussions.heldIn(ctx.workspace.id, conversation);
}
