import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueId } from "../helpers/db.ts";
import { EMPLOYER, LEADER, REP, SlackApp } from "../helpers/slack-app.ts";
import { SlackDriver, type SlackUser } from "../helpers/slack-driver.ts";

const STRANGER: SlackUser = { id: "U_STRANGER", name: "Fremmed Person" };

/** Who may set up, change roles and read, over the real Bolt app against the fake Slack. */
describe("Slack: roles that cannot be seized, and reads only where they belong", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  const say = async (slack: SlackDriver, text: string, user = EMPLOYER) =>
    String((await app.fake.after("respond", () => slack.command(user, text))).args.text);

  it("tells a first-comer who is no admin who may set up, before any form opens, and stores nothing", async () => {
    const slack = new SlackDriver(app.url, app.fake, uniqueId("T"));
    const from = app.fake.calls.length;
    expect(await say(slack, "opsæt", STRANGER)).toBe(
      "Der er ikke udpeget nogen arbejdsgiver endnu. Den første opsætning laves af den, der installerede appen, eller af en administrator af arbejdsområdet, som så udpeger arbejdsgiveren.",
    );
    expect(app.fake.calls.slice(from).filter((c) => c.method === "views.open")).toEqual([]);
    const workspace = await app.repos.workspaces.find("slack", slack.team);
    expect(workspace?.headcount ?? null).toBeNull();
  });

  it("after the setup, only the employer opens it; the roles given are said in the channel", async () => {
    const from = app.fake.calls.length;
    const { slack, workspace } = await app.setUp();
    const announced = app.fake.calls
      .slice(from)
      .find((c) => c.method === "chat.postMessage" && String(c.args.text).includes("har ændret rollerne"));
    expect(announced?.args.channel).toBe("C_AMO");
    expect(String(announced?.args.text)).toContain("Ali Nielsen: ingen rolle → arbejdsmiljørepræsentant");

    for (const user of [REP, LEADER, STRANGER]) {
      const before = app.fake.calls.length;
      expect(await say(slack, "opsæt", user)).toBe(
        "Kun arbejdsgiveren kan ændre opsætningen og rollerne. Spørg Mette Hansen, hvis noget skal rettes.",
      );
      expect(app.fake.calls.slice(before).filter((c) => c.method === "views.open")).toEqual([]);
    }
    await app.fake.after("views.open", () => slack.command(EMPLOYER, "opsæt"));
    const audit = (await app.repos.audit.list(workspace.id)).filter((a) => a.action === "member.role");
    expect(audit.map((a) => a.subjectId).sort()).toEqual([EMPLOYER.id, LEADER.id, REP.id].sort());
  });

  it("answers status and follow-up in the workplace's channel and to its roster anywhere, not to strangers elsewhere", async () => {
    const { slack } = await app.setUp();
    // In the workplace's channel anyone may ask (the answer is private to them anyway).
    expect(await say(slack, "status", STRANGER)).toContain("Der er ingen drøftelse for 2026");
    // Elsewhere: someone on the roster is answered, a stranger is told where to ask.
    const elsewhere = new SlackDriver(app.url, app.fake, slack.team, "C_RANDOM");
    expect(await say(elsewhere, "opfølgning", REP)).toBe("Der er ingen åbne beslutninger eller mål.");
    const refusal =
      "Det kan jeg kun vise i arbejdspladsens arbejdsmiljøkanal, eller privat til dem, der står i opsætningen. Spørg i kanalen.";
    for (const command of ["status", "opfølgning", "referat", "eksport"])
      expect(await say(elsewhere, command, STRANGER)).toBe(refusal);
    const direct = new SlackDriver(app.url, app.fake, slack.team, `D${STRANGER.id}`);
    expect(await say(direct, "referat", STRANGER)).toBe(refusal);
  });

  it("refuses the data export in its own words, to anyone but the employer", async () => {
    const { slack } = await app.setUp();
    expect(await say(slack, "data", REP)).toBe(
      "Det må du ikke: at hente alle arbejdspladsens data kræver rollen arbejdsgiver eller arbejdsgiverens repræsentant.",
    );
  });
});
