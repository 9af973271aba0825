import { randomUUID } from "node:crypto";
import { actionsOf, cardText } from "./teams-connector.ts";

export interface PageMessage {
  id: string;
  channel: "channel" | "direct";
  threadId: string | null;
  author: { id: string; name: string } | null;
  text: string | null;
  cards: Record<string, unknown>[];
  file: { url: string; name: string; title: string; size: number } | null;
  pinned: boolean;
  seq: number;
}

/** All a reader sees of a message: its text, its cards' text and its file's name. */
export const messageText = (m: PageMessage) =>
  [m.text ?? "", ...m.cards.map((c) => cardText(c)), m.file?.name ?? ""].join("\n");

/** Drives the local channel's JSON API as the page does: as one of the trial's people, with request ids. */
export class LocalDriver {
  private cursor = 0;
  readonly messages = new Map<string, PageMessage>();

  constructor(readonly url: string) {}

  async post(path: string, body: Record<string, unknown>) {
    const res = await fetch(`${this.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ requestId: randomUUID(), ...body }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  async command(as: string, text: string, requestId: string = randomUUID()) {
    const answer = await this.post("/local/command", { as, text, requestId });
    await this.sync(as);
    return answer;
  }

  async reply(as: string, threadId: string, text: string) {
    const answer = await this.post("/local/reply", { as, threadId, text });
    await this.sync(as);
    return answer;
  }

  /** Presses a button on a message's card; `inputs` are merged into its data, as the renderer does. */
  async press(
    as: string,
    message: PageMessage,
    title: string | RegExp,
    inputs: Record<string, unknown> = {},
  ) {
    for (const [index, card] of message.cards.entries()) {
      const action = actionsOf(card).find((a) =>
        typeof title === "string" ? a.title === title : title.test(a.title),
      );
      if (!action) continue;
      const answer = await this.post("/local/action", {
        as,
        messageId: message.id,
        card: index,
        verb: action.verb,
        data: { ...action.data, ...inputs },
      });
      await this.sync(as);
      return answer;
    }
    throw new Error(
      `no button ${String(title)} on message ${message.id}: ${message.cards.flatMap((c) => actionsOf(c).map((a) => a.title)).join(", ")}`,
    );
  }

  /** Reads every change since the last read. */
  async sync(as: string, wait = 0) {
    const res = await fetch(`${this.url}/local/messages?as=${as}&since=${this.cursor}&wait=${wait}`);
    const body = (await res.json()) as { cursor: number; messages: PageMessage[]; language: string };
    for (const m of body.messages) this.messages.set(m.id, m);
    this.cursor = body.cursor;
    return body;
  }

  all(): PageMessage[] {
    return [...this.messages.values()].sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** The newest message whose text matches (top-level unless `inThread`). */
  find(pattern: string | RegExp, where: { threadId?: string | null } = {}): PageMessage | undefined {
    return this.all()
      .reverse()
      .find(
        (m) =>
          (where.threadId === undefined || m.threadId === where.threadId) &&
          (typeof pattern === "string" ? messageText(m).includes(pattern) : pattern.test(messageText(m))),
      );
  }

  get(pattern: string | RegExp, where: { threadId?: string | null } = {}): PageMessage {
    const found = this.find(pattern, where);
    if (!found) throw new Error(`no message matches ${String(pattern)}`);
    return found;
  }
}
