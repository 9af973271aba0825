import type { TextView } from "../../../src/app/chat-port.ts";
import { AppError, type Ctx, failureText, languageOf, type ThreadReply } from "../../../src/app/index.ts";
import { render } from "../draw/render.ts";
import type { CardDeps, Inbound } from "../inbound.ts";

/**
 * A refusal or a conflict is for the one who wrote: in their personal chat with the bot, not in the channel. Where no
 * personal chat can be had, it is answered where they wrote, so they are told either way.
 */
export async function tellPrivately(
  deps: CardDeps,
  ctx: Ctx,
  inbound: Inbound,
  view: TextView,
): Promise<void> {
  const message = { kind: "text" as const, view };
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
  await inbound.reply(render(message));
}

/**
 * Why a message or thread reply was not taken, for its writer: in the words of the refusal, and for a reply held back
 * for naming a person with a health word, with "Gem alligevel" to save it as written.
 */
export function failureView(deps: CardDeps, ctx: Ctx, error: unknown, reply?: ThreadReply): TextView {
  const language = languageOf(ctx);
  const text = failureText(deps.log, language, error);
  const held = error instanceof AppError && error.code === "unconfirmed" ? reply : undefined;
  if (!held) return { language, text };
  return { language, text, actions: [{ type: "save_reply", reply: held, writerId: ctx.actor.userId }] };
}
