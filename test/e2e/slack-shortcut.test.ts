import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, REP, SlackApp, waitFor } from "../helpers/slack-app.ts";
import { SlackDriver } from "../helpers/slack-driver.ts";

const MESSAGE = { text: "Lyset i kantinen flimrer stadig", ts: "1700000000.000100", user: REP.id };
const LINK = "https://slack.example/archives/C_AMO/p1700000000000100";

/** The message shortcuts: a message in the workplace's channel becomes a note or a decision, with a link back. */
describe("Slack: save a message as a note or decision", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  const modalFor = async (slack: SlackDriver, callbackId: string) =>
    (await app.fake.after("views.open", () => slack.messageShortcut(EMPLOYER, callbackId, MESSAGE))).args
      .view as Record<string, unknown>;
  const initialText = (view: Record<string, unknown>) =>
    (view.blocks as { block_id?: string; element?: { initial_value?: string } }[]).find(
      (b) => b.block_id === "text",
    )?.element?.initial_value;

  it("saves it on the point the meeting is at, as a note or as a decision, with the link to the message", async () => {
    const { slack, workspace, discussion } = await app.started();
    const note = await modalFor(slack, "message_to_note");
    expect(initialText(note)).toBe(`${MESSAGE.text}\n\nFra beskeden i kanalen: ${LINK}`);
    await slack.submit(EMPLOYER, note, { text: initialText(note) });
    const decision = await modalFor(slack, "message_to_decision");
    expect(initialText(decision)).toContain(MESSAGE.text);
    await slack.submit(EMPLOYER, decision, {
      text: initialText(decision),
      owner: REP.id,
      deadline: "2027-02-01",
    });
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 2);
    const stored = (await app.entries(workspace.id, discussion.id)).map((e) => [
      e.point,
      e.kind,
      e.data.text,
    ]);
    expect(stored).toEqual([
      [1, "note", `${MESSAGE.text}\n\nFra beskeden i kanalen: ${LINK}`],
      [1, "decision", `${MESSAGE.text}\n\nFra beskeden i kanalen: ${LINK}`],
    ]);
    expect(app.fake.refused()).toEqual([]);
  });

  it("makes it a proposal to the planned meeting between meetings, and refuses it outside the channel", async () => {
    const { fake } = app;
    const { slack, workspace } = await app.setUp();
    const none = await fake.after("chat.postEphemeral", () =>
      slack.messageShortcut(EMPLOYER, "message_to_note", MESSAGE),
    );
    expect(String(none.args.text)).toContain("Der er hverken en arbejdsmiljødrøftelse i gang eller planlagt");

    const plan = (await fake.after("views.open", () => slack.command(EMPLOYER, "planlæg"))).args.view;
    await fake.after("files.completeUploadExternal", () =>
      slack.submit(EMPLOYER, plan as Record<string, unknown>, {
        date: "2026-12-10",
        time: "10:00",
        location: "Mødelokale 2",
        channel: "C_AMO",
      }),
    );
    const proposal = await modalFor(slack, "message_to_note");
    expect(initialText(proposal)).toContain(MESSAGE.text);
    await slack.submit(EMPLOYER, proposal, { point: "10", text: initialText(proposal) });
    const discussion = (await app.repos.discussions.latest(workspace.id))!;
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 1);
    const [entry] = await app.entries(workspace.id, discussion.id);
    expect([entry?.point, entry?.source, entry?.data.text]).toEqual([
      10,
      "pre_input",
      `${MESSAGE.text}\n\nFra beskeden i kanalen: ${LINK}`,
    ]);

    const elsewhere = new SlackDriver(app.url, fake, slack.team, "C_RANDOM");
    const before = fake.of("views.open").length;
    const refused = await fake.after("chat.postEphemeral", () =>
      elsewhere.messageShortcut(EMPLOYER, "message_to_note", MESSAGE),
    );
    expect(String(refused.args.text)).toContain("Kun beskeder i kanalen for arbejdsmiljø");
    expect(refused.args.channel).toBe("C_RANDOM");
    expect(fake.of("views.open").length).toBe(before);
  });
});
