import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/index.ts";
import { slackAdapter } from "../../adapters/slack/index.ts";
import { teamsAdapter } from "../../adapters/teams/index.ts";
import type { RunningServer } from "../../src/server.ts";
import { startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";
import { contentText, FakeConnector } from "../helpers/teams-connector.ts";
import { authenticatedTeams } from "../helpers/teams-credentials.ts";
import { TeamsDriver } from "../helpers/teams-driver.ts";
import {
  channelToken,
  entraToken,
  newSigningKey,
  SIGNING_KEY,
  type TokenFault,
} from "../helpers/teams-identity.ts";

const USER = { id: "aad-user", name: "Mette Hansen" };
const SLACK_ONLY = { SLACK_BOT_TOKEN: "xoxb-prod", SLACK_SIGNING_SECRET: "prod-signing-secret" };

/** Everything an activity could have left behind for a tenant: its workspace and conversation references. */
async function storedFor(db: Db, tenantId: string) {
  return db.query(
    `SELECT w.id, c.conversation_id FROM workspaces w LEFT JOIN teams_conversations c ON c.workspace_id = w.id
     WHERE w.external_id = $1`,
    [tenantId],
  );
}

describe("Teams with credentials set: every activity's token checked by botbuilder", () => {
  const connector = new FakeConnector();
  let server: RunningServer;
  let db: Db;
  let url: string;

  beforeAll(async () => {
    await connector.start();
    db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
    const teams = authenticatedTeams(connector);
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "error", ...teams.env });
    server = await startServer(config, [teams.adapter], { db, scheduler: false });
    url = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await connector.stop();
  });

  it("takes an activity with a valid token and answers through the connector with the bot's own token", async () => {
    const teams = new TeamsDriver(url, connector, uniqueId("tenant-"));
    const response = await teams.mention(USER, "hjælp");
    expect(response.status).toBe(200);
    const reply = await connector.waitFor("hjælp");
    expect(contentText(reply.activity)).toContain("opsæt");
    // The fake connector refuses (and counts as a problem) any call without the token its endpoint issued.
    expect(connector.problems).toEqual([]);
    expect(connector.calls.at(-1)?.authorization).toMatch(/^Bearer ey/);
    expect((await storedFor(db, teams.tenantId)).length).toBe(1);
  });

  it("refuses a request without a token (401), sending and storing nothing", async () => {
    const before = connector.calls.length;
    const teams = new TeamsDriver(url, connector, uniqueId("tenant-"));
    teams.token = "none";
    const response = await teams.mention(USER, "hjælp").catch((error: Error) => error);
    expect(String(response)).toContain("401");
    const invoke = await teams.invoke(USER, { verb: "entry_form", data: {} });
    expect(invoke.status).toBe(401);
    expect(connector.calls.length).toBe(before);
    expect(await storedFor(db, teams.tenantId)).toEqual([]);
  });

  it("refuses a request whose token is not a Bot Framework token (401)", async () => {
    const before = connector.calls.length;
    for (const authorization of ["Bearer not-a-jwt", "Basic dXNlcjpwYXNz", "Bearer "]) {
      const teams = new TeamsDriver(url, connector, uniqueId("tenant-"), undefined, undefined, {
        authorization,
      });
      expect((await teams.invoke(USER, { verb: "entry_form", data: {} })).status).toBe(401);
      expect(await storedFor(db, teams.tenantId)).toEqual([]);
    }
    expect(connector.calls.length).toBe(before);
  });

  it("refuses a forged, expired, misaddressed or foreign token (401), sending and storing nothing", async () => {
    const faults: Record<string, TokenFault> = {
      "signed with another key under the real key's id": { key: newSigningKey(SIGNING_KEY.kid) },
      "signed with a key the metadata does not list": { key: newSigningKey() },
      expired: { expiresIn: -600 },
      "for another bot": { audience: "11111111-2222-3333-4444-555555555555" },
      "from another issuer": { issuer: "https://sts.attacker.example/" },
      "for another service URL": { serviceUrl: "https://smba.trafficmanager.net/emea/" },
    };
    const before = connector.calls.length;
    for (const [what, fault] of Object.entries(faults)) {
      const teams = new TeamsDriver(url, connector, uniqueId("tenant-"));
      teams.token = fault;
      expect((await teams.install(USER)).status, what).toBe(401);
      const mention = await teams.mention(USER, "hjælp").catch((error: Error) => error);
      expect(String(mention), what).toContain("401");
      expect((await teams.invoke(USER, { verb: "entry_form", data: {} })).status, what).toBe(401);
      expect(await storedFor(db, teams.tenantId), what).toEqual([]);
    }
    expect(connector.calls.length).toBe(before);
  });

  it("refuses a valid token for the connector's address on an activity naming another (no requests elsewhere)", async () => {
    const before = connector.calls.length;
    const teams = new TeamsDriver(url, connector, uniqueId("tenant-"));
    // The token is the connector's; the activity asks the bot to answer at another address.
    const forged = { ...teams.base(USER, teams.channel), serviceUrl: "http://127.0.0.1:9/" };
    const token = channelToken(connector.url);
    const response = await fetch(`${url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...forged, type: "message", id: "1", text: "hjælp" }),
    });
    expect(response.status).toBe(401);
    expect(connector.calls.length).toBe(before);
    expect(await storedFor(db, teams.tenantId)).toEqual([]);
  });

  it("answers a body that is no activity with 400, before any token is looked at, storing nothing", async () => {
    const before = connector.calls.length;
    const post = (body: string) =>
      fetch(`${url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
    for (const body of ["[1, 2]", "{}", '{"type": 7}', '{"type": ""}', '"message"', "{not json"]) {
      expect((await post(body)).status, body).toBe(400);
    }
    // An activity without a token is refused for that, not for its shape.
    expect((await post('{"type": "message", "text": "hej"}')).status).toBe(401);
    expect(connector.calls.length).toBe(before);
  });

  it("refuses what is no activity by its form: not JSON, over 1 MB, or not a POST", async () => {
    const before = connector.calls.length;
    const activity = JSON.stringify({ type: "message", text: "hej" });
    const asText = await fetch(`${url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: activity,
    });
    expect(asText.status).toBe(400);
    const huge = await fetch(`${url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "message", text: "x".repeat(1_100_000) }),
    });
    expect(huge.status).toBe(413);
    expect((await fetch(`${url}/api/messages`)).status).toBe(404);
    // The server goes on answering.
    const after = await fetch(`${url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: activity,
    });
    expect(after.status).toBe(401);
    expect(connector.calls.length).toBe(before);
  });
});

/** An address of this machine other than loopback, to reach the bot as another computer would; null if none. */
function outsideAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces()))
    for (const a of addresses ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  return null;
}

describe("Teams without credentials (no NODE_ENV anywhere)", () => {
  const connector = new FakeConnector();
  let db: Db;
  beforeAll(async () => {
    await connector.start();
    db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
  });
  afterAll(async () => {
    await db?.close();
    await connector.stop();
  });

  // Slack listed as the deployment lists it, so its credentials count, but not started: Teams' route is tested here.
  const slackListed = { ...slackAdapter, open: async () => null };

  /** Starts the app with these settings (listening on every interface), runs `work`, stops it. */
  async function withApp(env: Record<string, string>, work: (port: number) => Promise<void>) {
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "error", ...env });
    const server = await startServer(config, [slackListed, teamsAdapter], { db, scheduler: false });
    try {
      await work(server.port);
    } finally {
      await server.stop();
    }
  }

  /** A forged activity as an attacker would send one: any tenant, the reply aimed at a local address. */
  const forged = (tenantId: string) =>
    JSON.stringify({
      ...new TeamsDriver("", connector, tenantId).base(USER, "19:any@thread.tacv2"),
      type: "message",
      id: "1",
      text: "hjælp",
    });

  it("answers 401 in a Slack-only deployment, storing nothing and sending nothing", async () => {
    await withApp(SLACK_ONLY, async (port) => {
      const before = connector.calls.length;
      const tenantId = uniqueId("tenant-");
      for (const authorization of [undefined, "Bearer not-a-jwt"]) {
        const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
          body: forged(tenantId),
        });
        expect(res.status).toBe(401);
      }
      // Only POSTs are activities; anything else is express's 404 as before.
      expect((await fetch(`http://127.0.0.1:${port}/api/messages`)).status).toBe(404);
      expect(connector.calls.length).toBe(before);
      expect(await storedFor(db, tenantId)).toEqual([]);
    });
  });

  it("keeps the tab's data shut without Microsoft credentials, whatever token comes (the page itself is served)", async () => {
    for (const env of [SLACK_ONLY, {}, { ...SLACK_ONLY, TEAMS_LOCAL_TEST: "1" }]) {
      await withApp(env, async (port) => {
        const tenantId = uniqueId("tenant-");
        const token = entraToken({ tenantId, userId: USER.id, name: USER.name });
        const res = await fetch(`http://127.0.0.1:${port}/teams/tab/data`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(401);
        expect(((await res.json()) as { reason: string }).reason).toBe("refused");
        expect((await fetch(`http://127.0.0.1:${port}/teams/tab`)).status).toBe(200);
        expect(await storedFor(db, tenantId)).toEqual([]);
      });
    }
  });

  for (const [what, env] of [
    ["the local trial (no platform credentials at all)", {}],
    ["TEAMS_LOCAL_TEST=1 beside Slack", { ...SLACK_ONLY, TEAMS_LOCAL_TEST: "1" }],
  ] as const) {
    it(`in ${what}, takes unauthenticated activities from this computer only`, async () => {
      await withApp(env, async (port) => {
        const local = new TeamsDriver(`http://127.0.0.1:${port}`, connector, uniqueId("tenant-"));
        expect((await local.mention(USER, "hjælp")).status).toBe(200);
        await connector.waitFor("opsæt");
        expect((await storedFor(db, local.tenantId)).length).toBe(1);
        // The Bot Framework Emulator is taken here too, but nothing a proxy on this computer passes on.
        const emulated = { ...local.base(USER, local.channel), channelId: "emulator" };
        expect(
          (await local.post({ ...emulated, type: "message", id: local.nextId(), text: "hjælp" })).status,
        ).toBe(200);
        const proxied = uniqueId("tenant-");
        const passedOn = await fetch(`http://127.0.0.1:${port}/api/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
          body: forged(proxied),
        });
        expect(passedOn.status).toBe(401);
        expect(await storedFor(db, proxied)).toEqual([]);

        const address = outsideAddress();
        if (!address) {
          console.warn("skipped the request from another address: this machine has no non-loopback IPv4");
          return;
        }
        const before = connector.calls.length;
        const tenantId = uniqueId("tenant-");
        const res = await fetch(`http://${address}:${port}/api/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "127.0.0.1" },
          body: forged(tenantId),
        });
        expect(res.status).toBe(401);
        expect(connector.calls.length).toBe(before);
        expect(await storedFor(db, tenantId)).toEqual([]);
      });
    });
  }

  it("refuses a TEAMS_LOCAL_TEST other than 1 or 0 at start, in one line naming it", () => {
    expect(() => loadConfig({ TEAMS_LOCAL_TEST: "yes" })).toThrow(
      "Configuration error: TEAMS_LOCAL_TEST must be 1 (or 0) (it is not valid).",
    );
  });

  it("refuses TEAMS_LOCAL_TEST=1 at start where the loopback check cannot hold or credentials are set", () => {
    expect(() => loadConfig({ TEAMS_LOCAL_TEST: "1", TRUST_PROXY: "1" })).toThrow(
      "Configuration error: TEAMS_LOCAL_TEST is not allowed when TRUST_PROXY is 1.",
    );
    for (const credentials of [
      { MICROSOFT_APP_ID: "app", MICROSOFT_APP_PASSWORD: "secret" },
      { MICROSOFT_APP_PASSWORD: "secret" },
    ])
      expect(() => loadConfig({ TEAMS_LOCAL_TEST: "1", ...credentials })).toThrow(
        "Configuration error: TEAMS_LOCAL_TEST is not allowed when Microsoft credentials are set",
      );
    expect(() => loadConfig({ ...SLACK_ONLY, TEAMS_LOCAL_TEST: "0", TRUST_PROXY: "1" })).not.toThrow();
    // The local trial's channel has no login: no proxy may stand in front of it either.
    expect(() => loadConfig({ TRUST_PROXY: "1" })).toThrow(
      "Configuration error: TRUST_PROXY is not allowed in the local trial: set Slack or Teams credentials (behind a proxy the trial's channel, which has no login, would be open to the network).",
    );
  });
});
