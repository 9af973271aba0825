import type {
  ChatPort,
  FormRequest,
  MessageRef,
  OutboundFile,
  OutboundMessage,
} from "../../src/app/chat-port.ts";
import { DOCUMENT_LINK_MINUTES } from "../../src/app/chat-port.ts";
import type { Workspace } from "../../src/app/index.ts";
import { formCard } from "../cards/draw/form.ts";
import { render } from "../cards/draw/render.ts";
import { CHANNEL, directChannel } from "./people.ts";
import type { LocalStore, MessageBody } from "./store.ts";
import { t } from "./texts.ts";

/**
 * The page has no per-person refresh: its cards carry every button, as before Teams drew each person their own, and
 * the use cases refuse a click from someone without the right. An action's answer is still drawn for the clicker.
 */
function withoutRights(message: OutboundMessage): OutboundMessage {
  if (message.kind === "point" || message.kind === "summary") {
    const { rights: _, ...view } = message.view;
    return { ...message, view } as OutboundMessage;
  }
  return message;
}

/** A core message as the page shows it: the Teams renderers' text and Adaptive Cards, so it looks as in Teams. */
export const bodyOf = (message: OutboundMessage): MessageBody => {
  const rendered = render(withoutRights(message));
  return { ...(rendered.text ? { text: rendered.text } : {}), cards: rendered.cards };
};

/** The core's chat port for the local channel: every message is a row the page reads. */
export class LocalChat implements ChatPort {
  constructor(
    private readonly workspace: Workspace,
    private readonly store: LocalStore,
  ) {}

  async post(channel: string, message: OutboundMessage): Promise<MessageRef> {
    const { message: row } = await this.store.insert(this.workspace.id, { channel, body: bodyOf(message) });
    return { channel, id: row.id };
  }

  async update(ref: MessageRef, message: OutboundMessage): Promise<void> {
    await this.store.setBody(this.workspace.id, ref.id, bodyOf(message));
  }

  async replyInThread(parent: MessageRef, message: OutboundMessage): Promise<MessageRef> {
    const threadId = parent.threadId ?? parent.id;
    const { message: row } = await this.store.insert(this.workspace.id, {
      channel: parent.channel,
      threadId,
      body: bodyOf(message),
    });
    return { channel: parent.channel, id: row.id, threadId };
  }

  /** The page shows pinned messages above the channel. */
  async pin(ref: MessageRef): Promise<"pinned" | "unsupported"> {
    await this.store.pin(this.workspace.id, ref.id);
    return "pinned";
  }

  async sendFile(channel: string, file: OutboundFile, thread?: MessageRef): Promise<void> {
    const { token, size } = await this.store.saveFile(
      this.workspace.id,
      file,
      file.linkMinutes ?? DOCUMENT_LINK_MINUTES,
    );
    await this.store.insert(this.workspace.id, {
      channel,
      threadId: thread ? (thread.threadId ?? thread.id) : null,
      body: { cards: [], file: { token, name: file.name, title: file.title, mimeType: file.mimeType, size } },
    });
  }

  /** No link: the local page is not an address anyone else can open, so the summary names none. */
  async linkTo(_ref: MessageRef): Promise<string | null> {
    return null;
  }

  /** As in Teams: the form is posted as a card into the conversation named by `trigger`. */
  async openForm(trigger: string, form: FormRequest): Promise<void> {
    await this.store.insert(this.workspace.id, { channel: trigger, body: { cards: [formCard(form)] } });
  }

  async sendDirect(userId: string, message: OutboundMessage): Promise<MessageRef | null> {
    return this.post(directChannel(userId), message);
  }

  /** The page's one channel, by the name it shows above the messages. */
  async channelName(channel: string): Promise<string | null> {
    return channel === CHANNEL ? `#${t(this.workspace.language, "local.channel_name")}` : null;
  }
}
