import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { cardIn, EMPLOYER, LEADER, linkIn, REP, teamsApp, textIn } from "../helpers/teams-app.ts";
import { cardOf, cardText, contentText, inputOf, inputsOf } from "../helpers/teams-connector.ts";
import { button } from "../helpers/teams-driver.ts";

describe("Teams end to end, the real CloudAdapter over HTTP against a fake Bot Connector", () => {
  const app = teamsApp();
  const { connector, setUp, start, pointMessage } = app;
  let db: Db;
  let url: string;
  beforeAll(() => {
    db = app.db;
    url = app.url;
  });

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
    expect(link).toMatch(new RegExp(`^${url}/teams/files/${workspace.id}/[A-Za-z0-9_-]{43}$`));
    const ics = await fetch(link);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain("BEGIN:VCALENDAR");

    // Start: the board and point 1 in the channel.
    const { board, point1, discussionId } = await start(teams);
    expect(board.conversation).toBe(teams.channel);
    expect(point1.conversation).toBe(teams.channel);

    // Point 1 through its own form: the button opens the form in the card, saving answers with the refreshed card.
    const formCard = cardIn(await teams.invoke(EMPLOYER, button(cardOf(point1.activity), "Vælg referent")));
    expect(inputsOf(formCard)).toEqual(["f.person", "f.person.name", "f.attendees", "f.attendees.name"]);
    // Who is present: those invited chosen at first; someone outside the list written by name.
    expect(String(inputOf(formCard, "f.attendees")?.value).split(",")).toContain(EMPLOYER.id);
    const saved = await teams.invoke(EMPLOYER, button(formCard, "Gem"), {
      "f.person": REP.id,
      "f.attendees": `${EMPLOYER.id},${REP.id},forged-id`,
      "f.attendees.name": "Gæst Jensen",
    });
    expect(textIn(saved)).toContain("Gemt.");
    expect(textIn(saved)).toMatch(/Referent:\*\* Ali Nielsen/);
    expect(textIn(saved)).toContain(`Til stede: ${EMPLOYER.name}, ${REP.name}, Gæst Jensen`);
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
        { verb: "entry_form", data: { d: discussionId, p: point, k: kind } },
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
    // A note is answered with its point as stored with the note in it (read along with the note).
    const noted = await save(5, "note", { "f.text": "Nyansatte får en tjekliste den første uge." }, REP);
    expect(cardText(noted)).toMatch(/Punkt 5 af 11[\s\S]*Nyansatte får en tjekliste den første uge\./);
    await next();
    // A name in the accident text is refused in the card, with why and how to write it; nothing is stored.
    const named = await teams.invoke(
      EMPLOYER,
      { verb: "entry_form", data: { d: discussionId, p: 6, k: "accident_overview" } },
      {
        "f.accidents": "1",
        "f.nearMisses": "0",
        "f.poisonings": "0",
        "f.healthDamage": "0",
        "f.causesInvestigated": "yes",
        "f.preventionWorked": "partly",
        "f.comment": "Ali Nielsen faldt på trappen og brækkede håndleddet",
      },
    );
    expect(cardText(cardIn(named))).toContain("Teksten nævner en person. Ulykker registreres uden navne");
    expect(contentText(pointMessage(teams, 6).activity)).not.toContain("håndleddet");
    await save(6, "accident_overview", {
      "f.accidents": "1",
      "f.nearMisses": "3",
      "f.poisonings": "0",
      "f.healthDamage": "0",
      "f.causesInvestigated": "yes",
      "f.preventionWorked": "partly",
    });
    await next();
    const noted7 = await save(7, "note", { "f.text": "Første år med botten; sidste års mål er nået." });
    expect(cardText(noted7)).toContain("Første år med botten; sidste års mål er nået.");
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
    expect(cardText(check)).toContain("- AMO-medlemmernes supplerende uddannelse er ikke drøftet (punkt 10)");
    expect(cardText(check)).toContain("Gå til punkt 10");
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
    const file = await connector.waitFor(/arbejdsmiljødrøftelse-2026-v1\.md/);
    expect(file.conversation).toBe(`${teams.channel};messageid=${summary.id}`);
    const mdLink = linkIn(file);
    const md = await fetch(mdLink);
    expect(md.headers.get("content-type")).toContain("text/markdown");
    const markdown = await md.text();
    expect(markdown).toContain("Indkøb af lydabsorbenter");
    // The stored text (what its hash is taken over), then the record as it stands: status, approvals, versions.
    const stored = (await repos(db).summaries.latest(workspace.id, discussionId))?.content ?? "(none)";
    expect(markdown.startsWith(stored)).toBe(true);
    expect(markdown).toContain("## Status og godkendelse");
    // Teams has no slash command: the record tells its people to write to the bot by @mention.
    expect(stored).toContain("Status kan altid ses med @Arbejdsmiljø opfølgning.");
    expect(stored).toContain(
      "Hent det igen med @Arbejdsmiljø referat 2026; @Arbejdsmiljø eksport 2026 giver det som PDF.",
    );
    expect(stored).not.toContain("/arbejdsmiljø");
    expect(contentText(summary.activity)).toContain("@Arbejdsmiljø opfølgning");
    expect(contentText(summary.activity)).not.toContain("/arbejdsmiljø");
    expect((await fetch(`${url}/teams/files/${workspace.id}/${"x".repeat(43)}`)).status).toBe(404);

    // Approvals by both sides update the summary card in place.
    // The channel's card has no approve button: Teams refreshes it into each approver's own card.
    const summaryCard = cardOf(summary.activity);
    expect(cardText(summaryCard)).not.toContain("Godkend referatet");
    const ownCard = async (user: typeof EMPLOYER) =>
      cardIn(await teams.invoke(user, summaryCard!.refresh!.action, {}, { trigger: "automatic" }));
    const approved = await teams.invoke(EMPLOYER, button(await ownCard(EMPLOYER), "Godkend referatet"));
    expect(textIn(approved)).toContain("din godkendelse af version 1 er registreret");
    await teams.invoke(REP, button(await ownCard(REP), "Godkend referatet"));
    expect(contentText(connector.messages.get(summary.id)!.activity)).toContain("Godkendt af Ali Nielsen");
    expect((await repos(db).discussions.get(workspace.id, discussionId))?.status).toBe("approved");

    // Concluded means concluded: the point's card shows its final state, with no buttons that record.
    const final = cardOf(pointMessage(teams, 11).activity);
    const titles = JSON.stringify(final);
    expect(cardText(final)).toContain("Drøftelsen er afsluttet. Sådan står punktet i referatet.");
    for (const gone of ['"Note"', '"Beslutning"', '"Mål"', '"Afslut drøftelsen"'])
      expect(titles).not.toContain(gone);
    // A save sent without the deliberate step is refused, to that user alone, and changes nothing.
    const plain = await teams.invoke(
      EMPLOYER,
      { verb: "entry_form", data: { d: discussionId, p: 11, k: "note" } },
      { "f.text": "Uden om" },
    );
    expect(textIn(plain)).toContain("brug “Tilføj til referatet” på punktet");
    expect((await repos(db).summaries.latest(workspace.id, discussionId))?.version).toBe(1);
    // "Tilføj til referatet" says what it means and offers the forms; the save makes version 2.
    const amend = cardIn(await teams.invoke(EMPLOYER, button(final, "Tilføj til referatet")));
    expect(cardText(amend)).toContain("bliver det en ny version, som skal godkendes igen");
    const noteForm = cardIn(await teams.invoke(EMPLOYER, button(amend, "Note")));
    expect(cardText(noteForm)).toContain("Tilføjelse til det afsluttede referat");
    const added = await teams.invoke(EMPLOYER, button(noteForm, "Gem"), {
      "f.text": "Tilføjet efter mødet: ny kaffemaskine.",
    });
    expect(textIn(added)).toContain("Gemt.");
    // The channel is told, and those who approved version 1 are asked by name to approve version 2: mentioned, with
    // Teams' mention entities naming them by their Entra object id, so Teams notifies them.
    const told = await connector.waitFor(/har tilføjet til referatet under punkt 11/);
    expect(told.conversation).toBe(teams.channel);
    expect(contentText(told.activity)).toMatch(
      /Referatet er nu version 2 og er ikke godkendt endnu\. (<at>Mette Hansen<\/at> og <at>Ali Nielsen<\/at>|<at>Ali Nielsen<\/at> og <at>Mette Hansen<\/at>): godkend venligst den nye version\./,
    );
    expect(told.activity.textFormat).toBe("markdown");
    const mentioned = (told.activity.entities as { type: string; text: string; mentioned: { id: string } }[])
      .map((e) => [e.type, e.text, e.mentioned.id])
      .sort();
    expect(mentioned).toEqual([
      ["mention", "<at>Ali Nielsen</at>", REP.id],
      ["mention", "<at>Mette Hansen</at>", EMPLOYER.id],
    ]);
    expect((await repos(db).discussions.get(workspace.id, discussionId))?.status).toBe("concluded");
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
    // The card the click came from, as it is now (read with the check that refused the click): its note kept.
    expect(textIn(stale)).toMatch(/Punkt 1 af 11[\s\S]*Husk frugtordningen\./);
    expect((await repos(db).discussions.get(workspace.id, discussionId))?.currentPoint).toBe(2);

    // Cancel closes the form: the card as it is now.
    const closed = cardIn(await teams.invoke(REP, button(opened, "Luk formularen")));
    expect(inputsOf(closed)).toEqual([]);
  });

  it("tells a point 2 writer not on the employer's side, on the saved card, that the setup is as it was", async () => {
    const { teams, workspace } = await setUp();
    const { discussionId } = await start(teams);
    const answer = await teams.invoke(
      REP,
      { verb: "entry_form", data: { d: discussionId, p: 2, k: "amo_member" } },
      { "f.person": LEADER.id, "f.role": "amo_representative" },
    );
    expect(textIn(answer)).toContain(
      "Gemt i referatet. Opsætningen er ikke ændret, for nye medlemmer sættes på af arbejdsgiveren eller arbejdsgiverens repræsentant.",
    );
    expect(await repos(db).members.roleOf(workspace.id, LEADER.id)).toBe("work_leader");
  });
});

