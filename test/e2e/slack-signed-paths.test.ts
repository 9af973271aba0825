import { createHmac } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifiedSlackRequests } from "../../adapters/slack/signed-requests.ts";
import { createLogger } from "../../src/logger.ts";

const SECRET = "signed-paths-secret-0123456789";

/**
 * The signature check in front of Bolt's own receiver, with its check off as the app runs it, on a server that hands
 * it every request (the app's server hands it only the exact path; this shows the check does not rely on that).
 */
describe("the Slack signature check in front of Bolt's receiver", () => {
  const events: string[] = [];
  const warnings: string[] = [];
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    const receiver = new HTTPReceiver({
      signingSecret: SECRET,
      signatureVerification: false,
      endpoints: ["/slack/events"],
      logLevel: LogLevel.ERROR,
    });
    const app = new App({
      receiver,
      token: "xoxb-test",
      logLevel: LogLevel.ERROR,
      tokenVerificationEnabled: false,
      // Who the bot is, given, so Bolt does not ask Slack (auth.test) on the first request.
      botId: "B1",
      botUserId: "UBOT",
    });
    app.command(/.*/, async ({ ack, command }) => {
      events.push(command.text);
      await ack();
    });
    app.error(async (error) => {
      warnings.push(`bolt: ${String(error)}`);
    });
    const log = createLogger("warn", (line) => warnings.push(line));
    const listener = verifiedSlackRequests("/slack/events", SECRET, receiver.requestListener, log);
    server = createServer((req, res) => {
      try {
        listener(req, res);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** A raw POST: the path is sent exactly as given (fetch would resolve its dot segments first). */
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path,
          headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  const command = (text: string) =>
    new URLSearchParams({
      command: "/arbejdsmiljø",
      text,
      team_id: "T1",
      user_id: "U1",
      channel_id: "C1",
    }).toString();
  const signed = (body: string, timestamp = Math.floor(Date.now() / 1000)) => ({
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`,
  });

  it("refuses unsigned requests to every spelling of the path Bolt takes as its own, and runs a signed one", async () => {
    for (const path of [
      "/slack/events",
      "/slack/x/../events",
      "/slack/%2e/events",
      "//host/slack/events",
      "/slack/events?retry=1",
    ]) {
      expect([path, await post(path, command(`unsigned ${path}`))]).toEqual([path, 401]);
    }
    const body = command("signed");
    expect(await post("/slack/x/../events", body, signed(body))).toBe(200);
    expect([events, warnings.filter((w) => w.startsWith("bolt"))]).toEqual([["signed"], []]);
    expect(warnings.filter((w) => w.includes("signature does not match"))).toHaveLength(5);
  });

  it("takes a signature only as Slack writes it: lowercase hex, whole, after v0=", async () => {
    const body = command("odd signature");
    const { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp } = signed(body);
    const odd = {
      uppercase: signature.replace(/^v0=/, "").toUpperCase().replace(/^/, "v0="),
      "with a tail": `${signature}zz`,
      "a tail after a stray character": `${signature.slice(0, 40)}-${signature.slice(40)}`,
      "no version": signature.replace(/^v0=/, ""),
    };
    for (const [why, value] of Object.entries(odd)) {
      const status = await post("/slack/events", body, {
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": value,
      });
      expect([why, status]).toEqual([why, 401]);
    }
    // A timestamp written other than in decimal is refused, even signed as sent.
    const hexTimestamp = `0x${Number(timestamp).toString(16)}`;
    const canonical = signed(body);
    const hexSigned = `v0=${createHmac("sha256", SECRET).update(`v0:${hexTimestamp}:${body}`).digest("hex")}`;
    expect(
      await post("/slack/events", body, {
        "x-slack-request-timestamp": hexTimestamp,
        "x-slack-signature": hexSigned,
      }),
    ).toBe(401);
    expect(await post("/slack/events", body, canonical)).toBe(200);
    expect(events.at(-1)).toBe("odd signature");
    expect(events.filter((e) => e === "odd signature")).toHaveLength(1);
  });
});
