import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SCOPES } from "../../adapters/slack/scopes.ts";
import { blockKitProblems, viewProblems } from "./slack-blockkit.ts";
import { oauthAccess, type Rotation } from "./slack-oauth-fake.ts";
import { METHOD_SCOPES } from "./slack-scopes.ts";

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string | null;
  /** Why Slack refused the call, when it did. */
  refusal?: string[];
}

type Scripted = { status: number; headers?: Record<string, string>; body?: unknown };
/**
 * A scripted answer: an HTTP answer, none at all until the server stops, the usual answer but late, or when let go.
 * `lateMs` is late too, and marks its arrival ("<method>!late") apart from its answer ("<method>", logged once sent).
 */
type Fault = Scripted | "hang" | { delayMs: number } | { lateMs: number } | { until: Promise<unknown> };

/**
 * A local stand-in for the Slack Web API: records every call in order and answers as Slack does.
 * `failNext(method, ...)` scripts the next answers of a method (429 with Retry-After, 500, a Slack error, or none).
 */
export class FakeSlack {
  calls: SlackCall[] = [];
  /** Token rotation on: install tokens expire after `installedFor` seconds, refreshed ones after `refreshedFor`. */
  rotation: Rotation | null = null;
  /** The bot token's scopes: what the install asks for. A call needing another is refused with missing_scope. */
  scopes: readonly string[] = SCOPES;
  uploads = new Map<string, Buffer>();
  names = new Map<string, string>();
  /**
   * People's Slack locales ("en-US"), which users.info gives when asked with include_locale. Slack always gives one;
   * the fake gives none for anyone not set here, so a test that sets no locale sees the workspace's language.
   */
  locales = new Map<string, string>();
  /** Users that users.info calls admins of their workspace: the tests' employer (U_EMP) runs the first setup. */
  admins = new Set<string>(["U_EMP"]);
  /** People's replies in threads, as the driver sent them (what conversations.replies reads back), by "channel/ts". */
  replies = new Map<string, { user: string; text: string; ts: string; thread_ts: string }>();
  /** Channels the bot is not in: a public one it can join, a private one it must be invited to. */
  outside = new Map<string, { private: boolean }>();
  /** Channel names conversations.info gives (default: "amo", as the driver's payloads name the channel). */
  channelNames = new Map<string, string>();
  /** Where apps.connections.open sends Socket Mode clients (a FakeSocketMode). */
  socketUrl = "";
  private server: Server | null = null;
  private ts = 1_700_000_000_000;
  private scripted = new Map<string, Fault[]>();
  private installs = 0;
  private responseUses = new Map<string, number>();
  url = "";

  /** Listens on `port` (a free one unless given: a test can start the app first, with nothing there yet). */
  async start(port = 0): Promise<string> {
    const server = createServer((req, res) => {
      // A fault in the fake answers 500 instead of leaving the request (and the server's close) hanging.
      void this.handle(req)
        .catch(
          (error: unknown): Scripted => ({
            status: 500,
            body: { ok: false, error: `fake_failed: ${String(error)}` },
          }),
        )
        .then(({ status, headers, body }) => {
          res.writeHead(status, { "content-type": "application/json", ...headers });
          res.end(typeof body === "string" ? body : JSON.stringify(body));
        });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
    return this.url;
  }

  async stop() {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server?.closeAllConnections();
    await closed;
  }

  failNext(method: string, ...answers: Fault[]) {
    this.scripted.set(method, [...(this.scripted.get(method) ?? []), ...answers]);
  }

  of(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Runs `action`, then waits until the app has made a new call of `method` (Bolt acks before it works). */
  async after(method: string, action: () => Promise<unknown>, timeoutMs = 10_000): Promise<SlackCall> {
    const before = this.of(method).length;
    await action();
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const calls = this.of(method);
      if (calls.length > before) return calls[before] as SlackCall;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`the app made no ${method} call`);
  }

  /**
   * Runs `action`, then waits for the app's next direct message to `userId`: what a modal's work ends with, which
   * runs after Slack has its answer (the modal closes first).
   */
  async afterDm(userId: string, action: () => Promise<unknown>, timeoutMs = 10_000): Promise<SlackCall> {
    const from = this.calls.length;
    await action();
    return this.until("chat.postMessage", (c) => c.args.channel === userId, from, timeoutMs);
  }

  /** Waits until the app has made a call of `method` that `match` accepts (looking only at calls after `from`). */
  async until(
    method: string,
    match: (call: SlackCall) => boolean,
    from = 0,
    timeoutMs = 10_000,
  ): Promise<SlackCall> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const found = this.calls.slice(from).find((c) => c.method === method && match(c));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`the app made no matching ${method} call`);
  }

