import { createHash } from "node:crypto";
import { type Ctx, type Deps, read } from "./context.ts";
import { type EntryResult, editEntry, record, removeEntry } from "./entries.ts";
import { AppError } from "./errors.ts";

/** Where a reply was written and what it says, as the platform tells. */
export interface ThreadReply {
  channel: string;
  threadId: string;
  messageId: string;
  text: string;
}

/**
 * A reply in a point's thread becomes a note on that point. Replies in other threads are ignored (null).
 * The platform's message id is the idempotency key, so a redelivered event records once. A reply that names a person
 * together with a health word is held back ("unconfirmed") until its writer saves it anyway (confirmThreadReply).
 */
export async function recordThreadReply(
  deps: Deps,
  ctx: Ctx,
  input: ThreadReply & { confirmed?: boolean },
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
      healthConfirmed: input.confirmed === true,
    },
    replyKey(input.channel, input.messageId),
  ).catch((error) => asReplyError(error, target.point));
}

/**
 * A reply edited in the chat: its note takes the new text (one the bot refused before, such as an over-long one,
 * is recorded now). `editedAt` tells the edits apart, so a repeated event changes nothing.
 */
export async function editThreadReply(
  deps: Deps,
  ctx: Ctx,
  input: ThreadReply & { editedAt: string; confirmed?: boolean },
): Promise<EntryResult | null> {
  const recorded = await recordedReply(deps, ctx, input.channel, input.messageId);
  if (!recorded) return recordThreadReply(deps, ctx, input);
  const text = input.text.trim();
  if (!text) return null;
  const key = `thread-edit:${input.channel}:${input.messageId}:${input.editedAt}`;
  const change = { entryId: recorded, data: { text }, healthConfirmed: input.confirmed === true };
  return editEntry(deps, ctx, change, key).catch(async (error) => {
    if (error instanceof AppError && error.code === "not_found") return null;
    const target = await read(deps, (r) =>
      r.discussions.pointByMessage(ctx.workspace.id, input.channel, input.threadId),
    ).catch(() => null);
    return asReplyError(error, target?.point ?? null);
  });
}

/**
 * "Save anyway" on a reply held back for naming a person with a health word: the reply is recorded as written (or,
 * when it was an edit of a note, the note takes it), once however often the button is pressed.
 */
export async function confirmThreadReply(
  deps: Deps,
  ctx: Ctx,
  input: ThreadReply,
): Promise<EntryResult | null> {
  const recorded = await recordedReply(deps, ctx, input.channel, input.messageId);
  const note = recorded ? await read(deps, (r) => r.entries.get(ctx.workspace.id, recorded)) : null;
  // Not recorded yet, or recorded as it reads now (the button pressed again): the reply's own key records it once.
  if (!note || (note.data as { text?: string }).text === input.text.trim())
    return recordThreadReply(deps, ctx, { ...input, confirmed: true });
  // An edit held back: the text itself tells one confirmed edit from the next.
  const editedAt = `confirmed-${createHash("sha256").update(input.text.trim()).digest("hex").slice(0, 16)}`;
  return editThreadReply(deps, ctx, { ...input, editedAt, confirmed: true });
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
function asReplyError(error: unknown, point: number | null): never {
  if (error instanceof AppError && error.messageKey === "refusal.concluded_use_amend")
    throw new AppError("refused", "refusal.concluded_reply");
  if (error instanceof AppError && error.code === "unconfirmed")
    throw new AppError("unconfirmed", "warning.reply_names_health", {
      name: String(error.params.name),
      point: point ?? "?",
    });
  const problem = error instanceof AppError ? error.problems.text : undefined;
  if (problem?.code === "too_long")
    throw new AppError("invalid", "error.reply_too_long", { max: problem.max }, { text: problem });
  throw error;
}
