import { describe, expect, it } from "vitest";
import { repos } from "../../src/store/index.ts";
import { uniqueId } from "../helpers/db.ts";
import { EMPLOYER, REP, teamsApp } from "../helpers/teams-app.ts";
import { contentText } from "../helpers/teams-connector.ts";
import { TeamsDriver } from "../helpers/teams-driver.ts";

const STRANGER = { id: "aad-stranger", name: "Fremmed Person" };
const READ_ELSEWHERE =
  "Det kan jeg kun vise i arbejdspladsens arbejdsmiljøkanal, eller privat til dem, der står i opsætningen. Spørg i kanalen.";

describe("Teams: roles that cannot be seized, and reads only where they belong", () => {
  const app = teamsApp();
  /** Whether the bot says something matching, anywhere, in a call after the first `from`, within five seconds. */
  const saidSince = async (from: number, pattern: RegExp, waitMs = 5000) => {
    const said = () =>
      app.connector.calls.slice(from).some((call) => pattern.test(contentText(call.body ?? {})));
    for (const until = Date.now() + waitMs; !said(); await new Promise((r) => setTimeout(r, 20)))
      if (Date.now() > until) return false;
    return true;
  };

  it("refuses a first setup by someone who did not install the app, before any card opens", async () => {
    const teams = new TeamsDriver(app.url, app.connector, uniqueId("tenant-"));
    await teams.mention(STRANGER, "opsæt");
    const refused = await app.connector.waitFor(/Der er ikke udpeget nogen arbejdsgiver endnu/);
    expect(contentText(refused.activity)).toContain("den, der installerede appen");
    expect(
      app.connector
        .in(new RegExp(`^${teams.channel}`))
        .some((m) => contentText(m.activity).includes("Opsætning")),
    ).toBe(false);
    expect((await repos(app.db).workspaces.find("teams", teams.tenantId))?.headcount ?? null).toBeNull();
  });

  it("keeps the first installer when someone else adds the app to a team of their own, and removes it again", async () => {
    const tenantId = uniqueId("tenant-");
    const office = new TeamsDriver(app.url, app.connector, tenantId);
    const own = new TeamsDriver(app.url, app.connector, tenantId);
    expect((await office.install(EMPLOYER)).status).toBe(200);
    expect((await own.install(STRANGER)).status).toBe(200);
    expect((await own.uninstall(STRANGER)).status).toBe(200);
    const workspace = await repos(app.db).workspaces.find("teams", tenantId);
    expect(workspace).toMatchObject({ installed: true, installedBy: EMPLOYER.id });
    expect((await own.install(STRANGER)).status).toBe(200);
    expect((await repos(app.db).workspaces.find("teams", tenantId))?.installedBy).toBe(EMPLOYER.id);

    const before = app.connector.calls.length;
    await own.mention(STRANGER, "opsæt");
    expect(await saidSince(before, /Der er ikke udpeget nogen arbejdsgiver endnu/)).toBe(true);
    await office.mention(EMPLOYER, "opsæt");
    expect(await saidSince(before, /Opsætning/)).toBe(true);
    // The one setup card, sent after the stranger's refusal, went to the installer's team alone.
    const setupCards = app.connector.calls
      .slice(before)
      .filter((call) => /Opsætning/.test(contentText(call.body ?? {})));
    expect(setupCards.map((call) => call.conversation.startsWith(office.channel))).toEqual([true]);
  });

  it("forgets a team the bot left before the setup, and takes a new installer once it has left every team", async () => {
    const tenantId = uniqueId("tenant-");
    const office = new TeamsDriver(app.url, app.connector, tenantId);
    const own = new TeamsDriver(app.url, app.connector, tenantId);
    await office.install(EMPLOYER);
    await own.install(STRANGER);
    const known = () =>
      app.db.query<{ conversation_id: string }>(
        `SELECT conversation_id FROM teams_conversations c JOIN workspaces w ON w.id = c.workspace_id
         WHERE w.external_id = $1 ORDER BY conversation_id`,
        [tenantId],
      );
    expect((await known()).length).toBe(2);
    await own.uninstall(STRANGER);
    expect((await known()).map((row) => row.conversation_id)).toEqual([office.channel]);

    await office.uninstall(EMPLOYER, office.teamId);
    expect((await repos(app.db).workspaces.find("teams", tenantId))?.installed).toBe(false);
    expect(await known()).toEqual([]);
    await own.install(STRANGER);
    expect((await repos(app.db).workspaces.find("teams", tenantId))?.installedBy).toBe(STRANGER.id);
  });

  it("after the setup, tells anyone but the employer who may change it", async () => {
    const { teams, workspace } = await app.setUp();
    const cardsBefore = app.connector
      .in(new RegExp(`^${teams.channel}`))
      .filter((m) => contentText(m.activity).includes("Opsætning")).length;
    await teams.mention(REP, "opsæt");
    await app.connector.waitFor(
      "Kun arbejdsgiveren kan ændre opsætningen og rollerne. Spørg Mette Hansen, hvis noget skal rettes.",
    );
    const cardsAfter = app.connector
      .in(new RegExp(`^${teams.channel}`))
      .filter((m) => contentText(m.activity).includes("Opsætning")).length;
    expect(cardsAfter).toBe(cardsBefore);
    // The roles the setup gave were said in the channel.
    const said = await app.connector.waitFor(/har ændret rollerne/);
    expect(said.conversation.startsWith(teams.channel)).toBe(true);
    expect(contentText(said.activity)).toContain("Ali Nielsen: ingen rolle → arbejdsmiljørepræsentant");
    expect((await repos(app.db).members.list(workspace.id)).length).toBe(3);
  });

  it("answers status in the workplace's channel, and refuses it in another channel and to strangers in private", async () => {
    const { teams } = await app.setUp();
    await teams.mention(STRANGER, "status");
    await app.connector.waitFor("Der er ingen drøftelse for 2026 endnu.");

    const otherChannel = new TeamsDriver(app.url, app.connector, teams.tenantId);
    await otherChannel.mention(EMPLOYER, "opfølgning");
    // The refusal goes to the asker alone, in a personal chat the bot opens, never into the other channel.
    const refused = await app.connector.waitFor(READ_ELSEWHERE);
    expect(refused.conversation).toMatch(/^a:personal-\d+$/);
    const created = app.connector.calls.find(
      (c) => c.kind === "create" && c.conversation === refused.conversation,
    );
    expect(JSON.stringify(created?.body)).toContain(EMPLOYER.id);
    expect(
      app.connector.in(new RegExp(`^${otherChannel.channel}`)).map((m) => contentText(m.activity)),
    ).not.toContain(READ_ELSEWHERE);

    const personal = `a:personal-${STRANGER.id}`;
    await teams.post({
      ...teams.base(STRANGER, personal, "personal"),
      type: "message",
      id: "s1",
      text: "referat",
    });
    const privately = await app.connector.waitFor(READ_ELSEWHERE);
    expect(privately.conversation).toBe(personal);
  });
});
