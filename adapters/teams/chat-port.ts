import type {
  ChatPort,
  FormRequest,
  MessageRef,
  OutboundFile,
  OutboundMessage,
} from "../../src/app/chat-port.ts";
import { DOCUMENT_LINK_MINUTES } from "../../src/app/chat-port.ts";
import type { Workspace } from "../../src/app/index.ts";
import { RateLimited, retryAfterMs } from "../../src/app/rate-limited.ts";
import { type Rendered, splitText } from "../cards/draw/card.ts";
import { formCard } from "../cards/draw/form.ts";
import { fileCard } from "../cards/draw/other.ts";
import { render } from "../cards/draw/render.ts";
import { summaryCards } from "../cards/draw/summary.ts";
import type { CardDeps } from "../cards/inbound.ts";
import type { ConnectorSends, Content } from "./connector.ts";
import { consentCard, fileLink } from "./file-consent.ts";
import type { Pinner } from "./graph.ts";
import { withTeamsRefresh } from "./refresh-users.ts";
import type { ConversationRow, PageRef, TeamsStore } from "./store.ts";

/** Plain text longer than this goes out as several messages. */
const TEXT_BUDGET = 20_000;

export const threadConversation = (channel: string, root: string) => `${channel};messageid=${root}`;

/**
 * A send's 429 that botbuilder's client stopped waiting out (its retries are used up), as the port's RateLimited with
 * the connector's Retry-After; without a readable delay it stays an ordinary failure.
 */
function rateLimited(error: unknown): never {
  const e = error as {
    statusCode?: unknown;
    response?: { headers?: { get?(name: string): string | undefined } };
  } | null;
  const delay = e?.statusCode === 429 ? retryAfterMs(e.response?.headers?.get?.("retry-after")) : null;
  if (delay !== null) throw new RateLimited(delay, { cause: error });
  throw error;
}

const notAdded = (conversationId: string) =>
  new Error(`the bot has not been added to Teams conversation ${conversationId}`);

/**
 * The core's chat port on Teams, for one workspace (tenant). Every send is proactive through a stored conversation
 * reference, so any instance can send for any conversation the bot has seen.
 */
export class TeamsChat implements ChatPort {
  constructor(
    private readonly workspace: Workspace,
    private readonly connector: ConnectorSends,
    private readonly store: TeamsStore,
    private readonly pinner: Pinner | null,
    private readonly summaryNote?: CardDeps["summaryNote"],
  ) {}

  /** The message as Teams content; a summary says where it is kept besides (the tab), for this conversation. */
  private rendered(message: OutboundMessage, row: ConversationRow): Rendered {
    if (message.kind !== "summary" || !this.summaryNote) return render(message);
    const conversation = { id: row.conversationId, threadId: null, kind: row.kind };
    return {
      cards: summaryCards(message.view, undefined, this.summaryNote(message.view.language, conversation)),
    };
  }

  async channelName(channel: string): Promise<string | null> {
    const row = await this.store.conversation(this.workspace.id, channel);
    return row?.reference.channelName ?? null;
  }

  private async row(conversationId: string): Promise<ConversationRow> {
    const row = await this.store.conversation(this.workspace.id, conversationId);
    if (!row) throw notAdded(conversationId);
    return row;
  }

  private contents(rendered: Rendered): Content[] {
    const pieces = rendered.text ? splitText(rendered.text, TEXT_BUDGET) : [];
    // The people named are mentioned where the text goes as one message (their places are in the whole text).
    const mentions = pieces.length === 1 ? rendered.mentions : undefined;
    const texts = pieces.map((text) => ({ text, ...(mentions?.length ? { mentions } : {}) }));
    return [...texts, ...rendered.cards.map((c) => ({ card: withTeamsRefresh(c) }))];
  }

  /** Sends the first content where asked; further pages follow in the post's thread (or after it, in a chat). */
  private async deliver(
    row: ConversationRow,
    threadRoot: string | null,
    rendered: Rendered,
  ): Promise<MessageRef> {
    const channel = row.conversationId;
    const threaded = row.kind === "channel";
    const target = threadRoot && threaded ? threadConversation(channel, threadRoot) : channel;
    const [first, ...rest] = this.contents(rendered);
    if (!first) throw new Error("nothing to send");
    const id = await this.connector.send(row.reference, target, first).catch(rateLimited);
    const pageTarget = threaded ? threadConversation(channel, threadRoot ?? id) : channel;
    const pages: PageRef[] = [];
    for (const content of rest) {
      pages.push({
        id: await this.connector.send(row.reference, pageTarget, content),
        conversation: pageTarget,
      });
    }
    if (pages.length > 0) await this.store.setPages(this.workspace.id, channel, id, pages);
    return { channel, id, ...(threadRoot ? { threadId: threadRoot } : {}) };
  }

  async post(channel: string, message: OutboundMessage): Promise<MessageRef> {
    const row = await this.row(channel);
    return this.deliver(row, null, this.rendered(message, row));
  }

