import type { Ctx } from "../../../src/app/index.ts";
import type { TeamsDeps } from "../context.ts";
import { t } from "../texts.ts";
import type { TeamsInbound } from "../turn.ts";

/**
 * The bot was added to a team, chat or personal scope: say hello and how to begin (the reference is already kept).
 * Added to a team or group chat, the workspace is installed (again: its messages and reminders resume, and a pending
 * deletion after an uninstall is off). The first person to add it, or the first after it was removed, is its
 * installer, who may name the first employer: anyone in the tenant may add the app to a team of their own. A personal
 * install names no one.
 */
export async function onInstalled(deps: TeamsDeps, ctx: Ctx, inbound: TeamsInbound): Promise<void> {
  if (!inbound.botAdded) return;
  if (inbound.conversation.kind !== "personal" && inbound.tenantId)
    await deps.core.markInstalled(
      "teams",
      inbound.tenantId,
      inbound.conversation.teamName ?? "",
      inbound.user.id || null,
      { keepInstaller: true },
    );
  await inbound
    .reply({ text: t(ctx.workspace.language, "teams.welcome"), cards: [] })
    .catch((error) => deps.log.warn("could not send the welcome", { error: String(error) }));
}