describe("Teams end to end: the bot's command as Teams people call it", () => {
  let now = new Date("2026-11-24T09:00:00Z");
  const app = teamsApp({ now: () => now });

  it("tells the channel to write @Arbejdsmiljø, in the record and in next year's reminder, never the slash command", async () => {
    const { teams, workspace } = await app.setUp();
    const employer = await app.server.core.context("teams", workspace.externalId, {
      userId: EMPLOYER.id,
      name: EMPLOYER.name,
    });
    const { discussion } = await app.server.core.start(employer, {}, null);
    const expectedVersion = (await repos(app.db).discussions.get(workspace.id, discussion.id))?.version ?? 0;
    await app.server.core.conclude(
      employer,
      { discussionId: discussion.id, expectedVersion, overrideReason: "Resten tages i januar" },
      null,
    );
    const record = await repos(app.db).summaries.latest(workspace.id, discussion.id);
    expect(record?.content).toContain("Status kan altid ses med @Arbejdsmiljø opfølgning.");

    // Eleven months on, the channel is reminded to plan the next discussion the way Teams calls the bot.
    now = new Date("2027-11-01T09:00:00Z");
    await app.server.dispatcher.drain();
    const due = await app.connector.waitFor("Planlæg årets drøftelse med @Arbejdsmiljø planlæg");
    expect(due.conversation).toBe(teams.channel);
    const channel = app.connector.in(new RegExp(`^${teams.channel}`)).map((m) => contentText(m.activity));
    expect(channel.filter((text) => text.includes("/arbejdsmiljø"))).toEqual([]);
  });
});
