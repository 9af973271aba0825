import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLATFORMS } from "../../adapters/index.ts";
import { loadConfigFor } from "../../src/platforms.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { openPg } from "../../src/store/drivers/pg.ts";
import { repos } from "../../src/store/index.ts";
import { uniqueId } from "../helpers/db.ts";
import { testPlatform } from "../platform-test/index.ts";
import type { TestchatMessage } from "../platform-test/store.ts";

const SECRET = "testchat-secret-1";

/** The parts of a use case's result (as the platform's JSON answer carries it) that the test reads. */
interface Result {
  discussion: { id: string; version: number; status: string; currentPoint: number | null };
  concluded?: boolean;
  summaryVersion?: number;
  pinned?: boolean;
  completeness?: { legal: string[] };
}
const CHANNEL = "C_AMO";
const METTE = { id: "U_METTE", name: "Mette Hansen" };
const ALI = { id: "U_ALI", name: "Ali Nielsen" };
const SOEREN = { id: "U_SOEREN", name: "Søren Østergaard" };

/** What each agenda point gets in the meeting: [point, kind, data, who records it]. */
const ANSWERS: [number, string, unknown, typeof METTE][] = [
  [1, "minute_taker", { person: { id: ALI.id, name: ALI.name } }, METTE],
  [
    2,
    "amo_member",
    { person: { name: ALI.name }, role: "amo_representative", joinedOn: "2026-03-01" },
    METTE,
  ],
  [3, "note", { text: "Vi flytter til nye lokaler i foråret; AMO inddrages i indretningen." }, METTE],
  [4, "apv_status", { lastApvDate: "2025-05-01", actionPlanStatus: "Gennemført på nær støj." }, METTE],
  [5, "note", { text: "Nyansatte får en tjekliste om arbejdsmiljø den første uge." }, ALI],
  [
    6,
    "accident_overview",
    {
      accidents: 1,
      nearMisses: 3,
      poisonings: 0,
      healthDamage: 0,
      causesInvestigated: "yes",
      preventionWorked: "partly",
    },
    METTE,
  ],
  [7, "note", { text: "Sidste års mål blev gennemgået mundtligt og er nået." }, METTE],
  [8, "focus_area", { area: "Støj i storrummet", actions: "Måle støj og opsætte lydabsorbenter." }, METTE],
  [
    8,
    "goal",
    {
      text: "Mindre støj i storrummet",
      successCriterion: "Under 55 dB målt i april",
      deadline: "2027-05-01",
      owner: { id: SOEREN.id, name: SOEREN.name },
    },
    METTE,
  ],
  [
    8,
    "decision",
    { text: "Indkøb af lydabsorbenter", owner: { name: METTE.name }, deadline: "2027-02-01" },
    METTE,
  ],
  [
    9,
    "cooperation_plan",
    {
      meetingInterval: "Hvert kvartal",
      convener: METTE.name,
      acuteHandling: "Ring til arbejdsmiljørepræsentanten samme dag",
      informAmo: "Fælles kanal",
      informEveryone: "Kort punkt på personalemødet",
    },
    METTE,
  ],
  [
    10,
    "competences",
    { supplementaryTraining: "Ali tager 2 dages supplerende uddannelse i foråret." },
    METTE,
  ],
];

/**
 * Where the server keeps its data, as `npm start` is told: PGlite in a fresh folder, and a fresh schema on the
 * PostgreSQL server when TEST_DATABASE_URL is set. The server opens and migrates it itself.
 */
