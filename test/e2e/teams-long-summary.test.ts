import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointCards } from "../../adapters/cards/draw/point.ts";
import { loadConfig } from "../../adapters/index.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";
import { cardText, contentText, FakeConnector, MAX_ACTIVITY_BYTES } from "../helpers/teams-connector.ts";
import { authenticatedTeams } from "../helpers/teams-credentials.ts";
import { TeamsDriver } from "../helpers/teams-driver.ts";

const EMPLOYER = { userId: "aad-employer", name: "Mette Hansen" };

describe("Teams: a summary too long for one card", () => {
  const connector = new FakeConnector();
  let server: RunningServer;
  let db: Db;
  beforeAll(async () => {
    await connector.start();
    db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
    const teams = authenticatedTeams(connector);
    server = await startServer(loadConfig({ PORT: "0", LOG_LEVEL: "error", ...teams.env }), [teams.adapter], {
      db,
      now: () => new Date("2026-11-24T09:00:00Z"),
      scheduler: false,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await connector.stop();
  });

  it("is split over several cards in the thread, each within Teams' size limit, with nothing cut", async () => {
    const tenant = uniqueId("tenant-");
    const teams = new TeamsDriver(`http://127.0.0.1:${server.port}`, connector, tenant);
    await teams.install({ id: EMPLOYER.userId, name: EMPLOYER.name });
    const ctx = await server.core.context("teams", tenant, EMPLOYER);
    const { workspace } = await server.core.setupWorkspace(
      ctx,
      {
        headcount: 8,
        timeZone: "Europe/Copenhagen",
        language: "da",
        defaultChannel: teams.channel,
        members: [{ userId: EMPLOYER.userId, name: EMPLOYER.name, role: "employer", joinedAmoOn: null }],
      },
      null,
    );
    const as = { workspace, actor: EMPLOYER };
    const { discussion } = await server.core.start(as, {}, null);
    const notes = Array.from(
      { length: 40 },
      (_, i) => `Note ${i + 1}: ${"Ærlig snak om støj og lys på kontoret. ".repeat(40)}slut-${i + 1}`,
    );
    for (const text of notes) {
      await server.core.record(
        as,
        { discussionId: discussion.id, point: 11, kind: "note", data: { text } },
        null,
      );
    }
    const current = await server.core.pointView(as, discussion.id, 11);
    const before = new Set(connector.messages.keys());
    // Point 11's card shows the newest 30 notes and says where all of them are.
    expect([current?.entries.length, current?.entryCount]).toEqual([30, 40]);
    const shown = pointCards(current!).map(cardText).join("\n");
    expect(shown).toContain("Viser de seneste 30 af 40. Alle kommer med i referatet.");
    for (let i = 1; i <= 40; i++) expect(new RegExp(`slut-${i}(?!\\d)`).test(shown)).toBe(i > 10);
    const result = await server.core.conclude(
      as,
      {
        discussionId: discussion.id,
        expectedVersion: current?.version ?? 0,
        overrideReason: "Prøve",
      },
      null,
    );
    expect(result.concluded).toBe(true);

    await connector.waitFor("Referat af den årlige arbejdsmiljødrøftelse 2026");
    // Only what was posted for the summary: the point cards posted earlier hold the notes too.
    const posted = [...connector.messages.values()].filter((m) => !m.deleted && !before.has(m.id));
    for (const m of posted)
      expect(Buffer.byteLength(JSON.stringify(m.activity))).toBeLessThanOrEqual(MAX_ACTIVITY_BYTES);
    const text = posted.map((m) => contentText(m.activity)).join("\n");
    for (let i = 1; i <= 40; i++) expect(text).toContain(`slut-${i}`);
    const summaryParts = posted.filter((m) => /slut-\d+/.test(contentText(m.activity)));
    expect(summaryParts.length).toBeGreaterThan(1);
  });
});
