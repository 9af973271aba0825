import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamsAdapter } from "../../adapters/teams/index.ts";
import { loadConfig } from "../../src/config.ts";
import type { RunningServer } from "../../src/server.ts";
import { startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";
import { FakeConnector } from "../helpers/teams-connector.ts";
import { TeamsDriver } from "../helpers/teams-driver.ts";

const USER = { id: "aad-user", name: "Mette Hansen" };

describe("Teams with credentials set", () => {
  const connector = new FakeConnector();
  let server: RunningServer;
  let db: Db;
  let url: string;

  beforeAll(async () => {
    await connector.start();
    db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
    const config = loadConfig({
      PORT: "0",
      LOG_LEVEL: "error",
      MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555",
      MICROSOFT_APP_PASSWORD: "not-a-real-secret",
      MICROSOFT_APP_TYPE: "MultiTenant",
    });
    server = await startServer(config, [teamsAdapter], { db, scheduler: false });
    url = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await connector.stop();
  });

  it("refuses a request without a token (401), sending and storing nothing", async () => {
    const teams = new TeamsDriver(url, connector, uniqueId("tenant-"));
    const response = await teams.mention(USER, "hjælp").catch((error: Error) => error);
    expect(String(response)).toContain("401");
    const invoke = await teams.invoke(USER, { verb: "save", data: {} });
    expect(invoke.status).toBe(401);
    expect(connector.calls).toEqual([]);
    expect(await db.query("SELECT 1 FROM workspaces WHERE external_id = $1", [teams.tenantId])).toEqual([]);
  });

  it("refuses a request whose token is not a Bot Framework token (401)", async () => {
    for (const authorization of ["Bearer not-a-jwt", "Basic dXNlcjpwYXNz", "Bearer "]) {
      const teams = new TeamsDriver(url, connector, uniqueId("tenant-"), undefined, undefined, {
        authorization,
      });
      expect((await teams.invoke(USER, { verb: "save", data: {} })).status).toBe(401);
    }
    expect(connector.calls).toEqual([]);
  });

  it("answers a body that is no activity with 400, before any token is looked at, storing nothing", async () => {
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
    expect(connector.calls).toEqual([]);
  });

  it("refuses what is no activity by its form: not JSON, over 1 MB, or not a POST", async () => {
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
    expect(connector.calls).toEqual([]);
  });
});

describe("Teams without credentials", () => {
  it("is simply off in a production Slack deployment (no unauthenticated /api/messages)", async () => {
    const config = loadConfig({
      PORT: "0",
      LOG_LEVEL: "error",
      NODE_ENV: "production",
      SLACK_BOT_TOKEN: "xoxb-prod",
      SLACK_SIGNING_SECRET: "prod-signing-secret",
    });
    const db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
    const server = await startServer(config, [teamsAdapter], { db, scheduler: false });
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "message", text: "hjælp" }),
      });
      expect(res.status).toBe(404);
    } finally {
      await server.stop();
      await db.close();
    }
  });

  it("is refused at start in production, in one line naming the variables", async () => {
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "error", NODE_ENV: "production" });
    const db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
    try {
      await expect(startServer(config, [teamsAdapter], { db, scheduler: false })).rejects.toThrow(
        /^Configuration error: MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are required when NODE_ENV=production/,
      );
    } finally {
      await db.close();
    }
  });
});
