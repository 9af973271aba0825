import { parseCommand } from "../../../src/app/commands.ts";
import { type Ctx, failureText } from "../../../src/app/index.ts";
import type { CardDeps, Inbound } from "../inbound.ts";
import { runCommand } from "./commands.ts";

/**
 * A message: a reply in an agenda point's thread becomes a note; otherwise, when the bot is addressed (an @mention,
 * the command menu, or any message in a personal chat), the text is a command.
 */
export async function onMessage(deps: CardDeps, ctx: Ctx, inbound: Inbound): Promise<void> {
  const addressed = inbound.mentioned || inbound.conversation.kind === "personal";
  const command = parseCommand(inbound.text);
  try {
    if (inbound.conversation.threadId && !(addressed && command.type !== "unknown")) {
      const recorded = await deps.core.recordThreadReply(ctx, {
        channel: inbound.conversation.id,
        threadId: inbound.conversation.threadId,
        messageId: inbound.activityId,
        text: inbound.text,
      });
      if (recorded || !addressed) return;
    }
    if (addressed) await runCommand({ deps, ctx, inbound }, command);
  } catch (error) {
    await tellPrivately(deps, ctx, inbound, failureText(deps.log, ctx.workspace.language, error));
  }
}

/**
 * A refusal or a conflict is for the one who wrote: in their personal chat with the bot, not in the channel. Where no
 * personal chat can be had, it is answered where they wrote, so they are told either way.
 */
async function tellPrivately(deps: CardDeps, ctx: Ctx, inbound: Inbound, text: string): Promise<void> {
  const message = { kind: "text" as const, view: { language: ctx.workspace.language, text } };
  if (inbound.conversation.kind !== "personal") {
    const sent = await deps
      .chat(ctx.workspace)
      .sendDirect(inbound.user.id, message)
      .catch((error) => {
        deps.log.warn("could not answer a user privately", { error: String(error) });
        return null;
      });
    if (sent) return;
  }
  await inbound.reply({ text, cards: [] });
}
