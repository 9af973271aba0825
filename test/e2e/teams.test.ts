import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { teamsAdapter } from "../../adapters/teams/index.ts";
import { loadConfig } from "../../src/config.ts";
import type { RunningServer } from "../../src/server.ts";
import { startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos, type Workspace } from "../../src/store/index.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";
import {
  cardOf,
  cardText,
  contentText,
  escapeRegExp,
  FakeConnector,
  inputsOf,
  type Posted,
} from "../helpers/teams-connector.ts";
import { button, type InvokeAnswer, TeamsDriver } from "../helpers/teams-driver.ts";

const EMPLOYER = { id: "aad-employer", name: "Mette Hansen" };
const REP = { id: "aad-rep", name: "Ali Nielsen" };
const LEADER = { id: "aad-leader", name: "Søren Østergaard" };
const NOW = new Date("2026-11-24T09:00:00Z");

const cardIn = (answer: InvokeAnswer) => {
  expect(answer.status).toBe(200);
  expect(answer.body.type).toBe("application/vnd.microsoft.card.adaptive");
  return answer.body.value as Record<string, unknown>;
};
const textIn = (answer: InvokeAnswer) => cardText(cardIn(answer));
const linkIn = (message: Posted) =>
  ((cardOf(message.activity)?.actions ?? []) as { url: string }[])[0]?.url as string;

