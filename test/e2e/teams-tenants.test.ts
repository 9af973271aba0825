import { describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { uniqueId } from "../helpers/db.ts";
import { EMPLOYER, teamsApp } from "../helpers/teams-app.ts";
import { TeamsDriver } from "../helpers/teams-driver.ts";

const stored = (db: Db, tenantId: string) =>
  db.query("SELECT id FROM workspaces WHERE external_id = $1", [tenantId]);

/** Every kind of activity from a tenant that is not allowed: each answered 403, nothing stored, nothing sent. */
async function refusedEverything(app: ReturnType<typeof teamsApp>, tenantId: string) {
  const before = app.connector.calls.length;
  const teams = new TeamsDriver(app.url, app.connector, tenantId);
  expect((await teams.install(EMPLOYER)).status).toBe(403);
  expect(String(await teams.mention(EMPLOYER, "opsæt").catch((error: Error) => error))).toContain("403");
  expect((await teams.invoke(EMPLOYER, { verb: "entry_form", data: {} })).status).toBe(403);
  expect((await teams.replyInThread(EMPLOYER, "1", "en note")).status).toBe(403);
  expect(app.connector.calls.length).toBe(before);
  expect(await stored(app.db, tenantId)).toEqual([]);
}

describe("Teams with MICROSOFT_ALLOWED_TENANTS", () => {
  const app = teamsApp({ env: { MICROSOFT_ALLOWED_TENANTS: "tenant-ours, tenant-sister" } });

  it("takes activities from the tenants listed", async () => {
    for (const tenant of ["tenant-ours", "tenant-sister"]) {
      const teams = new TeamsDriver(app.url, app.connector, tenant);
      expect((await teams.install(EMPLOYER)).status).toBe(200);
      expect((await teams.mention(EMPLOYER, "hjælp")).status).toBe(200);
      expect((await stored(app.db, tenant)).length).toBe(1);
    }
    await app.connector.waitFor("opsæt");
  });

  it("refuses any other tenant's activities with 403, storing and sending nothing", async () => {
    await refusedEverything(app, uniqueId("tenant-"));
  });

  it("refuses an activity naming a listed tenant in one place and another in the other", async () => {
    const before = app.connector.calls.length;
    const teams = new TeamsDriver(app.url, app.connector, "tenant-ours");
    const intruder = uniqueId("tenant-");
    const base = teams.base(EMPLOYER, teams.channel);
    const response = await teams.post({
      ...base,
      channelData: { ...base.channelData, tenant: { id: intruder } },
      type: "message",
      id: teams.nextId(),
      text: "hjælp",
    });
    expect(response.status).toBe(403);
    expect(app.connector.calls.length).toBe(before);
    expect(await stored(app.db, intruder)).toEqual([]);
  });
});

describe("Teams as a single-tenant app, no MICROSOFT_ALLOWED_TENANTS", () => {
  const app = teamsApp({
    env: { MICROSOFT_APP_TYPE: "SingleTenant", MICROSOFT_APP_TENANT_ID: "tenant-home" },
  });

  it("takes activities from the app's own tenant only", async () => {
    const teams = new TeamsDriver(app.url, app.connector, "tenant-home");
    expect((await teams.mention(EMPLOYER, "hjælp")).status).toBe(200);
    await app.connector.waitFor("opsæt");
    await refusedEverything(app, uniqueId("tenant-"));
  });
});

describe("Teams activities from another Bot Framework channel", () => {
  const app = teamsApp();

  it("refuses a signed Web Chat, Direct Line or Emulator activity naming any tenant: nothing stored, nothing sent", async () => {
    for (const channelId of ["webchat", "directline", "emulator"]) {
      const before = app.connector.calls.length;
      const tenantId = uniqueId("tenant-");
      const teams = new TeamsDriver(app.url, app.connector, tenantId);
      for (const activity of [
        { type: "message", text: "opsæt" },
        { type: "invoke", name: "adaptiveCard/action", value: { action: { verb: "entry_form", data: {} } } },
      ]) {
        const response = await teams.post({
          ...teams.base(EMPLOYER, teams.channel),
          ...activity,
          channelId,
          id: teams.nextId(),
        });
        expect(response.status).toBe(403);
      }
      expect(app.connector.calls.length).toBe(before);
      expect(await stored(app.db, tenantId)).toEqual([]);
    }
  });
});
