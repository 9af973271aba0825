import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as AC from "adaptivecards";
import { ENTRA_KEYS_PATH, identityAnswer, isBotToken } from "./teams-identity.ts";

export interface ConnectorCall {
  kind: "send" | "reply" | "update" | "delete" | "members" | "create";
  conversation: string;
  activityId?: string;
  replyToId?: string;
  body: Record<string, unknown>;
  authorization: string | null;
  /** Set when the call was answered with a scripted fault instead (its status, or "hang"). */
  fault?: number | "hang";
}

/** A scripted answer: an HTTP error (429 with Retry-After, 500…) or no answer at all until the server stops. */
export type ConnectorFault = { status: number; headers?: Record<string, string> } | "hang";

export interface Posted {
  id: string;
  conversation: string;
  /** The activity as last sent or updated. */
  activity: Record<string, unknown>;
  versions: number;
  deleted: boolean;
}

export interface FakeMember {
  id: string;
  name: string;
  aadObjectId?: string;
}

type Card = { body?: unknown[]; actions?: unknown[]; refresh?: { action: FoundAction; userIds?: string[] } };

/**
 * A local stand-in for the Bot Connector service that Teams activities name as their serviceUrl: records replies
 * (POST /v3/conversations/{id}/activities[/{replyTo}]), updates (PUT …/activities/{id}), deletes, proactive sends and
 * new conversations, and answers member lists, as the Bot Connector does. It also serves the Bot Framework's
 * identity endpoints (teams-identity.ts); once a bot is registered with it (`appId`, see teams-credentials.ts) the
 * driver signs its activities and every call without the bot's token is refused (401) and counted as a problem.
 */
export class FakeConnector {
  /** The bot registered with this Bot Framework, if any: activities to it are signed, calls from it must carry its token. */
  appId: string | null = null;
  calls: ConnectorCall[] = [];
  /** What the Adaptive Cards parser found wrong in the cards the bot sent (tests expect none). */
  problems: string[] = [];
  messages = new Map<string, Posted>();
  /** Members by team or conversation id. */
  members = new Map<string, FakeMember[]>();
  /** Files put to the upload URLs this fake hands out (uploadUrl of a file consent's answer), as OneDrive keeps them. */
  uploads: Upload[] = [];
  /** Entra ID's key set answering 503, as when Microsoft's login service cannot be reached. */
  entraKeysDown = false;
  private server: Server | null = null;
  private readonly faults = new Map<ConnectorCall["kind"], ConnectorFault[]>();
  private next = 1_700_000_000_000;
  url = "";

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      void this.handle(req)
        .then((answer) => {
          if (answer !== "hang") return answer;
          req.socket.setTimeout(0);
          return new Promise<never>(() => {});
        })
        .catch(
          (error: unknown): Answer => ({
            status: 500,
            body: { error: { code: "fake", message: String(error) } },
          }),
        )
        .then(({ status, body, headers }) => {
          res.writeHead(status, { "content-type": "application/json", ...headers });
          res.end(JSON.stringify(body));
        });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async stop() {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server?.closeAllConnections();
    await closed;
  }

  /** Scripts the next answers to calls of one kind (send, reply, update…), in order. */
  failNext(kind: ConnectorCall["kind"], ...faults: ConnectorFault[]) {
    this.faults.set(kind, [...(this.faults.get(kind) ?? []), ...faults]);
  }

