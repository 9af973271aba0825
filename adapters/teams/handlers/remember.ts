import type { Ctx } from "../../../src/app/index.ts";
import type { TeamsDeps } from "../context.ts";
import type { Inbound } from "../turn.ts";

/**
 * What was last written per conversation, so that the many activities of a meeting do not each rewrite the same
 * row. Only what proactive sends use counts: the kind, the person of a personal chat, where the Bot Connector is,
 * the bot, and our public address. Per process: another instance writes its own first time, which is harmless.
 */
const written = new Map<string, string>();
const MAX_REMEMBERED = 10_000;

/**
 * Keeps where the bot can write later (reminders, summaries, direct messages): the conversation reference of every
 * activity, and the public address the Bot Connector reached us at (for download links).
 */
export async function remember(deps: TeamsDeps, ctx: Ctx, inbound: Inbound, publicUrl: string | null) {
  const row = {
    conversationId: inbound.conversation.id,
    kind: inbound.conversation.kind,
    userId: inbound.conversation.kind === "personal" ? inbound.user.id : null,
    reference: inbound.reference,
    publicUrl,
  };
  const key = `${ctx.workspace.id}|${row.conversationId}`;
  const fingerprint = JSON.stringify([
    row.kind,
    row.userId,
    row.reference.serviceUrl,
    (row.reference.bot as { id?: string } | undefined)?.id,
    row.reference.conversation?.tenantId,
    publicUrl,
  ]);
  if (written.get(key) === fingerprint) return;
  await deps.store.saveConversation(ctx.workspace.id, row);
  if (written.size >= MAX_REMEMBERED) written.clear();
  written.set(key, fingerprint);
}
