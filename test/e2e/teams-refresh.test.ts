import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINE_VERB, refreshOf as refreshOfRights } from "../../adapters/cards/draw/refresh.ts";
import { loadConfig } from "../../adapters/index.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";
import { actionsOf, cardOf, cardText, FakeConnector, type Posted } from "../helpers/teams-connector.ts";
import { authenticatedTeams } from "../helpers/teams-credentials.ts";
import { type InvokeAnswer, TeamsDriver, type TeamsUser } from "../helpers/teams-driver.ts";

const EMPLOYER = { id: "aad-employer", name: "Mette Hansen" };
const REP = { id: "aad-rep", name: "Ali Nielsen" };
const LEADER = { id: "aad-leader", name: "Søren Østergaard" };
const NOW = new Date("2026-11-24T09:00:00Z");

const titles = (card: unknown) => actionsOf(card).map((a) => a.title);
const cardIn = (answer: InvokeAnswer) => {
  expect(answer.status).toBe(200);
  expect(answer.body.type).toBe("application/vnd.microsoft.card.adaptive");
  return answer.body.value as Record<string, unknown>;
};
type Refresh = { action: { verb: string; data: Record<string, unknown> }; userIds?: string[] };
const refreshOf = (card: unknown) => (card as { refresh?: Refresh }).refresh;