const STORES: {
  name: string;
  open: () => Promise<{ env: Record<string, string>; drop: () => Promise<void> }>;
}[] = [
  {
    name: "pglite",
    async open() {
      const dir = await mkdtemp(join(tmpdir(), "testchat-"));
      return { env: { DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          name: "pg",
          async open() {
            const server = process.env.TEST_DATABASE_URL as string;
            const schema = `testchat_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
            const admin = openPg(server, 1);
            await admin.query(`CREATE SCHEMA ${schema}`);
            const url = new URL(server);
            url.searchParams.set("options", `-c search_path=${schema}`);
            const drop = async () => {
              await admin.query(`DROP SCHEMA ${schema} CASCADE`);
              await admin.close();
            };
            return { env: { DATABASE_URL: url.toString() }, drop };
          },
        },
      ]
    : []),
];

describe.each(STORES)("a platform that is only a folder under test/, on $name", ({ open }) => {
  let db: Db;
  let server: RunningServer;
  let base: string;
  let drop: () => Promise<void> = async () => {};
  const clock = { now: new Date("2026-11-24T09:00:00Z") };
  const workspace = uniqueId("W");

  beforeAll(async () => {
    const store = await open();
    drop = store.drop;
    // The real platform list with one more: the test platform's variable is checked as Slack's are.
    const platforms = [...PLATFORMS, testPlatform];
    const env = { PORT: "0", LOG_LEVEL: "error", TESTCHAT_SECRET: SECRET, ...store.env };
    server = await startServer(loadConfigFor(platforms, env), platforms, {
      now: () => clock.now,
      scheduler: false,
    });
    db = server.db;
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.stop();
    await drop();
  });

  /** A click on the test platform, as its user makes it; the answer is the platform's JSON. */
  async function click(user: typeof METTE, body: Record<string, unknown>, key?: string) {
    const res = await fetch(`${base}/testchat/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-testchat-secret": SECRET },
      body: JSON.stringify({
        workspace,
        workspaceName: "Kontoret ApS",
        channel: CHANNEL,
        user,
        key,
        click: body,
      }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { ok: boolean; text?: string; result?: Result };
  }
  async function done(user: typeof METTE, body: Record<string, unknown>, key?: string) {
    const answer = await click(user, body, key);
    expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });
    return answer.result as Result;
  }
  const channel = async () => {
    const res = await fetch(`${base}/testchat/channel?workspace=${workspace}&channel=${CHANNEL}`, {
      headers: { "x-testchat-secret": SECRET },
    });
    return (await res.json()) as TestchatMessage[];
  };

  it("refuses a request without its secret, and the other platforms stay off", async () => {
    const res = await fetch(`${base}/testchat/events`, { method: "POST", body: "{}" });
    expect(res.status).toBe(401);
    // Its credentials count: this is no local trial, so neither the local page nor unauthenticated Teams is served.
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/api/messages`, { method: "POST" })).status).toBe(401);
  });

  it("holds a whole discussion through the core: set up, planned, held, concluded, approved and pinned", async () => {
    await done(METTE, { type: "install" });
    await done(METTE, {
      type: "setup",
      input: {
        headcount: 25,
        timeZone: "Europe/Copenhagen",
        language: "da",
        defaultChannel: CHANNEL,
        members: [
          { userId: METTE.id, name: METTE.name, role: "employer", joinedAmoOn: null },
          { userId: ALI.id, name: ALI.name, role: "amo_representative", joinedAmoOn: "2026-03-01" },
          { userId: SOEREN.id, name: SOEREN.name, role: "work_leader", joinedAmoOn: null },
        ],
      },
    });
    const planned = await done(METTE, {
      type: "schedule",
      input: { date: "2026-12-10", time: "10:00", location: "Mødelokale 2", durationMinutes: 90 },
    });
    expect(planned.discussion.status).toBe("planned");
    expect((await channel()).map((m) => m.kind)).toContain("announcement");
    expect((await channel()).find((m) => m.kind === "announcement")?.text).toBe(
      "Drøftelsen 2026 holdes 10. december 2026 kl. 10.00",
    );

    clock.now = new Date("2026-12-10T09:00:00Z");
    let { discussion } = await done(METTE, { type: "start" }, "start-1");
    expect(discussion).toMatchObject({ status: "running", currentPoint: 1 });
    // A retried start (the same key) starts nothing more.
    expect((await done(METTE, { type: "start" }, "start-1")).discussion.id).toBe(discussion.id);

    for (let point = 1; point <= 10; point++) {
      for (const [p, kind, data, who] of ANSWERS.filter(([p]) => p === point))
        await done(who, { type: "record", input: { discussionId: discussion.id, point: p, kind, data } });
      ({ discussion } = await done(METTE, {
        type: "next",
        discussionId: discussion.id,
        version: discussion.version,
      }));
    }
    expect(discussion.currentPoint).toBe(11);

    // The representative may not conclude: the refusal is worded for the user, and nothing changes.
    const refused = await click(ALI, {
      type: "conclude",
      discussionId: discussion.id,
      version: discussion.version,
    });
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain("arbejdsgiver");

    const concluded = await done(
      METTE,
      { type: "conclude", discussionId: discussion.id, version: discussion.version },
      "conclude-1",
    );
    expect(concluded).toMatchObject({ concluded: true, summaryVersion: 1, pinned: true });
    expect(concluded.completeness?.legal).toEqual([]);

    for (const who of [METTE, ALI])
      await done(who, { type: "approve", discussionId: discussion.id, version: 1 });

    const seen = await channel();
    const summaries = seen.filter((m) => m.kind === "summary");
    expect(summaries).toHaveLength(1);
    expect(summaries[0]?.pinned).toBe(true);
    expect(summaries[0]?.text).toContain("# Referat af den årlige arbejdsmiljødrøftelse 2026");
    expect(summaries[0]?.text).toContain("**Referent:** Ali Nielsen");
    expect(summaries[0]?.text).toContain("- Indkøb af lydabsorbenter (Åben)");
    expect(summaries[0]?.text).toContain(
      "Alle lovkrav, årlige pligter og punkter for god praksis er dækket.",
    );
    // The core names the bot's command as this platform registered it, though src/ knows nothing of it.
    expect(summaries[0]?.text).toContain("Status kan altid ses med !arbejdsmiljø opfølgning.");
    expect(summaries[0]?.text).not.toContain("/arbejdsmiljø");
    expect(seen.filter((m) => m.pinned)).toHaveLength(1);
    // One message per agenda point, kept up to date as the meeting moved on: every one is done once concluded.
    const points = seen.filter((m) => m.kind === "point");
    expect(points).toHaveLength(11);
    const point = (n: number) => points.find((m) => m.text.startsWith(`Punkt ${n}: `))?.text;
    expect(point(1)).toMatch(/^Punkt 1: .* \(Behandlet, 1 indlæg\)$/);
    expect(point(8)).toMatch(/^Punkt 8: .* \(Behandlet, 3 indlæg\)$/);
    expect(point(11)).toMatch(/^Punkt 11: .* \(Behandlet, 0 indlæg\)$/);
    expect(points.every((m) => m.updates > 0)).toBe(true);
    expect(seen.find((m) => m.kind === "file")?.text).toBe("Fil: arbejdsmiljødrøftelse-2026-v1.md");

    const r = repos(db);
    const stored = await r.workspaces.find("testchat", workspace);
    expect(stored).toMatchObject({ platform: "testchat", headcount: 25, installedBy: METTE.id });
    const id = stored?.id as string;
    expect((await r.discussions.get(id, discussion.id))?.status).toBe("approved");
    expect((await r.summaries.list(id, discussion.id)).map((s) => s.version)).toEqual([1]);
    const audit = (await r.audit.list(id)).map((a) => a.action);
    expect(audit).toContain("discussion.concluded");
    expect(audit.filter((a) => a === "summary.approved")).toHaveLength(2);
    const migrations = await db.query<{ id: string }>("SELECT id FROM schema_migrations WHERE id = $1", [
      "001_testchat_messages",
    ]);
    expect(migrations).toHaveLength(1);
  });
});
