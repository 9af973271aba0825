import { randomBytes } from "node:crypto";
import type { PlatformId } from "../domain/types.ts";
import { t } from "../i18n/index.ts";
import type { OutboundFile } from "./chat-port.ts";
import {
  type Ctx,
  type Deps,
  EMPLOYER_ROLES,
  inTransaction,
  languageOf,
  read,
  requireRole,
} from "./context.ts";
import { AppError } from "./errors.ts";
import type { Repos } from "./ports.ts";

/** How long an uninstalled workspace's data is kept (so a reinstall finds it) before it is deleted. */
export const RETENTION_DAYS_AFTER_UNINSTALL = 90;
const DELETION_CONFIRM_MINUTES = 15;
/** A link to the whole workplace's data works this long (documents' links: a day, see OutboundFile). */
const DATA_LINK_MINUTES = 60;

/** Everything stored about the workspace, as one JSON file (the employer's right of access). */
export async function exportWorkspaceData(deps: Deps, ctx: Ctx): Promise<OutboundFile> {
  return read(deps, async (r) => {
    await requireRole(r, ctx, EMPLOYER_ROLES, "export_data");
    const data = {
      workspace: await r.workspaces.get(ctx.workspace.id),
      ...(await r.workspaces.rowsOf(ctx.workspace.id)),
    };
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, "workspace.exported", ctx.workspace.id);
    return {
      name: `arbejdsmiljo-data-${deps.now().toISOString().slice(0, 10)}.json`,
      title: t(languageOf(ctx), "data.export_title"),
      mimeType: "application/json",
      linkMinutes: DATA_LINK_MINUTES,
      content: JSON.stringify(data, null, 2),
    };
  });
}

/** First step of deleting everything: returns a code the user must give back within a few minutes. */
export async function requestDeletion(deps: Deps, ctx: Ctx): Promise<{ code: string; expiresAt: Date }> {
  const code = randomBytes(3).toString("hex").toUpperCase();
  const expiresAt = new Date(deps.now().getTime() + DELETION_CONFIRM_MINUTES * 60_000);
  await inTransaction(deps, ctx, null, async (r) => {
    await requireRole(r, ctx, EMPLOYER_ROLES, "delete");
    await r.workspaces.setSetting(ctx.workspace.id, "deletion", {
      code,
      expiresAt: expiresAt.toISOString(),
      by: ctx.actor.userId,
    });
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, "workspace.deletion_requested", ctx.workspace.id);
    return null;
  });
  return { code, expiresAt };
}

/** Second step: with the right code, from the same person, in time, the workspace and all its data are deleted. */
export async function confirmDeletion(deps: Deps, ctx: Ctx, code: string): Promise<void> {
  await inTransaction(deps, ctx, null, async (r) => {
    await requireRole(r, ctx, EMPLOYER_ROLES, "delete");
    const workspace = await r.workspaces.get(ctx.workspace.id);
    const pending = workspace?.settings.deletion as
      | { code: string; expiresAt: string; by: string }
      | undefined;
    const valid =
      pending &&
      pending.code === code.trim().toUpperCase() &&
      pending.by === ctx.actor.userId &&
      new Date(pending.expiresAt).getTime() > deps.now().getTime();
    if (!valid) throw new AppError("invalid", "error.deletion_code");
    await r.workspaces.remove(ctx.workspace.id);
    return null;
  });
  deps.log.info("workspace deleted at the employer's request", { workspace: ctx.workspace.id });
}

/** The platform says the app was removed: nothing more is sent, and the data is deleted after the retention period. */
export async function markUninstalled(deps: Deps, platform: PlatformId, externalId: string): Promise<void> {
  await read(deps, async (r) => {
    const workspace = await r.workspaces.find(platform, externalId);
    if (workspace) await r.workspaces.setInstalled(workspace.id, false);
  });
}

/**
 * The app was installed (again): messages and reminders resume, and no deletion is pending. The installer, where the
 * platform names one, may name the workplace's first employer. Where anyone in the workplace can install the app
 * (`keepInstaller`: a Teams team or chat), the first installer stays until the app is removed.
 */
export async function markInstalled(
  deps: Deps,
  platform: PlatformId,
  externalId: string,
  name = "",
  installedBy: string | null = null,
  options: { keepInstaller?: boolean } = {},
) {
  return read(deps, async (r) => {
    const workspace = await r.workspaces.ensure(platform, externalId, name);
    return r.workspaces.install(workspace.id, installedBy, options.keepInstaller ?? false);
  });
}

/** Deletes the workspaces uninstalled longer ago than the retention period. */
export function purgeUninstalled(
  r: Repos,
  now: Date,
  days = RETENTION_DAYS_AFTER_UNINSTALL,
): Promise<number> {
  return r.workspaces.purgeUninstalled(now, days);
}
