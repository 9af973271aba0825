import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { AppError, type Ctx, errorText, languageOf } from "../../../../src/app/index.ts";
import type { Language } from "../../../../src/domain/types.ts";
import type { MessageKey } from "../../../../src/i18n/index.ts";
import { retrying, type SlackDeps, slackCtx, tellUser } from "../../context.ts";
import { textBlocks } from "../../render/other.ts";
import { t } from "../../texts.ts";

interface ThreadMessage {
  type: "message";
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  edited?: { ts?: string };
  /** message_changed: the message as it is now. */
  message?: Omit<ThreadMessage, "channel">;
  /** message_changed and message_deleted: the message as it was. */
  previous_message?: Omit<ThreadMessage, "channel">;
}

/** A person's reply inside a thread (not the thread's parent, not a bot's). */
const isReply = (
  m: Omit<ThreadMessage, "channel"> | undefined,
): m is Omit<ThreadMessage, "channel"> & {
  user: string;
  thread_ts: string;
} => Boolean(m?.user && !m.bot_id && m.thread_ts && m.thread_ts !== m.ts);

/** Replies that count as notes: plain ones, ones also sent to the channel, and ones with a file (their text). */
const NOTE_SUBTYPES = new Set(["thread_broadcast", "file_share"]);

/** What a thread's message is about, in the words of the note it makes; `reply`, the reply a note is made of. */
type ThreadWork = {
  user: string;
  work: (ctx: Ctx) => Promise<unknown>;
  notSaved?: MessageKey;
  reply?: { channel: string; threadId: string; messageId: string; text: string };
};

/**
 * A reply in an agenda point's thread becomes a note on that point; editing the reply changes the note, deleting it
 * removes the note. The message's ts is the idempotency key, so a retried event (x-slack-retry-num) records once.
 */
export function register(app: App, deps: SlackDeps) {
  app.event("message", async ({ event, body, client }) => {
    const message = event as unknown as ThreadMessage;
    const found = threadWork(deps, message);
    if (found)
      await asAuthor(deps, client, (body as { team_id?: string }).team_id ?? "", message.channel, found);
  });
}

/** The note change a message asks for: a new reply, an edited one or a deleted one; null for anything else. */
function threadWork(deps: SlackDeps, message: ThreadMessage): ThreadWork | null {
  const channel = message.channel;
  if (message.subtype === "message_changed") {
    // An edit by the person (not an unfurl or another change Slack makes without an edit mark).
    const now = message.message;
    if (!isReply(now) || !now.edited?.ts) return null;
    const edit = {
      channel,
      threadId: now.thread_ts,
      messageId: now.ts,
      text: now.text ?? "",
      editedAt: now.edited.ts,
    };
    return { user: now.user, work: (ctx) => deps.core.editThreadReply(ctx, edit), reply: edit };
  }
  if (message.subtype === "message_deleted") {
    const was = message.previous_message;
    if (!isReply(was)) return null;
    const removal = { channel, messageId: was.ts };
    return {
      user: was.user,
      work: (ctx) => deps.core.removeThreadReply(ctx, removal),
      notSaved: "error.temporary",
    };
  }
  if ((message.subtype && !NOTE_SUBTYPES.has(message.subtype)) || !isReply(message)) return null;
  const reply = { channel, threadId: message.thread_ts, messageId: message.ts, text: message.text ?? "" };
  return { user: message.user, work: (ctx) => deps.core.recordThreadReply(ctx, reply), reply };
}

/**
 * Runs a thread's work as its writer. Slack had its answer before this runs: a failure is told to the writer (the
 * database briefly away is tried again first; the message's ts keys the work, so it records once), never left to the
 * error log alone.
 */
async function asAuthor(
  deps: SlackDeps,
  client: WebClient,
  teamId: string,
  channel: string,
  found: ThreadWork,
) {
  let language: Language = "da";
  try {
    await retrying(async () => {
      // A reply is answered only when it fails: Slack is not asked for the person's locale on every message.
      const ctx = await slackCtx(deps, client, teamId, found.user, { askLocale: false });
      language = languageOf(ctx);
      await found.work(ctx);
    });
  } catch (error) {
    const refusal = error instanceof AppError && error.code !== "temporary";
    if (!(error instanceof AppError))
      deps.log.error("slack thread reply failed", { error: String(error), stack: (error as Error)?.stack });
    const text = refusal
      ? errorText(language, error)
      : t(language, found.notSaved ?? "slack.reply_not_saved");
    // A reply held back for naming a person with a health word: its writer alone may save it anyway.
    const held = error instanceof AppError && error.code === "unconfirmed" ? found.reply : undefined;
    const blocks = held
      ? textBlocks({ language, text, actions: [{ type: "save_reply", reply: held, writerId: found.user }] })
          .blocks
      : undefined;
    await tellUser(client, channel, found.user, text, blocks, found.reply?.threadId).catch((e) =>
      deps.log.warn("could not tell a thread reply's writer", { error: String(e) }),
    );
  }
}