describe("Teams end to end, the real CloudAdapter over HTTP against a fake Bot Connector", () => {
  const connector = new FakeConnector();
  let server: RunningServer;
  let db: Db;
  let url: string;

  beforeAll(async () => {
    await connector.start();
    db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "error" });
    server = await startServer(config, [teamsAdapter], { db, now: () => NOW, scheduler: false });
    url = `http://127.0.0.1:${server.port}`;
  });
  afterEach(() => {
    // Every card the bot sent, updated or answered with parses as an Adaptive Card 1.5 without complaint.
    expect(connector.problems).toEqual([]);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await connector.stop();
  });

  /** A tenant whose team has the bot installed and is set up through the setup card: 25 employees, three members. */
  async function setUp(tenant = uniqueId("tenant-")) {
    const teams = new TeamsDriver(url, connector, tenant);
    connector.members.set(
      teams.teamId,
      [EMPLOYER, REP, LEADER].map((u) => ({ id: `29:${u.id}`, name: u.name, aadObjectId: u.id })),
    );
    await teams.install(EMPLOYER);
    await teams.mention(EMPLOYER, "opsæt");
    const setupMessage = connector
      .in(new RegExp(`^${escapeRegExp(teams.channel)}`))
      .find((m) => contentText(m.activity).includes("Opsætning"));
    expect(setupMessage).toBeDefined();
    const setupCard = cardOf((setupMessage as Posted).activity);
    expect(inputsOf(setupCard)).toEqual([
      "f.headcount",
      "f.employer",
      "f.representatives",
      "f.leaders",
      "f.timeZone",
      "f.language",
      "f.remindersOff",
      "f.prepareDays",
    ]);
    const saved = await teams.invoke(EMPLOYER, button(setupCard, "Gem"), {
      "f.headcount": "25",
      "f.employer": EMPLOYER.id,
      "f.representatives": REP.id,
      "f.leaders": LEADER.id,
      "f.timeZone": "Europe/Copenhagen",
      "f.language": "da",
      "f.remindersOff": "quarterly.status,apv.due",
      "f.prepareDays": "7",
    });
    expect(textIn(saved)).toContain("Opsætningen er gemt.");
    const workspace = (await repos(db).workspaces.find("teams", tenant)) as Workspace;
    expect(workspace.settings.reminders).toEqual({
      "quarterly.status": { enabled: false },
      "apv.due": { enabled: false },
      "meeting.prepare": { daysBefore: 7 },
    });
    return { teams, workspace };
  }

  async function start(teams: TeamsDriver) {
    await teams.mention(EMPLOYER, "start");
    await connector.waitFor("Drøftelsen er startet i kanalen.");
    const board = (await connector.waitFor(
      /Årlig arbejdsmiljødrøftelse 2026[\s\S]*punkter behandlet/,
    )) as Posted;
    const point1 = await connector.waitFor("Punkt 1 af 11: Valg af referent");
    const discussion = await repos(db).discussions.forYear(
      (await repos(db).workspaces.find("teams", teams.tenantId))!.id,
      2026,
    );
    return { board, point1, discussionId: discussion!.id };
  }

  const pointMessage = (teams: TeamsDriver, n: number) =>
    connector
      .in(teams.channel)
      .find((m) => new RegExp(`Punkt ${n} af 11:`).test(contentText(m.activity))) as Posted;

  it("holds a whole discussion from setup to the summary kept in the channel", async () => {
    const { teams, workspace } = await setUp();
    expect(
      connector.find("Hej! Jeg hjælper jer med den årlige arbejdsmiljødrøftelse.").length,
    ).toBeGreaterThan(0);
    expect(workspace.headcount).toBe(25);
    expect(workspace.defaultChannel).toBe(teams.channel);
    expect((await repos(db).members.list(workspace.id)).map((m) => [m.name, m.role]).sort()).toEqual([
      ["Ali Nielsen", "amo_representative"],
      ["Mette Hansen", "employer"],
      ["Søren Østergaard", "work_leader"],
    ]);

    // Planning: the announcement in the channel and the calendar invitation as a download.
    await teams.mention(EMPLOYER, "planlæg");
    const planCard = cardOf((await connector.waitFor("Planlæg drøftelsen")).activity);
    const planned = await teams.invoke(EMPLOYER, button(planCard, "Gem"), {
      "f.date": "2026-12-03",
      "f.time": "10:00",
      "f.duration": "120",
      "f.location": "Mødelokale 2",
      "f.participants": `${EMPLOYER.id},${REP.id}`,
    });
    expect(textIn(planned)).toContain("Drøftelsen er planlagt til 3. december 2026 kl. 10.00.");
    const announcement = await connector.waitFor("Mødelokale 2");
    expect(announcement.conversation).toBe(teams.channel);
    expect(contentText(announcement.activity)).toContain("Mette Hansen, Ali Nielsen");
    const invitation = await connector.waitFor(/\.ics/);
    const link = linkIn(invitation);
    expect(link).toMatch(new RegExp(`^${url}/teams/files/[A-Za-z0-9_-]{43}$`));
    const ics = await fetch(link);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain("BEGIN:VCALENDAR");

    // Start: the board and point 1 in the channel.
    const { board, point1, discussionId } = await start(teams);
    expect(board.conversation).toBe(teams.channel);
    expect(point1.conversation).toBe(teams.channel);

    // Point 1 through its own form: the button opens the form in the card, saving answers with the refreshed card.
    const formCard = cardIn(await teams.invoke(EMPLOYER, button(cardOf(point1.activity), "Vælg referent")));
    expect(inputsOf(formCard)).toEqual(["f.person", "f.person.name"]);
    const saved = await teams.invoke(EMPLOYER, button(formCard, "Gem"), { "f.person": REP.id });
    expect(textIn(saved)).toContain("Gemt.");
    expect(textIn(saved)).toMatch(/Referent:\*\* Ali Nielsen/);
    expect(contentText(pointMessage(teams, 1).activity)).toContain("Ali Nielsen");
    expect(pointMessage(teams, 1).versions).toBeGreaterThan(1);

    let current = cardIn(saved);
    const next = async () => {
      const answer = await teams.invoke(EMPLOYER, button(current, "Næste punkt"));
      current = cardIn(answer);
      return current;
    };
    const save = async (point: number, kind: string, inputs: Record<string, string>, user = EMPLOYER) => {
      const answer = await teams.invoke(
        user,
        { verb: "save", data: { d: discussionId, p: point, k: kind } },
        inputs,
      );
      expect(textIn(answer)).toContain("Gemt.");
      return cardIn(answer);
    };

    expect(cardText(await next())).toContain("Punkt 2 af 11");
    await save(2, "amo_member", {
      "f.person": REP.id,
      "f.role": "amo_representative",
      "f.joinedOn": "2026-03-01",
    });
    expect(cardText(await next())).toContain("Punkt 3 af 11");
    // A reply in point 3's thread becomes a note on point 3.
    const point3 = pointMessage(teams, 3);
    const reply = await teams.replyInThread(REP, point3.id, "Vi flytter til nye lokaler i foråret.");
    expect(reply.status).toBe(200);
    expect(contentText(pointMessage(teams, 3).activity)).toContain("Vi flytter til nye lokaler i foråret.");
    await next();
    await save(4, "apv_status", {
      "f.lastApvDate": "2025-05-01",
      "f.actionPlanStatus": "Gennemført på nær støj.",
    });
    await next();
    await save(5, "note", { "f.text": "Nyansatte får en tjekliste den første uge." }, REP);
    await next();
    await save(6, "accident_overview", {
      "f.accidents": "1",
      "f.nearMisses": "3",
      "f.poisonings": "0",
      "f.healthDamage": "0",
      "f.causesInvestigated": "yes",
      "f.preventionWorked": "partly",
    });
    await next();
    await save(7, "note", { "f.text": "Første år med botten; sidste års mål er nået." });
    await next();
    await save(8, "focus_area", {
      "f.area": "Støj i storrummet",
      "f.actions": "Måle støj og sætte lydabsorbenter op.",
    });
    await save(8, "goal", {
      "f.text": "Mindre støj i storrummet",
      "f.successCriterion": "Under 55 dB målt i april",
      "f.owner": LEADER.id,
      "f.deadline": "2027-05-01",
    });
    await save(8, "decision", {
      "f.text": "Indkøb af lydabsorbenter",
      "f.owner.name": "Mette Hansen",
      "f.deadline": "2027-02-01",
    });
    await next();
    await save(9, "cooperation_plan", {
      "f.meetingInterval": "Hvert kvartal",
      "f.convener": "Mette Hansen",
      "f.acuteHandling": "Ring til arbejdsmiljørepræsentanten samme dag",
      "f.informAmo": "Fælles kanal i Teams",
      "f.informEveryone": "Kort punkt på personalemødet",
    });
    await next();
    expect(cardText(await next())).toContain("Punkt 11 af 11");
    expect(contentText(board.activity)).toBeDefined();
    expect(connector.messages.get(board.id)?.versions).toBeGreaterThan(5);

    // Concluding with point 10 missing shows the completeness check in the card; nothing is concluded.
    const check = cardIn(await teams.invoke(EMPLOYER, button(current, "Afslut drøftelsen")));
    expect(cardText(check)).toContain("AMO-medlemmernes supplerende uddannelse er drøftet.");
    expect(cardText(check)).toContain("Afslut alligevel");
    expect((await repos(db).discussions.get(workspace.id, discussionId))?.status).toBe("running");

    await save(10, "competences", {
      "f.supplementaryTraining": "Ali tager 2 dages supplerende uddannelse i foråret.",
    });
    const concluded = await teams.invoke(EMPLOYER, button(current, "Afslut drøftelsen"));
    expect(textIn(concluded)).toContain("Teams kan ikke fastgøre beskeder i en kanal");
    expect((await repos(db).discussions.get(workspace.id, discussionId))?.status).toBe("concluded");

    // The summary as a card in the channel, the Markdown as a download, and the channel told where it is kept.
    const summary = await connector.waitFor("Referat af den årlige arbejdsmiljødrøftelse 2026");
    expect(summary.conversation).toBe(teams.channel);
    expect(contentText(summary.activity)).toContain("Indkøb af lydabsorbenter");
    const where = await connector.waitFor("Teams kan ikke fastgøre beskeder i en kanal");
    expect(where.conversation).toBe(teams.channel);
    const file = await connector.waitFor(/arbejdsmiljoedroeftelse-2026-v1\.md/);
    expect(file.conversation).toBe(`${teams.channel};messageid=${summary.id}`);
    const mdLink = linkIn(file);
    const md = await fetch(mdLink);
    expect(md.headers.get("content-type")).toContain("text/markdown");
    const markdown = await md.text();
    expect(markdown).toContain("Indkøb af lydabsorbenter");
    expect(markdown).toBe((await repos(db).summaries.latest(workspace.id, discussionId))?.content);
    expect((await fetch(`${url}/teams/files/${"x".repeat(43)}`)).status).toBe(404);

    // Approvals by both sides update the summary card in place.
    const summaryCard = cardOf(summary.activity);
    const approved = await teams.invoke(EMPLOYER, button(summaryCard, "Godkend referatet"));
    expect(textIn(approved)).toContain("din godkendelse af version 1 er registreret");
    await teams.invoke(REP, button(summaryCard, "Godkend referatet"));
    expect(contentText(connector.messages.get(summary.id)!.activity)).toContain("Godkendt af Ali Nielsen");
    expect((await repos(db).discussions.get(workspace.id, discussionId))?.status).toBe("approved");

    // A change afterwards writes version 2 into the same summary message.
    await save(11, "note", { "f.text": "Tilføjet efter mødet: ny kaffemaskine." });
    await connector.waitFor(/Version 2/);
    expect(contentText(connector.messages.get(summary.id)!.activity)).toContain("Version 2");
    expect(
      connector
        .find("Referat af den årlige arbejdsmiljødrøftelse 2026")
        .filter((m) => m.id !== summary.id && m.conversation === teams.channel),
    ).toEqual([]);

    // The summary command shows it again.
    await teams.mention(EMPLOYER, "referat");
    expect(connector.find("Referat af den årlige arbejdsmiljødrøftelse 2026").length).toBeGreaterThan(1);
  }, 120_000);

  it("follows a thread reply edited or deleted by its writer, each edit once", async () => {
    const { teams, workspace } = await setUp();
    const { point1, discussionId } = await start(teams);
    const notes = async () =>
      (await repos(db).entries.forDiscussion(workspace.id, discussionId)).map(
        (e) => (e.data as { text: string }).text,
      );
    const reply = await teams.replyInThread(REP, point1.id, "Vi mangler en hjertestarter", "1700000000111");
    expect(reply.status).toBe(200);
    expect(await notes()).toEqual(["Vi mangler en hjertestarter"]);

    const at = new Date("2026-11-24T09:05:00Z");
    const edited = await teams.editReply(
      REP,
      point1.id,
      "1700000000111",
      "Vi mangler en hjertestarter i kantinen",
      at,
    );
    expect(edited.status).toBe(200);
    await teams.editReply(REP, point1.id, "1700000000111", "Vi mangler en hjertestarter i kantinen", at);
    expect(await notes()).toEqual(["Vi mangler en hjertestarter i kantinen"]);
    expect(contentText(pointMessage(teams, 1).activity)).toContain("Vi mangler en hjertestarter i kantinen");
    const edits = (await repos(db).audit.list(workspace.id)).filter((a) => a.action === "entry.edited");
    expect(edits).toHaveLength(1);

    // A command to the bot in the thread is no note, edited or not.
    await teams.mention(REP, "status", { threadId: point1.id, id: "1700000000222" });
    await teams.editReply(REP, point1.id, "1700000000222", "<at>Arbejdsmiljø</at> hjælp", at);
    expect(await notes()).toEqual(["Vi mangler en hjertestarter i kantinen"]);

    const deleted = await teams.deleteReply(REP, point1.id, "1700000000111");
    expect(deleted.status).toBe(200);
    expect(await notes()).toEqual([]);
  });

  it("answers card actions with the refreshed card, and a repeated invoke records once", async () => {
    const { teams, workspace } = await setUp();
    const { point1, discussionId } = await start(teams);
    const point = cardOf(point1.activity);
    const opened = cardIn(await teams.invoke(REP, button(point, "Note")));
    expect(inputsOf(opened)).toEqual(["f.text"]);
    expect(cardText(opened)).toContain("Tilføj note");
    const id = teams.nextId();
    const first = await teams.invoke(
      REP,
      button(opened, "Gem"),
      { "f.text": "Husk frugtordningen." },
      { id },
    );
    const again = await teams.invoke(
      REP,
      button(opened, "Gem"),
      { "f.text": "Husk frugtordningen." },
      { id },
    );
    expect(textIn(first)).toContain("Husk frugtordningen.");
    expect(textIn(again)).toContain("Husk frugtordningen.");
    const entries = await repos(db).entries.forDiscussion(workspace.id, discussionId);
    expect(entries.filter((e) => e.kind === "note")).toHaveLength(1);

    // Two clicks on "Next" from the same card move once; the second gets the current card and a notice.
    const next = button(point, "Næste punkt");
    const moved = await teams.invoke(EMPLOYER, next);
    expect(textIn(moved)).toContain("Punkt 2 af 11");
    const stale = await teams.invoke(EMPLOYER, next);
    expect(textIn(stale)).toContain("En anden har lige ændret drøftelsen");
    expect((await repos(db).discussions.get(workspace.id, discussionId))?.currentPoint).toBe(2);

    // Cancel closes the form: the card as it is now.
    const closed = cardIn(await teams.invoke(REP, button(opened, "Luk formularen")));
    expect(inputsOf(closed)).toEqual([]);
  });

  it("refuses card submits with missing, unknown or mistyped fields, in the card, storing nothing", async () => {
    const { teams, workspace } = await setUp();
    const { discussionId } = await start(teams);
    const save = { verb: "save", data: { d: discussionId, p: 1, k: "decision" } };
    const missing = textIn(await teams.invoke(EMPLOYER, save, { "f.owner.name": "Mette Hansen" }));
    expect(missing).toContain("Noget i det indtastede kunne ikke bruges. Ret de markerede felter.");
    expect(missing).toContain("Skal udfyldes.");
    expect(missing).toContain("Registrér beslutning");
    const extra = textIn(await teams.invoke(EMPLOYER, save, { "f.text": "Ny stol", "f.hack": "x" }));
    expect(extra).toContain("Kortet indeholdt felter, jeg ikke kender (hack), så intet er gemt.");
    const extraMeta = textIn(
      await teams.invoke(
        EMPLOYER,
        { verb: "save", data: { ...save.data, admin: true } },
        { "f.text": "Ny stol" },
      ),
    );
    expect(extraMeta).toContain("jeg ikke kender (admin)");
    const wrongType = textIn(await teams.invoke(EMPLOYER, save, { "f.text": { nested: "Ny stol" } }));
    expect(wrongType).toContain("Feltet text har en forkert type værdi, så intet er gemt.");
    const badDate = textIn(
      await teams.invoke(EMPLOYER, save, { "f.text": "Ny stol", "f.deadline": "i morgen" }),
    );
    expect(badDate).toContain("Ikke en gyldig dato.");
    const noData = textIn(await teams.invoke(EMPLOYER, { verb: "move", data: { d: discussionId } }));
    expect(noData).toContain("Kortet kunne ikke læses, så intet er gemt.");
    const unknownVerb = textIn(await teams.invoke(EMPLOYER, { verb: "drop_tables", data: {} }));
    expect(unknownVerb).toContain("Kortet kunne ikke læses");
    expect(await repos(db).entries.forDiscussion(workspace.id, discussionId)).toEqual([]);
  });

  it("keeps tenants apart: another tenant's activities cannot touch this tenant's discussion", async () => {
    const { teams, workspace } = await setUp();
    const { point1, discussionId } = await start(teams);
    const intruder = new TeamsDriver(url, connector, uniqueId("other-"), teams.channel, teams.teamId);
    const outsider = { id: "aad-outsider", name: "Eve" };
    const point = cardOf(point1.activity);
    const saved = await intruder.invoke(outsider, button(point, "Note"));
    expect(textIn(saved)).toContain("Det kunne jeg ikke finde");
    const direct = await intruder.invoke(
      outsider,
      { verb: "save", data: { d: discussionId, p: 1, k: "note" } },
      { "f.text": "Overtaget" },
    );
    expect(textIn(direct)).toContain("Det kunne jeg ikke finde");
    const moved = await intruder.invoke(outsider, button(point, "Næste punkt"));
    expect(textIn(moved)).toContain("Det kunne jeg ikke finde");
    const concluded = await intruder.invoke(
      outsider,
      { verb: "conclude", data: { d: discussionId, v: 1, anyway: true } },
      { "f.reason": "x" },
    );
    expect(textIn(concluded)).not.toContain("Referat");
    await intruder.replyInThread(outsider, point1.id, "Skjult note");
    const after = await repos(db).discussions.get(workspace.id, discussionId);
    expect(after?.currentPoint).toBe(1);
    expect(after?.status).toBe("running");
    expect(await repos(db).entries.forDiscussion(workspace.id, discussionId)).toEqual([]);
    // The intruder's tenant got a workspace of its own, with nothing in it.
    const theirs = await repos(db).workspaces.find("teams", intruder.tenantId);
    expect(theirs?.id).not.toBe(workspace.id);
  });

  it("concludes anyway with a reason when something is missing, and answers in English", async () => {
    const { teams, workspace } = await setUp();
    await repos(db).workspaces.update(workspace.id, { ...workspace, headcount: 25, language: "en" });
    const { discussionId } = await start(teams);
    const version = (await repos(db).discussions.get(workspace.id, discussionId))!.version;
    const check = cardIn(
      await teams.invoke(EMPLOYER, { verb: "conclude", data: { d: discussionId, v: version } }),
    );
    expect(cardText(check)).toContain("Legal requirements missing");
    const noReason = cardIn(await teams.invoke(EMPLOYER, button(check, "Conclude anyway")));
    expect(cardText(noReason)).toContain("Write a reason to conclude although something is missing.");
    const byRep = await teams.invoke(REP, button(check, "Conclude anyway"), {
      "f.reason": "Vi tager resten i januar.",
    });
    expect(textIn(byRep)).toContain("You may not do that: concluding the discussion");
    const done = await teams.invoke(EMPLOYER, button(check, "Conclude anyway"), {
      "f.reason": "The rest follows in January.",
    });
    expect(textIn(done)).toContain("Teams cannot pin messages in a channel");
    const discussion = await repos(db).discussions.get(workspace.id, discussionId);
    expect(discussion?.status).toBe("concluded");
    expect(discussion?.concludeOverrideReason).toBe("The rest follows in January.");
    await connector.waitFor("The rest follows in January.");
  });

  it("answers commands by @mention in the user's language, with help for unknown words", async () => {
    const { teams } = await setUp();
    await teams.mention(EMPLOYER, "hjælp");
    const help = await connector.waitFor("Sådan bruger du arbejdsmiljø-botten");
    expect(contentText(help.activity)).toContain("@Arbejdsmiljø opsæt (setup)");
    await teams.mention(EMPLOYER, "dans");
    await connector.waitFor('Jeg kender ikke kommandoen "dans".');
    await teams.mention(EMPLOYER, "status");
    await connector.waitFor("Der er ingen drøftelse for 2026 endnu.");
    const rows = await db.query<{ kind: string }>(
      "SELECT kind FROM teams_conversations tc JOIN workspaces w ON w.id = tc.workspace_id WHERE w.external_id = $1",
      [teams.tenantId],
    );
    expect(rows.map((r) => r.kind)).toEqual(["channel"]);
  });
});