  last(method: string): SlackCall | undefined {
    return this.of(method).at(-1);
  }

  private nextTs() {
    this.ts += 1;
    return `${Math.floor(this.ts / 1000)}.${String(this.ts % 1000).padStart(6, "0")}`;
  }

  private async handle(req: IncomingMessage): Promise<Scripted> {
    const raw = await readBody(req);
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (path.startsWith("/upload/")) {
      this.uploads.set(path.slice("/upload/".length), raw);
      return { status: 200, body: `OK - ${raw.length}` };
    }
    if (path.startsWith("/respond/")) {
      const args = JSON.parse(raw.toString("utf8") || "{}");
      // Slack takes five answers through one response_url.
      const uses = (this.responseUses.get(path) ?? 0) + 1;
      this.responseUses.set(path, uses);
      if (uses > 5) {
        this.calls.push({ method: "respond!used_url", args, token: null, refusal: ["used_url"] });
        return { status: 404, body: "used_url" };
      }
      const refused = this.refusal("respond", args);
      if (refused) {
        this.calls.push({ method: "respond!invalid_blocks", args, token: null, refusal: refused.errors });
        return { status: 400, body: refused };
      }
      this.calls.push({ method: "respond", args, token: null });
      return { status: 200, body: "ok" };
    }
    const method = path.replace(/^\/api\//, "");
    const args = parseArgs(req.headers["content-type"] ?? "", raw);
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "") || (args.token as string) || null;
    const script = this.scripted.get(method);
    const answer = script?.shift();
    if (answer === "hang") {
      this.calls.push({ method: `${method}!hang`, args, token });
      return new Promise<never>(() => {});
    }
    if (answer && "until" in answer) {
      // Held until the test lets it go, then answered as usual; "!held" marks that it arrived.
      this.calls.push({ method: `${method}!held`, args, token });
      await answer.until;
    } else if (answer && "delayMs" in answer)
      await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    else if (answer && "lateMs" in answer) {
      this.calls.push({ method: `${method}!late`, args, token });
      await new Promise((resolve) => setTimeout(resolve, answer.lateMs));
    } else if (answer) {
      this.calls.push({ method: `${method}!${answer.status}`, args, token });
      return answer;
    }
    const refused = this.refusal(method, args);
    if (refused) {
      this.calls.push({
        method: `${method}!${refused.error}`,
        args,
        token,
        refusal: refused.errors ?? [refused.error],
      });
      return { status: 200, body: refused };
    }
    this.calls.push({ method, args, token });
    return { status: 200, body: this.answer(method, args) };
  }

  /** Slack's own checks of what the app sends: Block Kit limits, modal limits, the 40,000-character text. */
  private refusal(
    method: string,
    args: Record<string, unknown>,
  ): { ok: false; error: string; errors?: string[] } | null {
    const needed = METHOD_SCOPES[method];
    if (needed === undefined) return { ok: false, error: "unknown_method" };
    if (needed.length > 0 && !needed.some((scope) => this.scopes.includes(scope)))
      return { ok: false, error: "missing_scope", errors: [`needed: ${needed.join(",")}`] };
    const channel = String(args.channel ?? args.channel_id ?? "");
    if (["chat.postMessage", "pins.add"].includes(method) && this.outside.has(channel))
      return { ok: false, error: "not_in_channel" };
    if (["chat.postMessage", "chat.update", "chat.postEphemeral", "respond"].includes(method)) {
      if (typeof args.text === "string" && args.text.length > 40_000)
        return { ok: false, error: "msg_too_long" };
      const errors = blockKitProblems(args.blocks, "message");
      return errors.length ? { ok: false, error: "invalid_blocks", errors } : null;
    }
    if (["views.open", "views.update", "views.push", "views.publish"].includes(method)) {
      const errors = viewProblems(args.view);
      return errors.length ? { ok: false, error: "invalid_arguments", errors } : null;
    }
    return null;
  }

