import { createHmac } from "node:crypto";
import { Agent, get } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackApp } from "../helpers/slack-app.ts";
import { SIGNING_SECRET } from "../helpers/slack-driver.ts";
import { signedPost } from "../helpers/slack-fake.ts";

/** What Slack sends to POST /slack/events besides commands and events, next to the server's other routes. */
describe("Slack over HTTP", () => {
  const app = new SlackApp();
  beforeAll(() => app.start());
  afterAll(() => app.stop());

  it("answers Slack's URL verification with the challenge (as when saving the Request URL)", async () => {
    const body = JSON.stringify({
      token: "legacy",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    });
    const res = await signedPost(`${app.url}/slack/events`, body, SIGNING_SECRET, {
      contentType: "application/json",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  });

  it("answers an ssl_check, refuses an unsigned request, and leaves /healthz to the server", async () => {
    const check = await signedPost(`${app.url}/slack/events`, "ssl_check=1&token=legacy", SIGNING_SECRET);
    expect(check.status).toBe(200);
    const unsigned = await fetch(`${app.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "command=%2Farbejdsmilj%C3%B8&text=start&team_id=T1&user_id=U1",
    });
    expect(unsigned.status).toBe(401);
    expect(app.fake.calls.filter((c) => c.args.team_id === "T1")).toEqual([]);
    const health = await fetch(`${app.url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok", database: "ok" });
    // No answer is hashed for an ETag (a Teams card is kilobytes, and every answer changes).
    expect(health.headers.get("etag")).toBeNull();
  });

  it("checks each request's signature as Slack describes it: a changed body, a timestamp over five minutes old, a malformed signature or timestamp get 401, a body over 4 MB 413; an unsigned ssl_check runs nothing sent with it", async () => {
    const events = `${app.url}/slack/events`;
    const help = (id: string) =>
      new URLSearchParams({
        team_id: "T_SIGNED",
        user_id: "U1",
        channel_id: "C1",
        command: "/arbejdsmiljø",
        text: "hjælp",
        response_url: `${app.fake.url.replace(/api\/$/, "")}respond/${id}`,
        trigger_id: `trig-${id}`,
      }).toString();
    const answered = () => app.fake.calls.filter((c) => c.method === "respond").length;
    const before = answered();
    // The same command, signed right, is answered: what the refusals below would otherwise have done.
    const signed = await signedPost(events, help("signed"), SIGNING_SECRET);
    expect(signed.status).toBe(200);
    await expect.poll(answered).toBe(before + 1);

    const now = Math.floor(Date.now() / 1000);
    const sign = (body: string, timestamp: number | string) =>
      `v0=${createHmac("sha256", SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
    const post = (body: string, headers: Record<string, string>) =>
      fetch(events, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body,
      });
    const body = help("refused");
    const refusals = {
      "body changed after signing": post(`${body}&text=start`, {
        "x-slack-request-timestamp": String(now),
        "x-slack-signature": sign(body, now),
      }),
      "signed six minutes ago": post(body, {
        "x-slack-request-timestamp": String(now - 360),
        "x-slack-signature": sign(body, now - 360),
      }),
      "timestamp not a number": post(body, {
        "x-slack-request-timestamp": "soon",
        "x-slack-signature": sign(body, "soon"),
      }),
      "no timestamp": post(body, { "x-slack-signature": sign(body, now) }),
      "signature cut short": post(body, {
        "x-slack-request-timestamp": String(now),
        "x-slack-signature": sign(body, now).slice(0, 40),
      }),
      "another signature version": post(body, {
        "x-slack-request-timestamp": String(now),
        "x-slack-signature": sign(body, now).replace("v0=", "v1="),
      }),
    };
    const statuses = Object.fromEntries(
      await Promise.all(Object.entries(refusals).map(async ([why, res]) => [why, (await res).status])),
    );
    expect(statuses).toEqual(Object.fromEntries(Object.keys(refusals).map((why) => [why, 401])));

    const huge = await signedPost(events, `text=${"x".repeat(4 * 1024 * 1024)}`, SIGNING_SECRET);
    expect(huge.status).toBe(413);

    // An unsigned ssl_check is refused like any unsigned request, and a command sent along with it is not run.
    const smuggled = await post(`ssl_check=1&${help("smuggled")}`, {});
    expect(smuggled.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered()).toBe(before + 1);
  });

  it("answers what Slack's handler does not take (a GET, a query, an unknown method) as any other unknown request, and goes on", async () => {
    for (const [method, path] of [
      ["GET", "/slack/events"],
      ["PUT", "/slack/events?x=1"],
      ["GET", "/slack/install"],
    ] as const) {
      const res = await fetch(`${app.url}${path}`, { method });
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    const check = await signedPost(
      `${app.url}/slack/events?retry=1`,
      "ssl_check=1&token=legacy",
      SIGNING_SECRET,
    );
    expect(check.status).toBe(200);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it("keeps an idle connection open past Node's five seconds, so a burst of requests does not have to open new ones", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const healthz = () =>
      new Promise<{ reused: boolean; port: number | undefined }>((resolve, reject) => {
        const req = get(`${app.url}/healthz`, { agent }, (res) => {
          res.resume();
          res.on("end", () => resolve({ reused: req.reusedSocket, port: req.socket?.localPort }));
        });
        req.on("error", reject);
      });
    const first = await healthz();
    await new Promise((resolve) => setTimeout(resolve, 7000)); // Node closes an idle one after 5 s (and a margin)
    const second = await healthz();
    agent.destroy();
    expect(second).toEqual({ reused: true, port: first.port });
  });
});
