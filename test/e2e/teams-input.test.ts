import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { uniqueId } from "../helpers/db.ts";
import { cardIn, EMPLOYER, REP, teamsApp, textIn } from "../helpers/teams-app.ts";
import { cardOf, cardText, contentText } from "../helpers/teams-connector.ts";
import { button, TeamsDriver } from "../helpers/teams-driver.ts";

describe("Teams end to end: bad submits, other tenants, English and @mention commands", () => {
  const app = teamsApp();
  const { connector, setUp, start } = app;
  let db: Db;
  let url: string;
  beforeAll(() => {
    db = app.db;
    url = app.url;
  });

  it("refuses card submits with missing, unknown or mistyped fields, in the card, storing nothing", async () => {
    const { teams, workspace } = await setUp();
    const { discussionId } = await start(teams);
    const save = { verb: "entry_form", data: { d: discussionId, p: 1, k: "decision" } };
    const missing = textIn(await teams.invoke(EMPLOYER, save, { "f.owner.name": "Mette Hansen" }));
    expect(missing).toContain("Noget i det indtastede kunne ikke bruges. Ret de markerede felter.");
    expect(missing).toContain("Skal udfyldes.");
    expect(missing).toContain("Registrér beslutning");
    const extra = textIn(await teams.invoke(EMPLOYER, save, { "f.text": "Ny stol", "f.hack": "x" }));
    expect(extra).toContain("Kortet indeholdt felter, jeg ikke kender (hack), så intet er gemt.");
    const extraMeta = textIn(
      await teams.invoke(
        EMPLOYER,
        { verb: "entry_form", data: { ...save.data, admin: true } },
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
    // Accident figures and the answer on their causes that contradict each other: told under the causes field.
    const accidents = { verb: "entry_form", data: { d: discussionId, p: 6, k: "accident_overview" } };
    const contradicting = textIn(
      await teams.invoke(EMPLOYER, accidents, {
        "f.accidents": "3",
        "f.nearMisses": "0",
        "f.poisonings": "0",
        "f.healthDamage": "0",
        "f.causesInvestigated": "none_occurred",
        "f.preventionWorked": "partly",
      }),
    );
    const told = contradicting.indexOf('så "ingen hændelser" passer ikke.');
    expect(told).toBeGreaterThan(contradicting.indexOf("Er årsagerne undersøgt?"));
    expect(told).toBeLessThan(contradicting.indexOf("Virkede forebyggelsen?"));
    const noData = textIn(await teams.invoke(EMPLOYER, { verb: "point_next", data: { d: discussionId } }));
    expect(noData).toContain("Kortet kunne ikke læses, så intet er gemt.");
    const unknownVerb = textIn(await teams.invoke(EMPLOYER, { verb: "drop_tables", data: {} }));
    expect(unknownVerb).toContain("Kortet kunne ikke læses");
    expect(await repos(db).entries.forDiscussion(workspace.id, discussionId)).toEqual([]);
  });

  it("still answers the verbs of cards sent before the one catalogue of actions", async () => {
    const { teams, workspace } = await setUp();
    const { discussionId } = await start(teams);
    const version = (await repos(db).discussions.get(workspace.id, discussionId))!.version;
    const form = cardIn(
      await teams.invoke(EMPLOYER, { verb: "form", data: { d: discussionId, p: 1, k: "note" } }),
    );
    expect(JSON.stringify(form)).toContain('"id":"f.text"');
    const saved = textIn(
      await teams.invoke(
        EMPLOYER,
        { verb: "save", data: { d: discussionId, p: 1, k: "note" } },
        { "f.text": "Fra et gammelt kort" },
      ),
    );
    expect(saved).toContain("Fra et gammelt kort");
    const moved = textIn(
      await teams.invoke(EMPLOYER, { verb: "move", data: { d: discussionId, p: 1, v: version, m: "next" } }),
    );
    expect(moved).toContain("Punkt 2 af 11");
    expect((await repos(db).discussions.get(workspace.id, discussionId))?.currentPoint).toBe(2);
    const preInput = textIn(
      await teams.invoke(EMPLOYER, { verb: "form", data: { d: discussionId, p: 1, k: "pre_input" } }),
    );
    expect(preInput).toContain("Dagsordenspunkt");
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
      { verb: "entry_form", data: { d: discussionId, p: 1, k: "note" } },
      { "f.text": "Overtaget" },
    );
    expect(textIn(direct)).toContain("Det kunne jeg ikke finde");
    const moved = await intruder.invoke(outsider, button(point, "Næste punkt"));
    expect(textIn(moved)).toContain("Det kunne jeg ikke finde");
    const concluded = await intruder.invoke(
      outsider,
      { verb: "conclude_reason", data: { d: discussionId, v: 1 } },
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
      await teams.invoke(EMPLOYER, { verb: "discussion_conclude", data: { d: discussionId, v: version } }),
    );
    // In English too: the law apart from good practice, each item written as missing, with a way back to its point.
    const checked = cardText(check);
    expect(checked).toContain("Legal requirements\nWhat the Working Environment Act § 6 d");
    expect(checked).toContain(
      "- How you cooperate and how often you meet has not been decided (point 9)\nGo to point 9",
    );
    expect(checked).toContain(
      "Good practice\nBFA's advice for a good discussion. These are not legal requirements.",
    );
    expect(checked.indexOf("Legal requirements")).toBeLessThan(checked.indexOf("Good practice"));
    expect(checked).toContain("- Who calls the meetings has not been agreed (point 9)");
    expect(checked).toContain("The bot holds no discussion from last year.");
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
    const help = await connector.waitFor("Sådan bruger du arbejdsmiljøbotten");
    expect(contentText(help.activity)).toContain("@Arbejdsmiljø opsæt (setup)");
    await teams.mention(EMPLOYER, "dans");
    await connector.waitFor('Jeg kender ikke kommandoen "dans".');
    await teams.mention(EMPLOYER, "status");
    const none = await connector.waitFor("Der er ingen drøftelse for 2026 endnu.");
    expect(contentText(none.activity)).toContain("Planlæg den med @Arbejdsmiljø planlæg.");
    expect(contentText(none.activity)).not.toContain("/arbejdsmiljø");
    const rows = await db.query<{ kind: string }>(
      "SELECT kind FROM teams_conversations tc JOIN workspaces w ON w.id = tc.workspace_id WHERE w.external_id = $1",
      [teams.tenantId],
    );
    expect(rows.map((r) => r.kind)).toEqual(["channel"]);
  });
});
