import type { Ctx } from "../../../src/app/index.ts";
import type { TeamsDeps } from "../context.ts";
import type { TeamsInbound } from "../turn.ts";

/**
 * The bot was removed from a team or group chat (or the app uninstalled there). Where that is the workplace's
 * discussion place, or none is set yet, the workspace is marked uninstalled: nothing more is sent to it, and its data
 * is deleted after the same retention period as Slack's unless the app is added back. A person removing the app from
 * their personal chat, or the bot leaving another team of the tenant, leaves the workplace as it is.
 */
export async function onUninstalled(deps: TeamsDeps, ctx: Ctx, inbound: TeamsInbound): Promise<void> {
  if (!inbound.botRemoved || inbound.conversation.kind === "personal" || !inbound.tenantId) return;
  if (!(await holdsDiscussion(deps, ctx, inbound))) {
    deps.log.info("teams bot removed from a conversation that does not hold the discussion", {
      workspace: ctx.workspace.id,
    });
    return;
  }
  await deps.core.markUninstalled("teams", inbound.tenantId);
  deps.log.info("teams app removed: workspace marked uninstalled", { workspace: ctx.workspace.id });
}

/** Whether the team or chat the bot left holds the workplace's discussion (or none is set, or it cannot be told). */
async function holdsDiscussion(deps: TeamsDeps, ctx: Ctx, inbound: TeamsInbound): Promise<boolean> {
  const place = ctx.workspace.defaultChannel;
  if (!place || place === inbound.conversation.id) return true;
  // A group chat holds only itself; a team holds its channels, known by the team kept with each channel's reference.
  if (inbound.conversation.kind !== "channel" || !inbound.conversation.teamId) return false;
  const held = await deps.store.conversation(ctx.workspace.id, place);
  if (held?.kind === "groupChat" || held?.kind === "personal") return false;
  const team = held?.reference.teamId;
  return typeof team !== "string" || team === inbound.conversation.teamId;
}
