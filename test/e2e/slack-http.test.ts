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