describe.each(DRIVERS)("Teams: each person's own buttons through the card's refresh ($name)", (driver) => {
  const connector = new FakeConnector();
  let server: RunningServer;
  let db: Db;
  beforeAll(async () => {
    await connector.start();
    db = await driver.open();
    const teams = authenticatedTeams(connector);
    server = await startServer(loadConfig({ PORT: "0", LOG_LEVEL: "error", ...teams.env }), [teams.adapter], {
      db,
      now: () => NOW,
      scheduler: false,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await connector.stop();
  });

  /** A workplace of 25 with an AMO: Mette the employer, Ali the AMO representative, Søren a work leader. */
  async function heldToPoint11() {
    const tenant = uniqueId("tenant-");
    const teams = new TeamsDriver(`http://127.0.0.1:${server.port}`, connector, tenant);
    await teams.install(EMPLOYER);
    const ctx = await server.core.context("teams", tenant, { userId: EMPLOYER.id, name: EMPLOYER.name });
    const { workspace } = await server.core.setupWorkspace(
      ctx,
      {
        headcount: 25,
        timeZone: "Europe/Copenhagen",
        language: "da",
        defaultChannel: teams.channel,
        members: [
          { userId: EMPLOYER.id, name: EMPLOYER.name, role: "employer", joinedAmoOn: null },
          { userId: REP.id, name: REP.name, role: "amo_representative", joinedAmoOn: null },
          { userId: LEADER.id, name: LEADER.name, role: "work_leader", joinedAmoOn: null },
        ],
      },
      null,
    );
    const as = { workspace, actor: { userId: EMPLOYER.id, name: EMPLOYER.name } };
    const { discussion } = await server.core.start(as, {}, null);
    const running = await repos(db).discussions.get(workspace.id, discussion.id);
    await server.core.move(
      as,
      {
        discussionId: discussion.id,
        expectedVersion: running?.version ?? 0,
        move: { type: "goto", point: 11 },
      },
      null,
    );
    const posted = await postedWhere(
      (m) =>
        m.conversation.startsWith(teams.channel) &&
        cardText(cardOf(m.activity)).includes("Punkt 11 af 11") &&
        titles(cardOf(m.activity)).includes("Spring over"),
    );
    return { teams, workspace, as, discussionId: discussion.id, point11: cardOf(posted.activity) };
  }

  /** The newest message in the fake connector that `test` accepts, once the bot has sent it. */
  async function postedWhere(test: (m: Posted) => boolean): Promise<Posted> {
    const until = Date.now() + 5000;
    for (;;) {
      const found = [...connector.messages.values()].filter((m) => !m.deleted && test(m)).at(-1);
      if (found) return found;
      if (Date.now() > until) throw new Error("no such message");
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const refreshAs = (teams: TeamsDriver, user: TeamsUser, card: unknown, trigger: "automatic" | "manual") => {
    const refresh = refreshOf(card);
    if (!refresh) throw new Error("the card has no refresh");
    return teams.invoke(user, refresh.action, {}, { trigger });
  };

  it("shows conclude only to the employer, and the core still refuses anyone else's click", async () => {
    const { teams, workspace, discussionId, point11 } = await heldToPoint11();
    // The channel's card: no conclude, who concludes said, and a refresh for those with more rights.
    expect(titles(point11)).not.toContain("Afslut drøftelsen");
    expect(cardText(point11)).toContain("afslutter arbejdsgiveren eller dennes repræsentant drøftelsen");
    const refresh = refreshOf(point11);
    expect(refresh?.action.verb).toBe(MINE_VERB);
    expect([...(refresh?.userIds ?? [])].sort()).toEqual([`8:orgid:${EMPLOYER.id}`, `8:orgid:${REP.id}`]);

    const employers = cardIn(await refreshAs(teams, EMPLOYER, point11, "automatic"));
    expect(cardText(employers)).toContain("Punkt 11 af 11");
    expect(titles(employers)).toContain("Afslut drøftelsen");
    expect(cardText(employers)).not.toContain("afslutter arbejdsgiveren");

    // The AMO representative approves but does not conclude; a work leader, asking by hand, gets the shared card.
    expect(titles(cardIn(await refreshAs(teams, REP, point11, "automatic")))).not.toContain(
      "Afslut drøftelsen",
    );
    const leaders = cardIn(await refreshAs(teams, LEADER, point11, "manual"));
    expect(titles(leaders)).toEqual(titles(point11));

    // The refresh is presentation only: the employer's button clicked by someone else is refused, nothing changes.
    const conclude = actionsOf(employers).find((a) => a.title === "Afslut drøftelsen");
    const refused = cardText(cardIn(await teams.invoke(LEADER, conclude!)));
    expect(refused).toMatch(/arbejdsgiver/i);
    expect((await repos(db).discussions.get(workspace.id, discussionId))?.status).toBe("running");
  });

  it("shows approve only to those who approve, on the summary posted in the channel", async () => {
    const { teams, workspace, as, discussionId } = await heldToPoint11();
    const current = await server.core.pointView(as, discussionId, 11);
    const result = await server.core.conclude(
      as,
      { discussionId, expectedVersion: current?.version ?? 0, overrideReason: "Prøve af knapperne" },
      null,
    );
    expect(result.concluded).toBe(true);
    const posted = await postedWhere(
      (m) =>
        m.conversation === teams.channel && cardText(cardOf(m.activity)).includes("Referat af den årlige"),
    );
    const shared = cardOf(posted.activity);
    expect(titles(shared)).not.toContain("Godkend referatet");
    expect([...(refreshOf(shared)?.userIds ?? [])].sort()).toEqual([
      `8:orgid:${EMPLOYER.id}`,
      `8:orgid:${REP.id}`,
    ]);

    const leaders = cardIn(await refreshAs(teams, LEADER, shared, "automatic"));
    expect(titles(leaders)).not.toContain("Godkend referatet");
    const reps = cardIn(await refreshAs(teams, REP, shared, "automatic"));
    const approve = actionsOf(reps).find((a) => a.title === "Godkend referatet");
    expect(approve).toBeDefined();
    expect(titles(cardIn(await refreshAs(teams, EMPLOYER, shared, "automatic")))).toContain(
      "Godkend referatet",
    );

    // Søren's click with Ali's button is refused by the core; Ali's own counts.
    await teams.invoke(LEADER, approve!);
    expect(await repos(db).summaries.approvals(workspace.id, discussionId, 1)).toEqual([]);
    const approved = cardText(cardIn(await teams.invoke(REP, approve!)));
    expect(approved).toContain("din godkendelse af version 1 er registreret");
    const approvals = await repos(db).summaries.approvals(workspace.id, discussionId, 1);
    expect(approvals.map((a) => a.role)).toEqual(["amo_representative"]);
  });

  it("answers a refresh without the Bot Framework's token with 401 and draws nothing", async () => {
    const { teams, point11 } = await heldToPoint11();
    teams.token = "none";
    const before = connector.messages.size;
    const answer = await refreshAs(teams, EMPLOYER, point11, "automatic");
    expect(answer.status).toBe(401);
    expect(answer.body?.value).toBeUndefined();
    expect(connector.messages.size).toBe(before);
  });
});

describe("Teams: more people with rights than Teams refreshes for", () => {
  it("names no one in the refresh and offers a button that asks for one's own buttons", () => {
    const people = Array.from({ length: 61 }, (_, i) => `aad-${i}`);
    const drawn = refreshOfRights(
      "da",
      { conclude: people.slice(0, 1), approve: people },
      { d: "d-1", s: 1 },
    );
    expect(drawn?.refresh.userIds).toBeUndefined();
    expect(titles(drawn?.manual)).toEqual(["Vis mine knapper"]);
    expect(actionsOf(drawn?.refresh)[0]?.verb).toBe(MINE_VERB);
    const few = refreshOfRights(
      "en",
      { conclude: people.slice(0, 1), approve: people.slice(0, 60) },
      { d: "d-1", p: 11 },
    );
    expect(few?.refresh.userIds).toHaveLength(60);
    expect(few?.manual).toEqual([]);
  });
});
