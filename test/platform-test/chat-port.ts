import type {
  ChatPort,
  FormRequest,
  MessageRef,
  OutboundFile,
  OutboundMessage,
  Workspace,
} from "../../src/app/index.ts";
import { formatDateTime } from "../../src/i18n/index.ts";
import type { TestchatStore } from "./store.ts";
import { t } from "./texts.ts";

/** A message as one line of text: the kind says what it is, the line what a user reads. */
export function lineOf(message: OutboundMessage): string {
  switch (message.kind) {
    case "text":
      return message.view.text;
    case "board": {
      const { view } = message;
      const points = view.points
        .map((p) => `${p.number} ${t(view.language, `point.${p.status}`)}`)
        .join(", ");
      return t(view.language, "testchat.board", { year: view.year, points });
    }
    case "point": {
      const { view } = message;
      const status = t(view.language, `point.${view.status}`);
      return t(view.language, "testchat.point", {
        number: view.number,
        title: view.title,
        status,
        count: view.entryCount,
      });
    }
    case "announcement": {
      const { view } = message;
      const when = formatDateTime(view.language, view.scheduledAt, view.timeZone);
      return t(view.language, "testchat.announcement", { year: view.year, when });
    }
    case "summary":
      return message.view.markdown;
    case "completeness": {
      const { view } = message;
      return t(view.language, "testchat.completeness", { count: view.completeness.legal.length });
    }
  }
}

/** The core's chat port on the test platform: every message becomes a row of its channel. */
export class TestChat implements ChatPort {
  constructor(
    private readonly workspace: Workspace,
    private readonly store: TestchatStore,
  ) {}

  private add(channel: string, message: OutboundMessage, threadId?: string) {
    return this.store.add(this.workspace.id, channel, message.kind, lineOf(message), threadId);
  }

  async post(channel: string, message: OutboundMessage): Promise<MessageRef> {
    return { channel, id: await this.add(channel, message) };
  }
  async update(ref: MessageRef, message: OutboundMessage): Promise<void> {
    await this.store.update(this.workspace.id, ref.id, message.kind, lineOf(message));
  }
  async replyInThread(parent: MessageRef, message: OutboundMessage): Promise<MessageRef> {
    const id = await this.add(parent.channel, message, parent.id);
    return { channel: parent.channel, id, threadId: parent.id };
  }
  async pin(ref: MessageRef): Promise<"pinned"> {
    await this.store.pin(this.workspace.id, ref.id);
    return "pinned";
  }
  async sendFile(channel: string, file: OutboundFile, thread?: MessageRef): Promise<void> {
    const text = t(this.workspace.language, "testchat.file", { name: file.name });
    await this.store.add(this.workspace.id, channel, "file", text, thread?.id);
  }
  async linkTo(ref: MessageRef): Promise<string> {
    return `testchat://${ref.channel}/${ref.threadId ?? ref.id}`;
  }
  async openForm(trigger: string, form: FormRequest): Promise<void> {
    const text = t(form.language, "testchat.form", { form: form.form, point: form.point });
    await this.store.add(this.workspace.id, trigger, "form", text);
  }
  async sendDirect(userId: string, message: OutboundMessage): Promise<MessageRef> {
    return { channel: userId, id: await this.add(userId, message) };
  }
}
