import type { Ctx } from "../../../src/app/index.ts";
import type { TeamsDeps } from "../context.ts";
import type { TeamsInbound } from "../turn.ts";

/**
 * The bot was removed from a team or group chat (or the app uninstalled there). Where that is the workplace's
 * discussion place, the workspace is marked uninstalled: nothing more is sent to it, and its data is deleted after the
 * same retention period as Slack's unless the app is added back. Anywhere else the bot forgets that place; before a
 * discussion place is set, the workspace is marked uninstalled once the bot has left every team and group chat (so
 * that no one can become its installer by adding and removing the app in a team of their own). A person removing the
 * app from their personal chat leaves the workplace as it is.
 */
export async function onUninstalled(deps: TeamsDeps, ctx: Ctx, inbound: TeamsInbound): Promise<void> {
  if (!inbound.botRemoved || inbound.conversation.kind === "personal" || !inbound.tenantId) return;
  const place = ctx.workspace.defaultChannel;
  if (place && (await holdsDiscussion(deps, ctx, inbound, place))) {
    await deps.core.markUninstalled("teams", inbound.tenantId);
    deps.log.info("teams app removed: workspace marked uninstalled", { workspace: ctx.workspace.id });
    return;
  }
  const left = await deps.store.forgetPlace(ctx.workspace.id, inbound.conversation);
  if (!place && left === 0) {
    await deps.core.markUninstalled("teams", inbound.tenantId);
    deps.log.info("teams app removed from its last team or chat: workspace marked uninstalled", {
      workspace: ctx.workspace.id,
    });
    return;
  }
  deps.log.info("teams bot removed from a conversation that does not hold the discussion", {
    workspace: ctx.workspace.id,
  });
}

/** Whether the team or chat the bot left holds the workplace's discussion place (or it cannot be told). */
async function holdsDiscussion(
  deps: TeamsDeps,
  ctx: Ctx,
  inbound: TeamsInbound,
  place: string,
): Promise<boolean> {
  if (place === inbound.conversation.id) return true;
  // A group chat holds only itself; a team holds its channels, known by the team kept with each channel's reference.
  if (inbound.conversation.kind !== "channel" || !inbound.conversation.teamId) return false;
  const held = await deps.store.conversation(ctx.workspace.id, place);
  if (held?.kind === "groupChat" || held?.kind === "personal") return false;
  const team = held?.reference.teamId;
  return typeof team !== "string" || team === inbound.conversation.teamId;
}
