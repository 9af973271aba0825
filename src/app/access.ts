import type { Discussion } from "../domain/entities.ts";
import { type Ctx, type Deps, EMPLOYER_ROLES, read, requireRole } from "./context.ts";
import { AppError } from "./errors.ts";
import type { Repos } from "./ports.ts";
import { currentYear } from "./walkthrough.ts";

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

/** What a read shows: one discussion's record, or the workplace's as a whole (what is open across the years). */
export type ReadAbout = Discussion | "workplace";

/**
 * Who may read the record (summary, exports, status, follow-up): anyone in the workplace's channel, where the answer
 * is the channel's, and in an earlier year's channel that year's record alone; elsewhere, only a person on the
 * workplace's roster, and only in an answer they alone see.
 */
export async function requireReader(r: Repos, ctx: Ctx, about: ReadAbout): Promise<"channel" | "private"> {
  const place = ctx.place ?? { conversation: null, private: true };
  if (place.conversation && (await readsHere(r, ctx, place.conversation, about))) return "channel";
  if (place.private && (await r.members.roleOf(ctx.workspace.id, ctx.actor.userId))) return "private";
  throw new AppError("forbidden", "error.read_elsewhere");
}

/** Whether the workplace's record as a whole (what is open across the years) may be shown here. */
export async function readsWorkplace(r: Repos, ctx: Ctx): Promise<boolean> {
  return requireReader(r, ctx, "workplace").then(
    () => true,
    (error) => {
      if (error instanceof AppError && error.code === "forbidden") return false;
      throw error;
    },
  );
}

/** Whether a year's record (this year's or the newest when none is given) may be shown here, and to whom. */
export async function readAccess(deps: Deps, ctx: Ctx, year?: number): Promise<"channel" | "private"> {
  return read(deps, async (r) =>
    requireReader(r, ctx, (await discussionAsked(deps, r, ctx, year)) ?? "workplace"),
  );
}

/** The discussion whose record a read means: the year's, or without a year this year's, else the newest. */
export async function discussionAsked(
  deps: Deps,
  r: Repos,
  ctx: Ctx,
  year?: number,
): Promise<Discussion | null> {
  if (year !== undefined) return r.discussions.forYear(ctx.workspace.id, year);
  return (
    (await r.discussions.forYear(ctx.workspace.id, currentYear(deps, ctx))) ??
    (await r.discussions.latest(ctx.workspace.id))
  );
}

/**
 * The workplace's channel is the one set up, and the one its newest discussion is held in. A channel that held an
 * earlier year keeps that year's record, pinned there anyway, but sees nothing newer: its members may have changed.
 */
async function readsHere(r: Repos, ctx: Ctx, conversation: string, about: ReadAbout): Promise<boolean> {
  if (ctx.workspace.defaultChannel === conversation) return true;
  if (about !== "workplace" && about.channelId === conversation) return true;
  return (await r.discussions.latest(ctx.workspace.id))?.channelId === conversation;
}
