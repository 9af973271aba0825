import { type Ctx, type Deps, read } from "./context.ts";
import { type EntryResult, editEntry, record, removeEntry } from "./entries.ts";
import { AppError } from "./errors.ts";

/**
 * A reply in a point's thread becomes a note on that point. Replies in other threads are ignored (null).
 * The platform's message id is the idempotency key, so a redelivered event records once.
 */
export async function recordThreadReply(
  deps: Deps,
  ctx: Ctx,
  input: { channel: string; threadId: string; messageId: string; text: string },
): Promise<EntryResult | null> {
  const target = await read(deps, (r) =>
    r.discussions.pointByMessage(ctx.workspace.id, input.channel, input.threadId),
  );
  if (!target) return null;
  const text = input.text.trim();
  if (!text) return null;
  return record(
    deps,
    ctx,
    {
      discussionId: target.discussionId,
      point: target.point,
      kind: "note",
      data: { text },
      source: "thread",
    },
    replyKey(input.channel, input.messageId),
  ).catch(asReplyError);
}

/**
 * A reply edited in the chat: its note takes the new text (one the bot refused before, such as an over-long one,
 * is recorded now). `editedAt` tells the edits apart, so a repeated event changes nothing.
 */
export async function editThreadReply(
  deps: Deps,
  ctx: Ctx,
  input: { channel: string; threadId: string; messageId: string; text: string; editedAt: string },
): Promise<EntryResult | null> {
  const recorded = await recordedReply(deps, ctx, input.channel, input.messageId);
  if (!recorded) return recordThreadReply(deps, ctx, input);
  const text = input.text.trim();
  if (!text) return null;
  const key = `thread-edit:${input.channel}:${input.messageId}:${input.editedAt}`;
  return editEntry(deps, ctx, { entryId: recorded, data: { text } }, key).catch((error) =>
    error instanceof AppError && error.code === "not_found" ? null : asReplyError(error),
  );
}

/** A reply deleted in the chat: its note goes too, while the discussion is not concluded. */
export async function removeThreadReply(
  deps: Deps,
  ctx: Ctx,
  input: { channel: string; messageId: string },
): Promise<EntryResult | null> {
  const recorded = await recordedReply(deps, ctx, input.channel, input.messageId);
  if (!recorded) return null;
  const key = `thread-delete:${input.channel}:${input.messageId}`;
  // A concluded record keeps the note: only a confirmed amendment changes it.
  return removeEntry(deps, ctx, { entryId: recorded }, key).catch((error) => {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "refused")) return null;
    throw error;
  });
}

const replyKey = (channel: string, messageId: string) => `thread:${channel}:${messageId}`;

/** The id of the note a reply became, if it became one. */
async function recordedReply(deps: Deps, ctx: Ctx, channel: string, messageId: string) {
  const result = await read(deps, (r) =>
    r.idempotency.result(ctx.workspace.id, replyKey(channel, messageId)),
  );
  // The recorded change holds the entry; a result stored before it did is the entry itself.
  const stored = result as { id?: unknown; entry?: { id?: unknown } } | null;
  const id = stored?.entry?.id ?? stored?.id;
  return typeof id === "string" ? id : null;
}

/** A reply has no form fields to mark: what is wrong with it is said in a sentence of its own. */
function asReplyError(error: unknown): never {
  if (error instanceof AppError && error.messageKey === "refusal.concluded_use_amend")
    throw new AppError("refused", "refusal.concluded_reply");
  const problem = error instanceof AppError ? error.problems.text : undefined;
  if (problem?.code === "too_long")
    throw new AppError("invalid", "error.reply_too_long", { max: problem.max }, { text: problem });
  throw error;
}
