import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { throwawayDatabase } from "../helpers/db.ts";
import { type Instance, startInstance, startInstances, stopInstances } from "../helpers/instances.ts";
import { RoundRobinProxy } from "../helpers/round-robin-proxy.ts";
import { waitFor } from "../helpers/slack-app.ts";
import { cardOf, cardText, contentText, FakeConnector, type Posted } from "../helpers/teams-connector.ts";
import { button, TeamsDriver } from "../helpers/teams-driver.ts";

const serverUrl = process.env.TEST_DATABASE_URL;
const EMPLOYER = { id: "aad-employer", name: "Mette Hansen" };
const REP = { id: "aad-rep", name: "Ali Nielsen" };
const LEADER = { id: "aad-leader", name: "Søren Østergaard" };

// Separate processes share one real PostgreSQL; CI always sets TEST_DATABASE_URL. The instances take Teams'
// activities in local test mode (no Bot Framework tokens), which they accept over loopback only, as the proxy is.
describe.runIf(serverUrl)("three instances behind a round-robin balancer hold one Teams discussion", () => {
  let db: Db;
  let drop: () => Promise<void> = async () => {};
  const connector = new FakeConnector();
  const proxy = new RoundRobinProxy();
  const instances: Instance[] = [];
  let env: Record<string, string>;
  beforeAll(async () => {
    const database = await throwawayDatabase(serverUrl as string, "multi_teams");
    ({ db, drop } = database);
    await connector.start();
    env = { DATABASE_URL: database.url, TEAMS_LOCAL_TEST: "1", LOG_LEVEL: "error" };
    instances.push(...(await startInstances(env, 3)));
    await proxy.start(instances.map((i) => i.url));
  }, 60_000);
  afterAll(async () => {
    await stopInstances(instances);
    await proxy.stop();
    await connector.stop();
    await drop();
  });

  it("each point's card posted once, every note stored once, the referat posted once", async () => {
    const teams = new TeamsDriver(proxy.url, connector, `tenant-${randomUUID().slice(0, 8)}`);
    connector.members.set(
      teams.teamId,
      [EMPLOYER, REP, LEADER].map((u) => ({ id: `29:${u.id}`, name: u.name, aadObjectId: u.id })),
    );
    await teams.install(EMPLOYER);
    await teams.mention(EMPLOYER, "opsæt");
    const setup = await connector.waitFor("Opsætning", 10_000);
    const saved = await teams.invoke(EMPLOYER, button(cardOf(setup.activity), "Gem"), {
      "f.headcount": "25",
      "f.employer": EMPLOYER.id,
      "f.representatives": REP.id,
      "f.leaders": LEADER.id,
      "f.timeZone": "Europe/Copenhagen",
      "f.language": "da",
    });
    expect(cardText(saved.body.value)).toContain("Opsætningen er gemt.");
    const r = repos(db);
    const wsId = (await r.workspaces.find("teams", teams.tenantId))?.id as string;
    await teams.mention(EMPLOYER, "start");
    const point1 = await connector.waitFor("Punkt 1 af 11", 10_000);
    const id = (await r.discussions.latest(wsId))?.id as string;
    const pointMessage = (n: number) =>
      connector
        .in(teams.channel)
        .find((m) => contentText(m.activity).includes(`Punkt ${n} af 11:`)) as Posted;

    const notes: string[] = [];
    const note = async (point: number, text: string) => {
      notes.push(text);
      await waitFor(() => Boolean(pointMessage(point)), 10_000);
      expect((await teams.replyInThread(REP, pointMessage(point).id, text)).status).toBe(200);
      await waitFor(
        async () => (await r.entries.forDiscussion(wsId, id)).some((e) => e.data.text === text),
        10_000,
      );
    };

    let current: unknown = cardOf(point1.activity);
    for (let point = 1; point < 11; point++) {
      if (point <= 3) await note(point, `Note ved punkt ${point}`);
      if (point === 5) {
        // One instance dies without a word; another takes its place behind the balancer.
        const [victim] = instances.splice(1, 1);
        victim?.child.kill("SIGKILL");
        await victim?.exited;
        instances.push(await startInstance(env));
        proxy.targets = instances.map((i) => i.url);
        await note(point, "Note efter at en instans døde");
      }
      const next = button(current, "Næste punkt");
      if (point === 6) {
        // Two people click next on the same card at once; the balancer sends the clicks to different instances.
        const answers = await Promise.all([teams.invoke(EMPLOYER, next), teams.invoke(REP, next)]);
        for (const a of answers) expect(a.status).toBe(200);
        // One click moves; the other is told, privately in its own answer, that someone else just moved.
        const told = answers.filter((a) => cardText(a.body.value).includes("En anden har lige ændret"));
        expect(told).toHaveLength(1);
        current = answers.find((a) => !told.includes(a))?.body.value;
      } else {
        current = (await teams.invoke(EMPLOYER, next)).body.value;
      }
      expect((await r.discussions.get(wsId, id))?.currentPoint).toBe(point + 1);
      expect(cardText(current)).toContain(`Punkt ${point + 1} af 11`);
    }

    const check = (await teams.invoke(EMPLOYER, button(current, "Afslut drøftelsen"))).body.value;
    expect(cardText(check)).toContain("Afslut alligevel");
    const concluded = await teams.invoke(EMPLOYER, button(check, "Afslut alligevel"), {
      "f.reason": "Resten tages på AMO-mødet i januar",
    });
    expect(concluded.status).toBe(200);
    await connector.waitFor("Referat af den årlige arbejdsmiljødrøftelse 2026", 20_000);
    // Time for any second post from another instance to show.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    expect((await r.discussions.get(wsId, id))?.status).toBe("concluded");
    const agenda = await r.discussions.agenda(wsId, id);
    expect(new Set(agenda.map((a) => a.message?.id)).size).toBe(11);
    for (let n = 1; n <= 11; n++) {
      const posts = connector
        .in(teams.channel)
        .filter(
          (m) =>
            contentText(m.activity).includes(`Punkt ${n} af 11:`) && !m.conversation.includes("messageid"),
        );
      expect(posts, `point ${n}`).toHaveLength(1);
    }
    const stored = (await r.entries.forDiscussion(wsId, id)).map((e) => String(e.data.text ?? ""));
    for (const text of notes) expect(stored.filter((s) => s === text)).toHaveLength(1);
    expect((await r.summaries.list(wsId, id)).map((s) => s.version)).toEqual([1]);
    const summaries = connector
      .in(teams.channel)
      .filter(
        (m) =>
          m.conversation === teams.channel &&
          contentText(m.activity).includes("Referat af den årlige arbejdsmiljødrøftelse 2026"),
      );
    expect(summaries).toHaveLength(1);
    expect(connector.problems).toEqual([]);
    for (const i of instances) expect(proxy.sent).toContain(i.url);
  }, 150_000);
});