  /** Every call Slack refused (a test that sees one has found a payload Slack would reject). */
  refused(): SlackCall[] {
    return this.calls.filter((c) =>
      /!(invalid_blocks|invalid_arguments|msg_too_long|used_url|missing_scope|unknown_method)$/.test(
        c.method,
      ),
    );
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args.channel ?? args.channel_id ?? "");
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          user_id: "UBOT",
          bot_id: "BBOT",
          team_id: "T_ANY",
          team: "Kontoret ApS",
          user: "arbejdsmiljo",
        };
      case "chat.postMessage": {
        const ts = this.nextTs();
        return { ok: true, channel, ts, message: { ts, text: args.text } };
      }
      case "chat.update":
        return { ok: true, channel, ts: args.ts };
      case "conversations.replies": {
        const within = (ts: string) =>
          (!args.oldest || ts >= String(args.oldest)) && (!args.latest || ts <= String(args.latest));
        const messages = [...this.replies.entries()]
          .filter(([key, m]) => key.startsWith(`${channel}/`) && m.thread_ts === args.ts && within(m.ts))
          .map(([, m]) => ({ type: "message", ...m }));
        return { ok: true, messages, has_more: false };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.nextTs() };
      case "chat.getPermalink":
        return {
          ok: true,
          channel,
          permalink: `https://slack.example/archives/${channel}/p${String(args.message_ts).replace(".", "")}`,
        };
      case "pins.add":
        return { ok: true };
      case "views.open":
      case "views.update":
      case "views.push":
        return { ok: true, view: { id: `V${this.nextTs().replace(".", "")}` } };
      case "views.publish":
        return { ok: true, view: { id: `V${this.nextTs().replace(".", "")}`, type: "home" } };
      case "users.info": {
        const id = String(args.user);
        const name = this.names.get(id) ?? id;
        return {
          ok: true,
          user: {
            id,
            name: id.toLowerCase(),
            real_name: name,
            profile: { real_name: name },
            is_admin: this.admins.has(id),
            ...(String(args.include_locale) === "true" && this.locales.has(id)
              ? { locale: this.locales.get(id) }
              : {}),
          },
        };
      }
      case "conversations.info": {
        const outside = this.outside.get(channel);
        return {
          ok: true,
          channel: {
            id: channel,
            name: this.channelNames.get(channel) ?? "amo",
            is_private: outside?.private ?? false,
            is_member: !outside,
          },
        };
      }
      case "conversations.join": {
        if (this.outside.get(channel)?.private)
          return { ok: false, error: "method_not_supported_for_channel_type" };
        this.outside.delete(channel);
        return { ok: true, channel: { id: channel, is_member: true } };
      }
      case "apps.connections.open":
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: "invalid_auth" };
      case "oauth.v2.access":
        this.installs += 1;
        return oauthAccess(args, this.installs, this.rotation);
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case "files.getUploadURLExternal": {
        const id = `F${this.nextTs().replace(".", "")}`;
        return { ok: true, file_id: id, upload_url: `${this.url.replace(/api\/$/, "")}upload/${id}` };
      }
      case "files.completeUploadExternal": {
        // The form body's JSON values are already parsed by parseArgs; a raw string is parsed here.
        const raw = args.files ?? [];
        const files = (typeof raw === "string" ? JSON.parse(raw) : raw) as { id: string; title?: string }[];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

function parseArgs(contentType: string, raw: Buffer): Record<string, unknown> {
  const text = raw.toString("utf8");
  if (contentType.includes("json")) return text ? JSON.parse(text) : {};
  if (contentType.includes("multipart")) return {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    args[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return args;
}

const safeJson = (v: string) => {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

/** Sends a request to the app signed the way Slack signs it (v0, HMAC-SHA256 of `v0:{timestamp}:{body}`). */
export async function signedPost(
  url: string,
  body: string,
  secret: string,
  options: { contentType?: string; timestamp?: number; signature?: string; retryNum?: number } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    options.signature ?? `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature,
      ...(options.retryNum
        ? { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" }
        : {}),
    },
    body,
  });
}
