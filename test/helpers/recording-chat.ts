import type {
  ChatPort,
  FormRequest,
  MessageRef,
  OutboundFile,
  OutboundMessage,
} from "../../src/app/chat-port.ts";
import type { HomeView } from "../../src/app/home.ts";

export interface Sent {
  op: "post" | "update" | "reply" | "pin" | "file" | "direct" | "form";
  channel?: string;
  ref?: MessageRef;
  message?: OutboundMessage;
  file?: OutboundFile;
  form?: FormRequest;
  /** When it was sent (Date.now()). */
  at?: number;
}

/** A chat platform stand-in that records what the core sends (the core's port, not our code, is faked). */
export class RecordingChat implements ChatPort {
  sent: Sent[] = [];
  private next = 1;
  failNext = 0;
  /** Teams channels cannot pin; set false to play such a platform. */
  canPin = true;
  /** Each person's own page as drawn (Slack's App Home), in order; `refuseHome` names people whose page fails. */
  homes: { userId: string; view: HomeView }[] = [];
  refuseHome = new Set<string>();

  private fail() {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error("chat platform unavailable");
    }
  }
  async showHome(userId: string, view: HomeView) {
    if (this.refuseHome.has(userId)) throw new Error("user_not_found");
    this.homes.push({ userId, view });
  }
  async post(channel: string, message: OutboundMessage) {
    this.fail();
    const ref = { channel, id: `m${this.next++}` };
    this.sent.push({ op: "post", channel, ref, message });
    return ref;
  }
  /** Holds every update until the returned function is called: a refresh then stays under way. */
  holdUpdates(): () => void {
    let release = () => {};
    this.held = new Promise<void>((resolve) => {
      release = resolve;
    });
    return () => {
      this.held = null;
      release();
    };
  }
  private held: Promise<void> | null = null;
  async update(ref: MessageRef, message: OutboundMessage) {
    if (this.held) await this.held;
    this.fail();
    this.sent.push({ op: "update", ref, message, at: Date.now() });
  }
  async replyInThread(parent: MessageRef, message: OutboundMessage) {
    this.fail();
    const ref = { channel: parent.channel, id: `m${this.next++}`, threadId: parent.id };
    this.sent.push({ op: "reply", ref, message });
    return ref;
  }
  async pin(ref: MessageRef) {
    if (!this.canPin) return "unsupported" as const;
    this.sent.push({ op: "pin", ref });
    return "pinned" as const;
  }
  async sendFile(channel: string, file: OutboundFile) {
    this.sent.push({ op: "file", channel, file });
  }
  async linkTo(ref: MessageRef) {
    return `https://chat.example/${ref.channel}/${ref.id}`;
  }
  async openForm(_trigger: string, form: FormRequest) {
    this.sent.push({ op: "form", form });
  }
  async sendDirect(userId: string, message: OutboundMessage) {
    const ref = { channel: userId, id: `m${this.next++}` };
    this.sent.push({ op: "direct", channel: userId, ref, message });
    return ref;
  }
  /** Names channels as a platform would; a channel missing here has no name the platform gives. */
  channelNames = new Map<string, string>([["C_AMO", "#arbejdsmiljø"]]);
  async channelName(channel: string) {
    return this.channelNames.get(channel) ?? null;
  }
  ops(kind?: OutboundMessage["kind"]) {
    return this.sent.filter((s) => !kind || s.message?.kind === kind);
  }
}
