import type { Ctx } from "../../../src/app/index.ts";
import type { TeamsDeps } from "../context.ts";
import type { TeamsInbound } from "../turn.ts";

/**
 * Keeps where the bot can write later (reminders, summaries, direct messages): the conversation reference of every
 * activity, and the public address the Bot Connector reached us at (for download links). The store writes the row
 * only where what proactive sends use has changed.
 */
export async function remember(deps: TeamsDeps, ctx: Ctx, inbound: TeamsInbound, publicUrl: string | null) {
  await deps.store.saveConversation(ctx.workspace.id, {
    conversationId: inbound.conversation.id,
    kind: inbound.conversation.kind,
    userId: inbound.conversation.kind === "personal" ? inbound.user.id : null,
    reference: inbound.reference,
    publicUrl,
  });
}