  /** Updates the message in place, and its further pages: changed ones in place, new ones added, surplus removed. */
  async update(ref: MessageRef, message: OutboundMessage): Promise<void> {
    const found = await this.store.conversationWithPages(this.workspace.id, ref.channel, ref.id);
    if (!found) throw notAdded(ref.channel);
    const { row, pages: existing } = found;
    const [first, ...rest] = this.contents(this.rendered(message, row));
    if (!first) return;
    const conversation =
      ref.threadId && row.kind === "channel" ? threadConversation(ref.channel, ref.threadId) : ref.channel;
    await this.connector.update(row.reference, conversation, ref.id, first);
    if (existing.length === 0 && rest.length === 0) return;
    const pageTarget =
      row.kind === "channel" ? threadConversation(ref.channel, ref.threadId ?? ref.id) : ref.channel;
    const pages: PageRef[] = [];
    for (const [i, content] of rest.entries()) {
      const page = existing[i];
      if (page) {
        await this.connector.update(row.reference, page.conversation, page.id, content);
        pages.push(page);
      } else
        pages.push({
          id: await this.connector.send(row.reference, pageTarget, content),
          conversation: pageTarget,
        });
    }
    for (const surplus of existing.slice(rest.length)) {
      await this.connector.delete(row.reference, surplus.conversation, surplus.id).catch(() => {});
    }
    await this.store.setPages(this.workspace.id, ref.channel, ref.id, pages);
  }

  async replyInThread(parent: MessageRef, message: OutboundMessage): Promise<MessageRef> {
    const row = await this.row(parent.channel);
    return this.deliver(row, parent.threadId ?? parent.id, this.rendered(message, row));
  }

  /** Teams has no pinning in channels; in group chats Microsoft Graph can pin when the bot has credentials. */
  async pin(ref: MessageRef): Promise<"pinned" | "unsupported"> {
    const row = await this.store.conversation(this.workspace.id, ref.channel);
    if (row?.kind !== "groupChat" || !this.pinner) return "unsupported";
    return (await this.pinner.pin(this.workspace.externalId, ref.channel, ref.id)) ? "pinned" : "unsupported";
  }

  /**
   * In a personal chat the file is offered with Teams' consent card and, once accepted, lands in the user's OneDrive
   * (file-consent.ts). Bots cannot upload into channels or group chats, so there the file is kept in our database
   * and offered as a download link with an unguessable token.
   */
  async sendFile(channel: string, file: OutboundFile, thread?: MessageRef): Promise<void> {
    const row = await this.row(channel);
    const minutes = file.linkMinutes ?? DOCUMENT_LINK_MINUTES;
    if (row.kind === "personal") {
      const token = await this.store.saveFile(this.workspace.id, file, minutes);
      const attachment = consentCard(this.workspace.id, token, file);
      await this.connector.send(row.reference, channel, { attachment }).catch(rateLimited);
      return;
    }
    const base = await this.store.publicUrl(this.workspace.id);
    if (!base) throw new Error("the bot's public address is not known yet (no request from Teams seen)");
    const token = await this.store.saveFile(this.workspace.id, file, minutes);
    const url = fileLink(base, this.workspace.id, token);
    const rendered = { cards: [fileCard(this.workspace.language, file.name, file.title, url)] };
    await this.deliver(row, thread ? (thread.threadId ?? thread.id) : null, rendered);
  }

  async linkTo(ref: MessageRef): Promise<string | null> {
    const row = await this.store.conversation(this.workspace.id, ref.channel);
    const tenant = encodeURIComponent(this.workspace.externalId);
    const chat = encodeURIComponent(ref.channel);
    if (row?.kind === "channel") {
      const parent = ref.threadId ?? ref.id;
      return `https://teams.microsoft.com/l/message/${chat}/${ref.id}?tenantId=${tenant}&parentMessageId=${parent}`;
    }
    return `https://teams.microsoft.com/l/message/${chat}/${ref.id}?tenantId=${tenant}&context=${encodeURIComponent('{"contextType":"chat"}')}`;
  }

  /** Teams has no modal to open by trigger: the form is sent as a card into the conversation named by `trigger`. */
  async openForm(trigger: string, form: FormRequest): Promise<void> {
    await this.deliver(await this.row(trigger), null, { cards: [formCard(form)] });
  }

  async sendDirect(userId: string, message: OutboundMessage): Promise<MessageRef | null> {
    let row = await this.store.personal(this.workspace.id, userId);
    if (!row) {
      const any = await this.store.any(this.workspace.id);
      if (!any) return null;
      const reference = await this.connector.openPersonal(any.reference, userId, this.workspace.externalId);
      const conversationId = String(reference.conversation?.id ?? "");
      if (!conversationId) return null;
      row = { conversationId, kind: "personal", userId, reference, publicUrl: null };
      await this.store.saveConversation(this.workspace.id, row);
    }
    return this.deliver(row, null, this.rendered(message, row));
  }
}
