import { parseCommand } from "../../../src/app/commands.ts";
import type { Ctx } from "../../../src/app/index.ts";
import type { CardDeps, Inbound } from "../inbound.ts";
import { runCommand } from "./commands.ts";
import { failureView, tellPrivately } from "./private.ts";

/**
 * A message: a reply in an agenda point's thread becomes a note; otherwise, when the bot is addressed (an @mention,
 * the command menu, or any message in a personal chat), the text is a command.
 */
export async function onMessage(deps: CardDeps, ctx: Ctx, inbound: Inbound): Promise<void> {
  const addressed = inbound.mentioned || inbound.conversation.kind === "personal";
  const command = parseCommand(inbound.text);
  const threadId = inbound.conversation.threadId;
  const reply =
    threadId && !(addressed && command.type !== "unknown")
      ? { channel: inbound.conversation.id, threadId, messageId: inbound.activityId, text: inbound.text }
      : undefined;
  try {
    if (reply) {
      const recorded = await deps.core.recordThreadReply(ctx, reply);
      if (recorded || !addressed) return;
    }
    if (addressed) await runCommand({ deps, ctx, inbound }, command);
  } catch (error) {
    await tellPrivately(deps, ctx, inbound, failureView(deps, ctx, error, reply));
  }
}
