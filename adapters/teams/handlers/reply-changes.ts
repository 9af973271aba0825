import { createHash } from "node:crypto";
import { parseCommand } from "../../../src/app/commands.ts";
import { AppError, type Ctx, failureText, languageOf, type ThreadReply } from "../../../src/app/index.ts";
import { failureView, tellPrivately } from "../../cards/messages/private.ts";
import type { TeamsDeps } from "../context.ts";
import type { TeamsInbound } from "../turn.ts";

/** A reply in a point's thread edited by its writer: its note takes the new text. */
export async function onReplyEdited(deps: TeamsDeps, ctx: Ctx, inbound: TeamsInbound): Promise<void> {
  const threadId = inbound.conversation.threadId;
  if (!threadId || threadId === inbound.activityId) return;
  // A command to the bot in the thread was never a note, and does not become one by being edited.
  if (inbound.mentioned && parseCommand(inbound.text).type !== "unknown") return;
  const reply = {
    channel: inbound.conversation.id,
    threadId,
    messageId: inbound.activityId,
    text: inbound.text,
  };
  await answeringFailures(
    deps,
    ctx,
    inbound,
    () =>
      deps.core.editThreadReply(ctx, {
        ...reply,
        // Each edit once: Teams' time of the edit, or the new text when Teams gives no time.
        editedAt: inbound.timestamp ?? createHash("sha256").update(inbound.text).digest("hex").slice(0, 16),
      }),
    reply,
  );
}

/** A reply in a point's thread deleted by its writer: its note goes too. */
export async function onReplyDeleted(deps: TeamsDeps, ctx: Ctx, inbound: TeamsInbound): Promise<void> {
  const threadId = inbound.conversation.threadId;
  if (!threadId || threadId === inbound.activityId) return;
  await answeringFailures(deps, ctx, inbound, () =>
    deps.core.removeThreadReply(ctx, { channel: inbound.conversation.id, messageId: inbound.activityId }),
  );
}

async function answeringFailures(
  deps: TeamsDeps,
  ctx: Ctx,
  inbound: TeamsInbound,
  work: () => Promise<unknown>,
  reply?: ThreadReply,
) {
  try {
    await work();
  } catch (error) {
    // An edit that names a person with a health word is held back, as a new reply is: its writer alone is told.
    if (error instanceof AppError && error.code === "unconfirmed")
      return await tellPrivately(deps, ctx, inbound, failureView(deps, ctx, error, reply));
    await inbound.reply({ text: failureText(deps.log, languageOf(ctx), error), cards: [] });
  }
}
