import type { WebClient } from "@slack/web-api";
import type {
  ChatPort,
  FormRequest,
  MessageRef,
  OutboundFile,
  OutboundMessage,
} from "../../src/app/chat-port.ts";
import { formSpec } from "../../src/app/forms.ts";
import type { HomeView } from "../../src/app/index.ts";
import { ACTIONS } from "../../src/app/index.ts";
import { RateLimited } from "../../src/app/rate-limited.ts";
import { encodeValue } from "./render/actions.ts";
import { formModal } from "./render/forms.ts";
import { homeTab } from "./render/home.ts";
import { render } from "./render/message.ts";
import type { ThreadPages } from "./thread-pages.ts";

/**
 * The core's chat port on Slack's Web API, for one workspace (one bot token). The client is found on first use: the
 * port is asked for synchronously, and with OAuth the team's token is read from the database.
 */
export class SlackChat implements ChatPort {
  private found: Promise<WebClient> | undefined;
  constructor(
    private readonly findClient: () => Promise<WebClient>,
    private readonly pages: ThreadPages,
  ) {}

  private client(): Promise<WebClient> {
    this.found ??= this.findClient();
    return this.found;
  }

  async post(channel: string, message: OutboundMessage): Promise<MessageRef> {
    const client = await this.client();
    const { text, pages } = render(message);
    const [first = [], ...rest] = pages;
    const posted = await this.inChannel(channel, () =>
      client.chat.postMessage({ channel, text, blocks: first, unfurl_links: false }),
    ).catch(rateLimited);
    const ref = { channel: posted.channel ?? channel, id: posted.ts as string };
    await this.postPages(ref, text, rest);
    return ref;
  }

  async update(ref: MessageRef, message: OutboundMessage): Promise<void> {
    const client = await this.client();
    const { text, pages } = render(message);
    const [first = [], ...rest] = pages;
    // Pages beyond the first cannot be edited in place: they follow in the thread, but only when the content is new
    // (the fallback text names it, e.g. the summary's version), so an approval does not repeat them.
    const repeated = rest.length > 0 && (await this.pages.postedFor(ref)) === text;
    await client.chat.update({ channel: ref.channel, ts: ref.id, text, blocks: first });
    if (!repeated) await this.postPages(ref, text, rest);
  }

  async replyInThread(parent: MessageRef, message: OutboundMessage): Promise<MessageRef> {
    const client = await this.client();
    const { text, pages } = render(message);
    const [first = [], ...rest] = pages;
    const thread = parent.threadId ?? parent.id;
    const posted = await client.chat
      .postMessage({ channel: parent.channel, thread_ts: thread, text, blocks: first })
      .catch(rateLimited);
    const ref = { channel: parent.channel, id: posted.ts as string, threadId: thread };
    await this.postPages(ref, text, rest);
    return ref;
  }

  async pin(ref: MessageRef): Promise<"pinned" | "unsupported"> {
    const client = await this.client();
    try {
      await this.inChannel(ref.channel, () => client.pins.add({ channel: ref.channel, timestamp: ref.id }));
      return "pinned";
    } catch (error) {
      if (slackError(error) === "already_pinned") return "pinned";
      throw error;
    }
  }

  async sendFile(channel: string, file: OutboundFile, thread?: MessageRef): Promise<void> {
    const client = await this.client();
    const content =
      typeof file.content === "string" ? Buffer.from(file.content, "utf8") : Buffer.from(file.content);
    const base = { channel_id: channel, file: content, filename: file.name, title: file.title };
    if (thread) await client.files.uploadV2({ ...base, thread_ts: thread.threadId ?? thread.id });
    else await client.files.uploadV2(base);
  }

  async linkTo(ref: MessageRef): Promise<string | null> {
    const client = await this.client();
    const result = await client.chat.getPermalink({ channel: ref.channel, message_ts: ref.id });
    return result.permalink ?? null;
  }

  async openForm(trigger: string, form: FormRequest): Promise<void> {
    const client = await this.client();
    const spec = formSpec(form.form, {
      language: form.language,
      members: [],
      carriedGoals: form.carriedGoals ?? [],
    });
    const metadata = encodeValue(ACTIONS.saveEntry, {
      k: form.form,
      d: form.discussionId,
      p: form.point,
      ...(form.entryId ? { e: form.entryId } : {}),
    });
    await client.views.open({
      trigger_id: trigger,
      view: formModal(spec, ACTIONS.saveEntry.id, metadata, form.language, form.values),
    });
  }

  async showHome(userId: string, view: HomeView): Promise<void> {
    const client = await this.client();
    await client.views.publish({ user_id: userId, view: homeTab(view) });
  }

  async sendDirect(userId: string, message: OutboundMessage): Promise<MessageRef | null> {
    const client = await this.client();
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    return channel ? this.post(channel, message) : null;
  }

  async channelName(channel: string): Promise<string | null> {
    const client = await this.client();
    const info = await client.conversations.info({ channel });
    const name = info.channel?.name;
    return name && !info.channel?.is_im ? `#${name}` : null;
  }

  /**
   * Runs a call that needs the bot in the channel. Not a member of a public channel: the bot joins and tries once
   * more. A private channel cannot be joined; its error stands (someone must invite the bot).
   */
  private async inChannel<T>(channel: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (slackError(error) !== "not_in_channel") throw error;
      const client = await this.client();
      const joined = await client.conversations.join({ channel }).catch(() => null);
      if (!joined?.ok) throw error;
      return call();
    }
  }

  private async postPages(ref: MessageRef, text: string, pages: unknown[][]): Promise<void> {
    if (pages.length === 0) return;
    const client = await this.client();
    for (const blocks of pages) {
      await client.chat.postMessage({
        channel: ref.channel,
        thread_ts: ref.threadId ?? ref.id,
        text,
        blocks: blocks as never,
      });
    }
    await this.pages.posted(ref, text);
  }
}

/** The error code of a failed Web API call (not_in_channel, channel_not_found …), if it is one. */
export const slackError = (error: unknown): string | undefined =>
  (error as { data?: { error?: string } })?.data?.error;

/**
 * A post's 429 that the client stopped waiting out, as the port's RateLimited with Slack's delay: the client's own
 * error when it rejects rate-limited calls, or its request error naming the Retry-After once its retries are used up.
 */
function rateLimited(error: unknown): never {
  const e = error as { code?: string; retryAfter?: unknown; original?: { message?: unknown } } | null;
  if (e?.code === "slack_webapi_rate_limited_error" && typeof e.retryAfter === "number")
    throw new RateLimited(e.retryAfter * 1000, { cause: error });
  const named =
    e?.code === "slack_webapi_request_error"
      ? /^A rate limit was exceeded \(.*retry-after: (\d+)\)$/.exec(String(e.original?.message ?? ""))
      : null;
  if (named) throw new RateLimited(Number(named[1]) * 1000, { cause: error });
  throw error;
}
