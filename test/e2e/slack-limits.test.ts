import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, REP, SlackApp, waitFor } from "../helpers/slack-app.ts";

/** User text that tries every trick: mentions, broadcasts, links, and entities that grow when escaped. */
const HOSTILE = "<!channel> <!here> <@U_EMP> <https://evil.example|klik> *fed* & ";
const long = (n: number, seed: string) => `${seed} ${HOSTILE}${"Støj & lys <> ".repeat(400)}`.slice(0, n);

/** Long and hostile content through Slack: nothing Slack would reject is sent, nothing is injected, nothing is lost. */
describe("Slack: Block Kit limits and safe rendering", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  it("splits a very long discussion across messages and escapes every user text", async () => {
    const { fake } = app;
    const { slack, workspace, discussion, threadOf } = await app.started();

    // 45 long thread replies on point 1.
    for (let i = 0; i < 45; i++) await slack.message(REP, long(2900, `Note ${i}`), threadOf(1));
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 45, 20_000);

    // 25 long decisions through the modal.
    for (let i = 0; i < 25; i++) {
      const view = (
        await fake.after("views.open", () =>
          slack.click(EMPLOYER, "point_decision", slack.button("point_decision").value),
        )
      ).args.view as Record<string, unknown>;
      const res = await slack.submit(EMPLOYER, view, {
        text: long(1000, `Beslutning ${i}`),
        owner: REP.id,
        deadline: "2027-06-30",
      });
      expect(await res.text()).toBe("");
    }
    // The modal closes at once and the entry is recorded right after: wait for the last one.
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 70);

    // Concluded early, with a reason full of characters that grow fivefold when escaped.
    const before = fake.calls.length;
    await fake.after("chat.postEphemeral", () =>
      slack.click(EMPLOYER, "discussion_conclude", slack.button("discussion_conclude").value),
    );
    await fake.after("views.open", () =>
      slack.click(EMPLOYER, "discussion_conclude_anyway", slack.button("discussion_conclude_anyway").value),
    );
    await slack.submit(EMPLOYER, slack.lastModal(), { reason: "&".repeat(990) });
    await waitFor(() => fake.of("pins.add").length > 0 || fake.refused().length > 0, 15_000);
    await waitFor(
      () => fake.of("files.completeUploadExternal").length > 0 || fake.refused().length > 0,
      15_000,
    );

    // Slack refused nothing the app sent, in the whole discussion.
    expect(fake.refused().map((c) => [c.method, c.refusal])).toEqual([]);

    // The summary runs over several messages: the pinned first one, the rest in its thread.
    const summary = fake.calls
      .slice(before)
      .filter((c) => c.method === "chat.postMessage" && String(c.args.text).startsWith("Referat"));
    expect(summary.length).toBeGreaterThan(1);
    const first = summary[0] as (typeof summary)[number];
    const pinned = fake.last("pins.add");
    expect(pinned?.args.channel).toBe("C_AMO");
    for (const page of summary.slice(1)) expect(page.args.thread_ts).toBeDefined();
    const shown = summary.map((c) => JSON.stringify(c.args.blocks)).join("");
    for (let i = 0; i < 25; i++) expect(shown).toContain(`Beslutning ${i}`);
    expect(shown).toContain("&amp;".repeat(100));
    expect(first.args.blocks).toBeDefined();

    // The Markdown document holds every note in full.
    const md = [...fake.uploads.values()].map(String).find((f) => f.includes("# Referat")) ?? "";
    for (let i = 0; i < 45; i++) expect(md).toContain(`Note ${i} `);

    // An approval updates the pinned message; the pages in its thread are not posted again.
    const pages = () =>
      fake.of("chat.postMessage").filter((c) => c.args.thread_ts === pinned?.args.timestamp).length;
    const pagesBefore = pages();
    const approved = fake.calls.length;
    await fake.after("chat.postEphemeral", () =>
      slack.click(EMPLOYER, "summary_approve", slack.button("summary_approve").value),
    );
    await fake.until("chat.update", (c) => c.args.ts === pinned?.args.timestamp, approved);
    expect(pages()).toBe(pagesBefore);

    // No user text became a mention, a broadcast or a link, anywhere the bot wrote.
    for (const call of fake.calls) {
      const sent = JSON.stringify({ text: call.args.text, blocks: call.args.blocks, view: call.args.view });
      expect(sent).not.toContain("<!channel>");
      expect(sent).not.toContain("<!here>");
      expect(sent).not.toContain("<https://evil.example");
    }
  }, 60_000);

  it("answers opfølgning and referat with long content in pages Slack accepts", async () => {
    const DECISIONS = 125;
    const { fake } = app;
    const { slack } = await app.started();
    // Enough decisions that the follow-up, 24 items (each with its buttons) to a message, takes six messages.
    for (let i = 0; i < DECISIONS; i++) {
      const view = (
        await fake.after("views.open", () =>
          slack.click(EMPLOYER, "point_decision", slack.button("point_decision").value),
        )
      ).args.view as Record<string, unknown>;
      const res = await slack.submit(EMPLOYER, view, {
        text: long(1000, `Beslutning ${i}`),
        owner: REP.id,
        deadline: "2027-06-30",
      });
      expect(await res.text()).toBe("");
    }
    await fake.after("chat.postEphemeral", () =>
      slack.click(EMPLOYER, "discussion_conclude", slack.button("discussion_conclude").value),
    );
    await fake.after("views.open", () =>
      slack.click(EMPLOYER, "discussion_conclude_anyway", slack.button("discussion_conclude_anyway").value),
    );
    await fake.after("pins.add", () => slack.submit(EMPLOYER, slack.lastModal(), { reason: "Prøve" }));

    const answers = async (subcommand: string) => {
      const from = fake.calls.length;
      await slack.command(EMPLOYER, subcommand);
      // Bolt acks first and answers through response_url afterwards; the pages arrive one by one.
      let seen = -1;
      await waitFor(async () => {
        const now = fake.calls.slice(from).filter((c) => c.method.startsWith("respond")).length;
        const settled = now > 0 && now === seen;
        seen = now;
        if (!settled) await new Promise((r) => setTimeout(r, 150));
        return settled;
      }, 10_000);
      return fake.calls.slice(from).filter((c) => c.method.startsWith("respond"));
    };
    // A long answer: five through the response_url (all Slack takes), the rest as direct messages.
    const dmBefore = fake.of("chat.postMessage").filter((c) => c.args.channel === EMPLOYER.id).length;
    const followUp = await answers("opfølgning");
    expect(followUp.map((c) => [c.method, c.refusal])).toEqual(followUp.map(() => ["respond", undefined]));
    expect(followUp).toHaveLength(5);
    expect(String(followUp[4]?.args.text)).toBe(
      "Svaret er langt, så resten kommer som privat besked fra mig.",
    );
    const direct = fake
      .of("chat.postMessage")
      .filter((c) => c.args.channel === EMPLOYER.id)
      .slice(dmBefore);
    expect(direct.length).toBeGreaterThan(0);
    const listed = [...followUp, ...direct].map((c) => JSON.stringify(c.args.blocks ?? c.args.text)).join("");
    for (let i = 0; i < DECISIONS; i++) expect(listed).toContain(`Beslutning ${i} `);
    const buttons = listed.match(/"action_id":"entry_done"/g) ?? [];
    expect(buttons).toHaveLength(DECISIONS);

    const summary = await answers("referat");
    expect(summary.length).toBeGreaterThan(1);
    expect(summary.map((c) => [c.method, c.refusal])).toEqual(summary.map(() => ["respond", undefined]));
    const shown = summary.map((c) => JSON.stringify(c.args.blocks)).join("");
    for (let i = 0; i < 30; i++) expect(shown).toContain(`Beslutning ${i} `);
    expect(fake.refused().map((c) => [c.method, c.refusal])).toEqual([]);
  }, 60_000);
});
