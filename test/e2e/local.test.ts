import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenHostFor, loadConfig, localTrial } from "../../adapters/index.ts";
import { localAdapter } from "../../adapters/local/index.ts";
import type { RunningServer } from "../../src/server.ts";
import { startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { DRIVERS } from "../helpers/db.ts";
import { LocalDriver, messageText } from "../helpers/local-driver.ts";
import { cardProblems } from "../helpers/teams-connector.ts";

const METTE = "local-mette";
const ALI = "local-ali";
const SOEREN = "local-soeren";
const NOW = new Date("2026-11-24T09:00:00Z");

describe("the local channel's HTTP API, a whole discussion without a browser", () => {
  let server: RunningServer;
  let db: Db;
  let url: string;
  let page: LocalDriver;

  beforeAll(async () => {
    db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "error" });
    server = await startServer(config, [localAdapter], {
      db,
      now: () => NOW,
      scheduler: false,
      listenHost: listenHostFor(config),
    });
    url = `http://127.0.0.1:${server.port}`;
    page = new LocalDriver(url);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it("runs only without Slack and Teams credentials, and then on this computer only", () => {
    expect(localTrial(loadConfig({}))).toBe(true);
    expect(listenHostFor(loadConfig({}))).toBe("127.0.0.1");
    const slack = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "12345678" });
    expect(localTrial(slack)).toBe(false);
    expect(listenHostFor(slack)).toBeUndefined();
    expect(localTrial(loadConfig({ MICROSOFT_APP_ID: "a", MICROSOFT_APP_PASSWORD: "b" }))).toBe(false);
  });

  it("serves the page, which says it is a local trial, and the Adaptive Cards renderer", async () => {
    const html = await fetch(`${url}/`);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await html.text()).toContain('data-testid="trial-banner"');
    const renderer = await fetch(`${url}/local/adaptivecards.js`);
    expect(renderer.headers.get("content-type")).toContain("javascript");
    expect(await renderer.text()).toContain("AdaptiveCards");
    const session = (await (await fetch(`${url}/local/session`)).json()) as {
      texts: Record<string, Record<string, string>>;
      people: Record<string, { id: string; name: string; role: string }[]>;
    };
    expect(session.texts.da?.banner_title).toBe("Lokal prøve");
    expect(session.texts.en?.banner_title).toBe("Local trial");
    expect(session.people.da?.[0]).toEqual({ id: METTE, name: "Mette Hansen", role: "Arbejdsgiver" });
  });

  it("holds a whole discussion: setup, plan, the walk-through, a thread reply, conclude, pin, export, approvals", async () => {
    // Setup through the setup card, as Mette.
    await page.command(METTE, "/arbejdsmiljø opsæt");
    expect(page.get("/arbejdsmiljø opsæt").author?.name).toBe("Mette Hansen");
    const setup = page.get("Opsætning");
    const saved = await page.press(METTE, setup, "Gem", {
      "f.headcount": "25",
      "f.employer": METTE,
      "f.representatives": ALI,
      "f.leaders": SOEREN,
      "f.timeZone": "Europe/Copenhagen",
      "f.language": "da",
    });
    expect(saved.status).toBe(200);
    expect(messageText(page.messages.get(setup.id)!)).toContain("Opsætningen er gemt.");
    const workspace = (await repos(db).workspaces.find("local", "local"))!;
    expect(workspace.headcount).toBe(25);
    expect((await repos(db).members.list(workspace.id)).map((m) => [m.name, m.role]).sort()).toEqual([
      ["Ali Nielsen", "amo_representative"],
      ["Mette Hansen", "employer"],
      ["Søren Østergaard", "work_leader"],
    ]);

    // Planning: the announcement and the calendar invitation as a download.
    await page.command(METTE, "/arbejdsmiljø planlæg");
    await page.press(METTE, page.get("Planlæg drøftelsen"), "Gem", {
      "f.date": "2026-12-03",
      "f.time": "10:00",
      "f.duration": "120",
      "f.location": "Mødelokale 2",
      "f.participants": `${METTE},${ALI}`,
    });
    expect(messageText(page.get("Mødelokale 2"))).toContain("Mette Hansen, Ali Nielsen");
    const ics = page.all().find((m) => m.file?.name.endsWith(".ics"));
    expect(ics?.file?.url).toMatch(/^\/local\/files\/[A-Za-z0-9_-]{43}$/);
    expect(await (await fetch(`${url}${ics?.file?.url}`)).text()).toContain("BEGIN:VCALENDAR");
    // "Føj til kalender" on the plan sends the invitation to the one who asks, in their direct messages alone.
    await page.press(ALI, page.get("Mødelokale 2"), "Føj til kalender");
    const sent = page.get("Her er invitationen");
    expect(sent.channel).toBe("direct");
    const own = page.all().find((m) => m.channel === "direct" && m.file?.name.endsWith(".ics"));
    expect(await (await fetch(`${url}${own?.file?.url}`)).text()).toContain("BEGIN:VCALENDAR");

    // Start: the board and point 1.
    await page.command(METTE, "/arbejdsmiljø start");
    const point = (n: number) => page.get(new RegExp(`Punkt ${n} af 11:`), { threadId: null });
    expect(messageText(page.get(/punkter behandlet/))).toContain("Årlig arbejdsmiljødrøftelse 2026");

    // Point 1: the button opens the form in the card; saving shows the answer in it.
    await page.press(METTE, point(1), "Vælg referent");
    expect(messageText(point(1))).toContain("Gem");
    await page.press(METTE, point(1), "Gem", { "f.person": ALI });
    expect(messageText(point(1))).toContain("Gemt.");
    expect(messageText(point(1))).toMatch(/Referent:\*\* Ali Nielsen/);

    const next = async (n: number) => {
      await page.press(METTE, point(n), "Næste punkt");
      // The next point is its own message; the pressed card stays the point it was.
      expect(messageText(point(n))).toContain(`Punkt ${n} af 11`);
      return point(n + 1);
    };
    const save = async (n: number, button: string, inputs: Record<string, string>, as = METTE) => {
      await page.press(as, point(n), button);
      const answer = await page.press(as, point(n), "Gem", inputs);
      expect(JSON.stringify(answer.body.card)).toContain("Gemt.");
    };

    await next(1);
    await save(2, "Nyt medlem af AMO", {
      "f.person": ALI,
      "f.role": "amo_representative",
      "f.joinedOn": "2026-03-01",
    });
    await next(2);
    // A reply in point 3's thread becomes a note on point 3.
    const reply = await page.reply(ALI, point(3).id, "Vi flytter til nye lokaler i foråret.");
    expect(reply.status).toBe(200);
    expect(messageText(point(3))).toContain("Vi flytter til nye lokaler i foråret.");
    expect(page.get("Vi flytter til nye lokaler", { threadId: point(3).id }).author?.name).toBe(
      "Ali Nielsen",
    );
    await next(3);
    await save(4, "Status på APV", {
      "f.lastApvDate": "2025-05-01",
      "f.actionPlanStatus": "Gennemført på nær støj.",
    });
    await next(4);
    await save(5, "Note", { "f.text": "Nyansatte får en tjekliste den første uge." }, ALI);
    await next(5);
    await save(6, "Oversigt over ulykker", {
      "f.accidents": "1",
      "f.nearMisses": "3",
      "f.poisonings": "0",
      "f.healthDamage": "0",
      "f.causesInvestigated": "yes",
      "f.preventionWorked": "partly",
    });
    await next(6);
    await save(7, "Note", { "f.text": "Første år med botten; sidste års mål er nået." });
    await next(7);
    await save(8, "Fokusområde", {
      "f.area": "Støj i storrummet",
      "f.actions": "Måle støj og sætte lydabsorbenter op.",
    });
    await save(8, "Mål", {
      "f.text": "Mindre støj i storrummet",
      "f.successCriterion": "Under 55 dB målt i april",
      "f.owner": SOEREN,
      "f.deadline": "2027-05-01",
    });
    await save(8, "Beslutning", {
      "f.text": "Indkøb af lydabsorbenter",
      "f.owner.name": "Mette Hansen",
      "f.deadline": "2027-02-01",
    });
    await next(8);
    await save(9, "Samarbejdet i det kommende år", {
      "f.meetingInterval": "Hvert kvartal",
      "f.convener": "Mette Hansen",
      "f.acuteHandling": "Ring til arbejdsmiljørepræsentanten samme dag",
      "f.informAmo": "Fælles kanal",
      "f.informEveryone": "Kort punkt på personalemødet",
    });
    await next(9);
    await save(10, "Kompetencer og uddannelse", {
      "f.supplementaryTraining": "Ali tager 2 dages supplerende uddannelse i foråret.",
    });
    await next(10);

    // Conclude: the summary is posted and pinned, its Markdown in its thread.
    const concluded = await page.press(METTE, point(11), "Afslut drøftelsen");
    expect(concluded.status).toBe(200);
    const summary = page.get("Referat af den årlige arbejdsmiljødrøftelse 2026", { threadId: null });
    expect(summary.pinned).toBe(true);
    expect(messageText(summary)).toContain("Indkøb af lydabsorbenter");
    const md = page.all().find((m) => m.threadId === summary.id && m.file?.name.endsWith(".md"));
    expect(await (await fetch(`${url}${md?.file?.url}`)).text()).toContain("Indkøb af lydabsorbenter");

    // Export: Markdown, PDF and CSV to download.
    await page.command(METTE, "/arbejdsmiljø eksport");
    const pdf = page.all().find((m) => m.file?.name.endsWith(".pdf"));
    const file = await fetch(`${url}${pdf?.file?.url}`);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toContain("attachment");
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe("%PDF");
    expect(page.all().some((m) => m.file?.name.endsWith(".csv"))).toBe(true);

    // Approvals by both sides, each as themselves.
    await page.press(
      METTE,
      page.get("Referat af den årlige arbejdsmiljødrøftelse 2026", { threadId: null }),
      "Godkend referatet",
    );
    await page.press(
      ALI,
      page.get("Referat af den årlige arbejdsmiljødrøftelse 2026", { threadId: null }),
      "Godkend referatet",
    );
    const approved = page.get("Referat af den årlige arbejdsmiljødrøftelse 2026", { threadId: null });
    expect(messageText(approved)).toContain("Mette Hansen");
    expect(messageText(approved)).toContain("Ali Nielsen");
    const discussion = await repos(db).discussions.forYear(workspace.id, 2026);
    expect(discussion?.status).toBe("approved");

    // Every card the page was given parses as an Adaptive Card 1.5 without complaint.
    for (const m of page.all()) for (const card of m.cards) expect(cardProblems(card)).toEqual([]);
  });

  it("stores a retried send once, and answers help and unknown commands with /arbejdsmiljø", async () => {
    const requestId = "retry-0000000001";
    await page.command(METTE, "/arbejdsmiljø hjælp", requestId);
    await page.command(METTE, "/arbejdsmiljø hjælp", requestId);
    const asked = page.all().filter((m) => m.text === "/arbejdsmiljø hjælp");
    expect(asked).toHaveLength(1);
    expect(page.get("/arbejdsmiljø opsæt").text).toContain("/arbejdsmiljø");
    await page.command(METTE, "/arbejdsmiljø fnidder");
    expect(page.get("fnidder", { threadId: null }).text).toContain("/arbejdsmiljø hjælp");
  });

  it("wakes a waiting reader as soon as something is written", async () => {
    const reader = new LocalDriver(url);
    const { cursor } = await reader.sync(ALI);
    const waiting = reader.sync(ALI, 20);
    const started = Date.now();
    await new LocalDriver(url).command(METTE, "Hej fra Mette");
    const woke = await waiting;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(woke.cursor).toBeGreaterThan(cursor);
    expect(woke.messages.map((m) => m.text)).toContain("Hej fra Mette");
  });

  it("refuses what it cannot read, strangers and other sites, storing nothing", async () => {
    const before = (await db.query("SELECT count(*)::int AS n FROM local_messages"))[0]?.n;
    expect((await page.post("/local/command", { as: "someone-else", text: "hej" })).status).toBe(400);
    expect((await page.post("/local/command", { as: METTE, text: "" })).status).toBe(400);
    const long = await page.post("/local/command", { as: METTE, text: "x".repeat(50_001) });
    expect(long.status).toBe(400);
    expect(long.body.error).toContain("for lang");
    expect((await page.post("/local/reply", { as: METTE, threadId: "999999", text: "hej" })).status).toBe(
      404,
    );
    expect((await page.post("/local/action", { as: METTE, messageId: "x", verb: "entry_form" })).status).toBe(
      400,
    );
    const bad = await page.post("/local/action", {
      as: METTE,
      messageId: "1",
      verb: "entry_form",
      data: { d: "x" },
    });
    expect([200, 404]).toContain(bad.status);
    expect((await fetch(`${url}/local/files/${"x".repeat(43)}`)).status).toBe(404);
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${url}/local/command`, { method: "POST", headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.once("error", reject);
        req.end(JSON.stringify({ as: METTE, text: "hej", requestId: "foreign-000000001" }));
      });
    expect(await status({ "content-type": "application/json", host: "evil.example:3978" })).toBe(403);
    expect(
      await status({
        "content-type": "application/json",
        origin: "http://evil.example",
        host: `127.0.0.1:${server.port}`,
      }),
    ).toBe(403);
    const after = (await db.query("SELECT count(*)::int AS n FROM local_messages"))[0]?.n;
    expect(after).toBe(before);
  });
});
