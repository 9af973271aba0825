import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/index.ts";
import type { Workspace } from "../../src/domain/entities.ts";
import type { RunningServer } from "../../src/server.ts";
import { startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";
import { cardOf, cardText, contentText, FakeConnector } from "../helpers/teams-connector.ts";
import { authenticatedTeams } from "../helpers/teams-credentials.ts";
import { button, TeamsDriver } from "../helpers/teams-driver.ts";
import { waitFor } from "../helpers/wait.ts";

const EMPLOYER = { id: "aad-employer", name: "Mette Hansen" };
const REP = { id: "aad-rep", name: "Ali Nielsen" };
const NOW = new Date("2026-11-24T09:00:00Z");

describe("Teams: the Bot Connector answering 429, 500 or not at all", () => {
  const connector = new FakeConnector();
  let server: RunningServer;
  let db: Db;

  beforeAll(async () => {
    await connector.start();
    db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
    const teams = authenticatedTeams(connector, { connectorTimeoutMs: 1_000 });
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "error", ...teams.env });
    server = await startServer(config, [teams.adapter], {
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

  async function setUp() {
    const teams = new TeamsDriver(`http://127.0.0.1:${server.port}`, connector, uniqueId("tenant-"));
    connector.members.set(
      teams.teamId,
      [EMPLOYER, REP].map((u) => ({ id: `29:${u.id}`, name: u.name, aadObjectId: u.id })),
    );
    await teams.install(EMPLOYER);
    await teams.mention(EMPLOYER, "opsæt");
    const setupCard = cardOf((await connector.waitFor("Opsætning")).activity);
    await teams.invoke(EMPLOYER, button(setupCard, "Gem"), {
      "f.headcount": "25",
      "f.employer": EMPLOYER.id,
      "f.representatives": REP.id,
      "f.timeZone": "Europe/Copenhagen",
      "f.language": "da",
    });
    return { teams, workspace: (await repos(db).workspaces.find("teams", teams.tenantId)) as Workspace };
  }

  async function startDiscussion(teams: TeamsDriver, workspace: Workspace) {
    await teams.mention(EMPLOYER, "start");
    const point1 = await connector.waitFor("Punkt 1 af 11: Valg af referent");
    const discussion = (await repos(db).discussions.forYear(workspace.id, 2026))!;
    return { point1, discussionId: discussion.id };
  }

  const faultsSince = (from: number) =>
    connector.calls.slice(from).flatMap((c) => (c.fault ? [`${c.kind}!${c.fault}`] : []));

  it("waits out a 429 with Retry-After and retries a 500 when posting to the channel", async () => {
    const { teams, workspace } = await setUp();
    const from = connector.calls.length;
    connector.failNext("reply", { status: 429, headers: { "retry-after": "1" } }, { status: 500 });
    await startDiscussion(teams, workspace);
    expect(faultsSince(from)).toEqual(["reply!429", "reply!500"]);
    // Posted once each in the end: the board and point 1, nothing twice.
    const posts = connector.in(teams.channel).map((m) => contentText(m.activity).split("\n")[1]);
    expect(posts.filter((p) => p?.startsWith("Årlig arbejdsmiljødrøftelse"))).toHaveLength(1);
    expect(posts.filter((p) => p?.startsWith("Punkt 1 af 11"))).toHaveLength(1);
  }, 30_000);

  it("keeps a note when the connector refuses, is down or never answers, and catches up after", async () => {
    const { teams, workspace } = await setUp();
    const { point1, discussionId } = await startDiscussion(teams, workspace);
    const save = (text: string) =>
      teams.invoke(
        REP,
        { verb: "entry_form", data: { d: discussionId, p: 1, k: "note" } },
        { "f.text": text },
      );
    const notes = async () =>
      (await repos(db).entries.forDiscussion(workspace.id, discussionId))
        .filter((e) => e.kind === "note")
        .map((e) => (e.data as { text: string }).text);
    const NOT_SHOWN = "Beskeden i kanalen kunne ikke opdateres lige nu";

    // Refused at once (the bot removed from the channel answers 403, which is not retried): the card says so. A note
    // changes its point's message only, not the board.
    connector.failNext("update", { status: 403 });
    const refused = await save("Gemmes trods afvisning");
    expect(refused.status).toBe(200);
    expect(cardText(refused.body.value)).toContain(NOT_SHOWN);
    expect(await notes()).toEqual(["Gemmes trods afvisning"]);

    // Down (500 through all of the client's retries) or silent: the answer does not wait for the channel. It is
    // the refreshed card, so the person sees the note; the note is kept.
    let from = connector.calls.length;
    connector.failNext("update", ...Array.from({ length: 4 }, () => ({ status: 500 })));
    const down = await save("Gemmes trods nedbrud");
    expect(cardText(down.body.value)).toContain("Gemmes trods nedbrud");
    expect(cardText(down.body.value)).not.toContain(NOT_SHOWN);
    await waitFor(() => faultsSince(from).length === 4, 15_000);
    expect(await notes()).toEqual(["Gemmes trods afvisning", "Gemmes trods nedbrud"]);

    from = connector.calls.length;
    connector.failNext("update", "hang");
    const began = Date.now();
    const hung = await save("Gemmes trods tavshed");
    // Well within the 15 s Teams waits for an invoke's answer.
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(cardText(hung.body.value)).toContain("Gemmes trods tavshed");
    await waitFor(() => faultsSince(from).includes("update!hang"), 15_000);
    expect(await notes()).toEqual(["Gemmes trods afvisning", "Gemmes trods nedbrud", "Gemmes trods tavshed"]);

    // Back again: the next change brings the channel's point message up to date with every note.
    await save("Forbindelsen er tilbage");
    await waitFor(async () => {
      const shown = contentText(connector.messages.get(point1.id)!.activity);
      return (await notes()).every((note) => shown.includes(note));
    }, 15_000);
  }, 60_000);

  it("says once that a point 2 entry was saved when the channel could not be updated", async () => {
    const { teams, workspace } = await setUp();
    const { point1, discussionId } = await startDiscussion(teams, workspace);
    await teams.invoke(EMPLOYER, button(cardOf(point1.activity), "Næste punkt"));
    connector.failNext("update", { status: 403 });
    const answer = await teams.invoke(
      REP,
      { verb: "entry_form", data: { d: discussionId, p: 2, k: "amo_member" } },
      { "f.person": REP.id, "f.role": "amo_representative" },
    );
    const text = cardText(answer.body.value);
    expect(text).toContain(
      "Gemt i referatet. Opsætningen er ikke ændret, for nye medlemmer sættes på af arbejdsgiveren eller " +
        "arbejdsgiverens repræsentant. Beskeden i kanalen kunne ikke opdateres lige nu; det sker ved næste handling.",
    );
    expect(text.match(/Gemt/g)).toHaveLength(1);
  });
});