  private async handle(req: IncomingMessage): Promise<Answer | "hang"> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://fake");
    if (url.pathname.startsWith("/upload/")) return this.upload(req, url, Buffer.concat(chunks));
    const text = Buffer.concat(chunks).toString("utf8");
    if (this.entraKeysDown && url.pathname === ENTRA_KEYS_PATH) return { status: 503, body: {} };
    const identity = identityAnswer(this.url, req.method ?? "", url.pathname, text);
    if (identity) return identity;
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const kind = kindOf(req.method ?? "", parts);
    if (kind && this.appId && !isBotToken((req.headers.authorization as string | undefined) ?? null)) {
      this.problems.push(`${req.method} ${url.pathname} without the bot's token`);
      return { status: 401, body: { message: "Authorization has been denied for this request." } };
    }
    const fault = kind ? this.faults.get(kind)?.shift() : undefined;
    if (!kind || !fault) return this.answer(req, text, parts);
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const authorization = (req.headers.authorization as string | undefined) ?? null;
    this.calls.push({
      kind,
      conversation: parts[2] ?? "",
      body,
      authorization,
      fault: fault === "hang" ? "hang" : fault.status,
    });
    if (fault === "hang") return "hang";
    return {
      status: fault.status,
      headers: fault.headers,
      body: {
        error: { code: fault.status === 429 ? "Throttled" : "ServiceError", message: "scripted fault" },
      },
    };
  }

  /** An upload URL for a file of this name, as Teams puts in a file consent's uploadInfo. */
  uploadUrl(name: string): string {
    return `${this.url}upload/${encodeURIComponent(name)}?session=${this.next++}`;
  }

  /**
   * OneDrive's upload session: each PUT carries Content-Range "bytes first-last/total" matching its body; the file is
   * complete (201, with the item) once its last byte has come. No bot token: the URL itself is the authorisation.
   */
  private upload(req: IncomingMessage, url: URL, bytes: Buffer): Answer {
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers["content-range"] ?? ""));
    const [first, last, total] = (range ?? []).slice(1).map(Number) as [number, number, number];
    if (req.method !== "PUT" || !range || last - first + 1 !== bytes.length || last >= total) {
      this.problems.push(`bad upload ${req.method} ${req.headers["content-range"] ?? "(no range)"}`);
      return { status: 400, body: { error: { code: "invalidRange", message: "bad Content-Range" } } };
    }
    const name = decodeURIComponent(url.pathname.slice("/upload/".length));
    const session = url.searchParams.get("session") ?? "";
    const existing = this.uploads.find((u) => u.session === session);
    const upload = existing ?? { session, name, bytes: Buffer.alloc(0), complete: false };
    if (!existing) this.uploads.push(upload);
    upload.bytes = Buffer.concat([upload.bytes, bytes]);
    upload.complete = last + 1 === total;
    if (!upload.complete) return { status: 202, body: { nextExpectedRanges: [`${last + 1}-`] } };
    return { status: 201, body: { id: `item-${session}`, name, size: total } };
  }

  private async answer(req: IncomingMessage, text: string, parts: string[]): Promise<Answer> {
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const authorization = (req.headers.authorization as string | undefined) ?? null;
    if (parts[0] !== "v3" || parts[1] !== "conversations") return { status: 404, body: {} };
    const conversation = parts[2] ?? "";
    const record = (call: Omit<ConnectorCall, "authorization">) =>
      this.calls.push({ ...call, authorization });
    if (req.method === "POST" && parts.length === 2) {
      const id = `a:personal-${this.next++}`;
      record({ kind: "create", conversation: id, body });
      return { status: 201, body: { id, serviceUrl: this.url } };
    }
    if (req.method === "GET" && parts[3] === "pagedmembers") {
      record({ kind: "members", conversation, body: {} });
      return { status: 200, body: { members: this.members.get(conversation) ?? [] } };
    }
    if (req.method === "GET" && parts[3] === "members") {
      record({ kind: "members", conversation, body: {} });
      return { status: 200, body: this.members.get(conversation) ?? [] };
    }
    if (parts[3] !== "activities") return { status: 404, body: {} };
    const target = parts[4];
    if ((req.method === "POST" || req.method === "PUT") && Buffer.byteLength(text) > MAX_ACTIVITY_BYTES) {
      this.problems.push(`activity of ${Buffer.byteLength(text)} bytes refused`);
      return { status: 413, body: { error: { code: "MessageSizeTooBig", message: "Message size too big" } } };
    }
    const card = cardOf(body);
    if (card) this.problems.push(...cardProblems(card));
    if (req.method === "POST") {
      const id = String(this.next++);
      record({ kind: target ? "reply" : "send", conversation, replyToId: target, activityId: id, body });
      this.messages.set(id, { id, conversation, activity: body, versions: 1, deleted: false });
      return { status: 201, body: { id } };
    }
    if (req.method === "PUT" && target) {
      record({ kind: "update", conversation, activityId: target, body });
      const existing = this.messages.get(target);
      if (!existing)
        return { status: 404, body: { error: { code: "NotFound", message: "no such activity" } } };
      existing.activity = body;
      existing.versions++;
      return { status: 200, body: { id: target } };
    }
    if (req.method === "DELETE" && target) {
      record({ kind: "delete", conversation, activityId: target, body });
      const existing = this.messages.get(target);
      if (existing) existing.deleted = true;
      return { status: 200, body: {} };
    }
    return { status: 404, body: {} };
  }

  /** Messages in a conversation (a channel's thread replies have `;messageid=` in theirs), oldest first. */
  in(conversation: string | RegExp): Posted[] {
    return [...this.messages.values()].filter((m) =>
      typeof conversation === "string" ? m.conversation === conversation : conversation.test(m.conversation),
    );
  }

  /** Every message whose text or card text matches. */
  find(pattern: RegExp | string): Posted[] {
    return [...this.messages.values()].filter((m) => !m.deleted && matches(contentText(m.activity), pattern));
  }

  /** Waits until a message matching the pattern exists (sends can trail the HTTP answer). */
  async waitFor(pattern: RegExp | string, timeoutMs = 5000): Promise<Posted> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.find(pattern).at(-1);
      if (found) return found;
      if (Date.now() > until) throw new Error(`no message matching ${String(pattern)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

export interface Upload {
  session: string;
  name: string;
  bytes: Buffer;
  complete: boolean;
}

function kindOf(method: string, parts: string[]): ConnectorCall["kind"] | null {
  if (parts[0] !== "v3" || parts[1] !== "conversations") return null;
  if (method === "POST" && parts.length === 2) return "create";
  if (method === "GET" && (parts[3] === "members" || parts[3] === "pagedmembers")) return "members";
  if (parts[3] !== "activities") return null;
  if (method === "POST") return parts[4] ? "reply" : "send";
  if (method === "PUT") return "update";
  if (method === "DELETE") return "delete";
  return null;
}

/** Teams refuses messages over about 28 KB. */
export const MAX_ACTIVITY_BYTES = 28 * 1024;

/** Parses a card as Teams' renderer would (Adaptive Cards 1.5) and returns what it finds wrong. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  if ((card as { version?: string }).version !== "1.5") problems.push("card version is not 1.5");
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card as never, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}

const matches = (text: string, pattern: RegExp | string) =>
  typeof pattern === "string" ? text.includes(pattern) : pattern.test(text);

export function cardOf(activity: Record<string, unknown>): Card | null {
  const attachments = (activity.attachments as { contentType: string; content: Card }[] | undefined) ?? [];
  return (
    attachments.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")?.content ?? null
  );
}

/** All text a user sees in a card: text blocks, facts, input labels and choices, button titles. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    for (const key of ["text", "title", "label", "value", "placeholder", "errorMessage"]) {
      if (typeof o[key] === "string") out.push(o[key] as string);
    }
    for (const value of Object.values(o)) if (typeof value === "object") walk(value);
  };
  walk(card);
  return out.join("\n");
}

export function contentText(activity: Record<string, unknown>): string {
  const card = cardOf(activity);
  return [typeof activity.text === "string" ? activity.text : "", card ? cardText(card) : ""].join("\n");
}

export interface FoundAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** The Action.Execute buttons of a card, wherever they sit. */
export function actionsOf(card: unknown): FoundAction[] {
  const found: FoundAction[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (o.type === "Action.Execute") {
      found.push({
        title: String(o.title),
        verb: String(o.verb),
        data: (o.data ?? {}) as Record<string, unknown>,
      });
    }
    for (const value of Object.values(o)) if (typeof value === "object") walk(value);
  };
  walk(card);
  return found;
}

/** A card's inputs, in order. */
function inputElements(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === "string" && o.type.startsWith("Input.") && typeof o.id === "string") found.push(o);
    for (const value of Object.values(o)) if (typeof value === "object") walk(value);
  };
  walk(card);
  return found;
}

/** The ids of a card's inputs. */
export function inputsOf(card: unknown): string[] {
  return inputElements(card).map((input) => input.id as string);
}

/** The input with this id on a card, if there is one. */
export function inputOf(card: unknown, id: string): Record<string, unknown> | undefined {
  return inputElements(card).find((input) => input.id === id);
}

/** A string matched literally inside a RegExp (a channel id holds regex characters). */
export function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
