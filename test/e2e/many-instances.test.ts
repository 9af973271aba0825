import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { throwawayDatabase } from "../helpers/db.ts";
import { type Instance, startInstance, startInstances, stopInstances } from "../helpers/instances.ts";
import { RoundRobinProxy } from "../helpers/round-robin-proxy.ts";
import { EMPLOYER, LEADER, REP, setUpInSlack, texts, waitFor } from "../helpers/slack-app.ts";
import { SIGNING_SECRET, SlackDriver } from "../helpers/slack-driver.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";

const serverUrl = process.env.TEST_DATABASE_URL;

// Separate processes share one real PostgreSQL; CI always sets TEST_DATABASE_URL.
describe.runIf(serverUrl)("three instances behind a round-robin balancer hold one Slack discussion", () => {
  let db: Db;
  let drop: () => Promise<void> = async () => {};
  const fake = new FakeSlack();
  const proxy = new RoundRobinProxy();
  const instances: Instance[] = [];
  let env: Record<string, string>;
  beforeAll(async () => {
    const database = await throwawayDatabase(serverUrl as string, "multi");
    ({ db, drop } = database);
    await fake.start();
    for (const u of [EMPLOYER, REP, LEADER]) fake.names.set(u.id, u.name);
    env = {
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: "xoxb-many",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.url,
      LOG_LEVEL: "error",
    };
    instances.push(...(await startInstances(env, 3)));
    await proxy.start(instances.map((i) => i.url));
  }, 60_000);
  afterAll(async () => {
    await stopInstances(instances);
    await proxy.stop();
    await fake.stop();
    await drop();
  });

  it("each point shown once, every note stored once, the referat posted and pinned once", async () => {
    const slack = new SlackDriver(proxy.url, fake, `T${randomUUID().slice(0, 8).toUpperCase()}`);
    await setUpInSlack(fake, slack);
    const r = repos(db);
    const workspace = await r.workspaces.find("slack", slack.team);
    const wsId = workspace?.id as string;
    await fake.after("respond", () => slack.command(EMPLOYER, "start"));
    const discussion = await r.discussions.latest(wsId);
    const id = discussion?.id as string;
    // A point's message is stored once Slack has answered its post, a moment after the post itself.
    const threadOf = async (point: number) => {
      let thread: string | undefined;
      await waitFor(async () => {
        thread = (await r.discussions.agenda(wsId, id))[point - 1]?.message?.id;
        return Boolean(thread);
      }, 10_000);
      return thread as string;
    };
    // The newest next button, once the channel shows the discussion as stored (a click on an older one is refused).
    const fresh = async (actionId: string) => {
      let value = "";
      await waitFor(async () => {
        value = slack.button(actionId).value;
        return (JSON.parse(value) as { v?: number }).v === (await r.discussions.get(wsId, id))?.version;
      }, 10_000);
      return value;
    };
    const notes: string[] = [];
    const note = async (point: number, text: string) => {
      notes.push(text);
      const answer = await slack.message(REP, text, await threadOf(point));
      expect(answer.status).toBe(200);
      await waitFor(
        async () => (await r.entries.forDiscussion(wsId, id)).some((e) => e.data.text === text),
        10_000,
      );
    };

    for (let point = 1; point < 11; point++) {
      if (point <= 3) await note(point, `Note ved punkt ${point}`);
      if (point === 5) {
        // A reminder falls due while every instance runs its dispatcher; the one started next ticks at once.
        await db.query(
          `INSERT INTO reminders (workspace_id, kind, subject_id, due_at, payload)
           VALUES ($1, 'apv.due', 'many', now(), '{"lastApvDate":"2023-05-01"}')`,
          [wsId],
        );
        // One instance dies without a word; another takes its place behind the balancer.
        const [victim] = instances.splice(1, 1);
        victim?.child.kill("SIGKILL");
        await victim?.exited;
        const fresh = await startInstance(env);
        instances.push(fresh);
        proxy.targets = instances.map((i) => i.url);
        await note(point, "Note efter at en instans døde");
      }
      const next = await fresh("point_next");
      if (point === 6) {
        // Two people click next at once; the balancer sends the clicks to different instances.
        await Promise.all([slack.click(EMPLOYER, "point_next", next), slack.click(REP, "point_next", next)]);
        await waitFor(async () => (await r.discussions.get(wsId, id))?.currentPoint === 7, 10_000);
        // The one whose click lost is told so, privately and once.
        await waitFor(
          () =>
            fake
              .of("chat.postEphemeral")
              .some((c) => String(c.args.text).includes("En anden har lige ændret")),
          10_000,
        );
      } else {
        await slack.click(EMPLOYER, "point_next", next);
        await waitFor(async () => (await r.discussions.get(wsId, id))?.currentPoint === point + 1, 10_000);
      }
    }
    expect((await r.discussions.get(wsId, id))?.currentPoint).toBe(11);

    const conclude = await fresh("discussion_conclude");
    await fake.after("chat.postEphemeral", () => slack.click(EMPLOYER, "discussion_conclude", conclude));
    let anyway = "";
    await waitFor(() => {
      try {
        anyway = slack.button("discussion_conclude_anyway").value;
        return true;
      } catch {
        return false;
      }
    }, 10_000);
    await fake.after("views.open", () => slack.click(EMPLOYER, "discussion_conclude_anyway", anyway));
    await slack.submit(EMPLOYER, slack.lastModal(), { reason: "Resten tages på AMO-mødet i januar" });
    await waitFor(async () => fake.of("pins.add").length >= 1, 20_000);
    // Time for any second post or pin from another instance to show.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const agenda = await r.discussions.agenda(wsId, id);
    const messages = agenda.map((a) => a.message?.id);
    expect(new Set(messages).size).toBe(11);
    // Each point's message was posted once: a second instance posting it too would add one with the same buttons.
    const pointPosts = fake
      .of("chat.postMessage")
      .filter((c) => !c.args.thread_ts && texts(c).includes("point_note"));
    expect(pointPosts).toHaveLength(11);
    const stored = (await r.entries.forDiscussion(wsId, id)).map((e) => String(e.data.text ?? ""));
    for (const text of notes) expect(stored.filter((s) => s === text)).toHaveLength(1);
    expect((await r.summaries.list(wsId, id)).map((s) => s.version)).toEqual([1]);
    const summaries = fake
      .of("chat.postMessage")
      .filter((c) => String(c.args.text).startsWith("Referat af den årlige"));
    expect(summaries).toHaveLength(1);
    expect(fake.of("pins.add")).toHaveLength(1);
    const [reminder] = (await r.reminders.list(wsId)).filter((x) => x.subjectId === "many");
    expect(reminder?.status).toBe("sent");
    expect(
      fake.of("chat.postMessage").filter((c) => texts(c).includes("Den seneste APV er fra")),
    ).toHaveLength(1);
    expect(
      fake.of("chat.postEphemeral").filter((c) => String(c.args.text).includes("En anden har lige ændret")),
    ).toHaveLength(1);
    // Every instance, the one started late too, had its share of the requests.
    for (const i of instances) expect(proxy.sent).toContain(i.url);
  }, 150_000);
});
