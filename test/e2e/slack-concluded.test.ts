import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, REP, SlackApp, texts, waitFor } from "../helpers/slack-app.ts";
import type { SlackDriver } from "../helpers/slack-driver.ts";

type Block = {
  type: string;
  block_id?: string;
  accessory?: { action_id: string; value: string };
  elements?: { action_id?: string; value?: string; confirm?: unknown }[];
};

/** The buttons in a call's blocks (in actions blocks and as section accessories), with their values read. */
function buttonsOf(call: { args: Record<string, unknown> }) {
  const blocks = (call.args.blocks as Block[]) ?? [];
  const all = blocks.flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]);
  return all.filter((e) => e.action_id) as {
    action_id?: string;
    value?: string;
    confirm?: { title: { text: string }; text: { text: string } };
  }[];
}

/** The newest message the bot posted or updated for agenda point `point` (its header names the point). */
function pointMessage(slack: SlackDriver, point: number) {
  const calls = slack.fake.calls.filter((c) => ["chat.postMessage", "chat.update"].includes(c.method));
  const found = [...calls].reverse().find((c) => String(c.args.text).startsWith(`Punkt ${point} af 11`));
  if (!found) throw new Error(`no message for point ${point}`);
  return found;
}

/**
 * Concluding on Slack: the check (the law apart from good practice, a way back to each point), two people concluding
 * at once, the point messages' final state, and an addition to the record only as a confirmed, announced step.
 */
describe("Slack: concluded means concluded", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  it("checks honestly, tells the loser of a race it is concluded, and adds to the record only when confirmed", async () => {
    const { slack, workspace, discussion, threadOf } = await app.started();
    const { fake } = app;

    // The check is shown to the employer alone: law first, then good practice, each item with a button to its point.
    const check = await fake.after("chat.postEphemeral", () =>
      slack.click(EMPLOYER, "discussion_conclude", slack.button("discussion_conclude").value),
    );
    expect(check.args.user).toBe(EMPLOYER.id);
    const shown = texts(check);
    expect(shown.indexOf("*Lovkrav*")).toBeLessThan(shown.indexOf("*God praksis*"));
    expect(shown).toContain(
      "• Indholdet af det kommende års samarbejde om arbejdsmiljøet er ikke planlagt (punkt 8)",
    );
    expect(shown).toContain("• Det er ikke aftalt, hvem der indkalder til møderne (punkt 9)");
    // A first year with the bot still asks how last year's goals went (point 7), and says why.
    expect(shown).toContain("• Det er ikke vurderet, om sidste års mål blev nået (punkt 7)");
    expect(shown).toContain("Botten har ingen drøftelse fra sidste år.");
    const goto = buttonsOf(check).filter((b) => b.action_id === "point_goto");
    expect(goto.map((b) => JSON.parse(b.value as string).p)).toEqual([7, 8, 8, 9, 10, 6, 1, 4, 5, 9, 9, 9]);

    // "Gå til punkt 9" takes the meeting there.
    const toNine = goto.find((b) => JSON.parse(b.value as string).p === 9)?.value as string;
    await fake.after("chat.update", () => slack.click(EMPLOYER, "point_goto", toNine));
    expect((await app.repos.discussions.get(workspace.id, discussion.id))?.currentPoint).toBe(9);

    // Two concluding at once: one concludes, the other is told privately that it is concluded already.
    await fake.after("chat.postEphemeral", () =>
      slack.click(EMPLOYER, "discussion_conclude", slack.button("discussion_conclude").value),
    );
    const anyway = slack.button("discussion_conclude_anyway").value;
    const first = await fake.after("views.open", () =>
      slack.click(EMPLOYER, "discussion_conclude_anyway", anyway),
    );
    const second = await fake.after("views.open", () =>
      slack.click(EMPLOYER, "discussion_conclude_anyway", anyway),
    );
    const told = fake.afterDm(EMPLOYER.id, () =>
      Promise.all([
        slack.submit(EMPLOYER, first.args.view as Record<string, unknown>, {
          reason: "Resten tages i januar",
        }),
        slack.submit(EMPLOYER, second.args.view as Record<string, unknown>, {
          reason: "Resten tages i januar",
        }),
      ]),
    );
    expect(String((await told).args.text)).toBe(
      "Drøftelsen er allerede afsluttet, og referatet ligger i kanalen. Der er ikke mere at gøre her.",
    );
    await waitFor(async () => fake.of("pins.add").length === 1);
    expect(await app.repos.summaries.list(workspace.id, discussion.id)).toHaveLength(1);

    // Every point's message shows its final state: no buttons that record or move, only "Tilføj til referatet".
    await waitFor(() => buttonsOf(pointMessage(slack, 1)).some((b) => b.action_id === "point_amend"));
    for (const point of [1, 9]) {
      const ids = buttonsOf(pointMessage(slack, point)).map((b) => b.action_id);
      expect(ids).toEqual(["point_amend"]);
      expect(texts(pointMessage(slack, point))).toContain(
        "Drøftelsen er afsluttet. Sådan står punktet i referatet.",
      );
    }
    const amend = buttonsOf(pointMessage(slack, 9)).find((b) => b.action_id === "point_amend");
    expect(amend?.confirm?.title.text).toBe("Tilføj til referatet?");
    expect(amend?.confirm?.text.text).toContain("Den nye version skal godkendes igen.");

    // A form opened before the conclusion and sent after it records nothing: refused to its sender alone.
    const dm = await fake.afterDm(REP.id, () =>
      slack.submit(
        REP,
        {
          callback_id: "entry_form",
          private_metadata: JSON.stringify({ d: discussion.id, k: "note", p: 9 }),
          blocks: [{ type: "input", block_id: "text", element: { type: "plain_text_input" } }],
        },
        { text: "Uden om" },
      ),
    );
    expect(String(dm.args.text)).toContain("brug “Tilføj til referatet” på punktet");
    expect(await app.repos.summaries.list(workspace.id, discussion.id)).toHaveLength(1);

    // A reply in a point's thread is no longer a note: its writer alone is told how to add to the record.
    const reply = await fake.after("chat.postEphemeral", () =>
      slack.message(REP, "Husk kaffen", threadOf(1)),
    );
    expect(reply.args.user).toBe(REP.id);
    expect(String(reply.args.text)).toBe(
      "Dit svar er ikke gemt som note: drøftelsen er afsluttet. Skal det med i referatet, så brug “Tilføj til referatet” på punktet.",
    );
    expect((await app.entries(workspace.id, discussion.id)).map((e) => e.data)).not.toContainEqual({
      text: "Husk kaffen",
    });

    // Confirmed: the person alone is offered the point's forms as an addition, and the modal says what it means.
    const offer = await fake.after("chat.postEphemeral", () =>
      slack.click(EMPLOYER, "point_amend", amend?.value as string),
    );
    expect(offer.args.user).toBe(EMPLOYER.id);
    expect(texts(offer)).toContain("Du tilføjer til referatet under punkt 9.");
    const note = buttonsOf(offer).find((b) => b.action_id === "point_note");
    expect(JSON.parse(note?.value as string)).toMatchObject({ p: 9, a: 1 });
    const modal = await fake.after("views.open", () =>
      slack.click(EMPLOYER, "point_note", note?.value as string),
    );
    expect(texts(modal)).toContain("Tilføjelse til det afsluttede referat");

    // Saved: version 2, and the channel is told who is asked to approve it, by name: mentioned, so Slack notifies them.
    const announced = await fake.after("chat.postMessage", () =>
      slack.submit(EMPLOYER, modal.args.view as Record<string, unknown>, {
        text: "Efter mødet: møderne holdes den første tirsdag i kvartalet.",
      }),
    );
    expect(announced.args.channel).toBe("C_AMO");
    const asked =
      /^Mette Hansen har tilføjet til referatet under punkt 9 \(.+\)\. Referatet er nu version 2 og er ikke godkendt endnu\. (<@U_EMP> og <@U_REP>|<@U_REP> og <@U_EMP>): godkend venligst den nye version\.$/;
    expect(String(announced.args.text)).toMatch(asked);
    const [block] = announced.args.blocks as { text: { type: string; text: string } }[];
    expect(block?.text.type).toBe("mrkdwn");
    expect(block?.text.text).toMatch(asked);
    await waitFor(async () => (await app.repos.summaries.list(workspace.id, discussion.id)).length === 2);
    const latest = await app.repos.summaries.latest(workspace.id, discussion.id);
    expect(latest?.content).toContain("Efter mødet: møderne holdes den første tirsdag i kvartalet.");
  });

  it("lists open decisions with owner, deadline and status, each with done and postpone, in Danish and in English", async () => {
    for (const language of ["da", "en"] as const) {
      const { slack, workspace, discussion } = await app.started(language);
      const { fake } = app;
      const opened = await fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_decision", slack.button("point_decision").value),
      );
      await fake.after("chat.update", () =>
        slack.submit(EMPLOYER, opened.args.view as Record<string, unknown>, {
          text: "Nye stole",
          owner: REP.id,
          deadline: "2027-01-15",
        }),
      );
      const listed = await fake.after("respond", () => slack.command(EMPLOYER, "opfølgning"));
      expect(listed.args.response_type).toBe("ephemeral");
      expect(texts(listed)).toContain(
        language === "da"
          ? "Ansvarlig: Ali Nielsen · Frist: 15. januar 2027 · Status: åben"
          : "Owner: Ali Nielsen · Deadline: 15 January 2027 · Status: open",
      );
      const [entry] = await app.entries(workspace.id, discussion.id);
      const ids = buttonsOf(listed).map((b) => [b.action_id, JSON.parse(b.value as string)]);
      expect(ids).toEqual([
        ["entry_done", { e: entry?.id }],
        ["entry_postpone", { e: entry?.id }],
      ]);
      await fake.after("chat.postEphemeral", () =>
        slack.click(EMPLOYER, "entry_done", buttonsOf(listed)[0]?.value as string),
      );
      expect((await app.entries(workspace.id, discussion.id)).map((e) => e.status)).toEqual(["done"]);
    }
  });

  it("checks in English too: the law apart from good practice, and the race lost told plainly", async () => {
    const { slack, workspace, discussion } = await app.started("en");
    const { fake } = app;
    const check = await fake.after("chat.postEphemeral", () =>
      slack.click(EMPLOYER, "discussion_conclude", slack.button("discussion_conclude").value),
    );
    const shown = texts(check);
    expect(shown.indexOf("*Legal requirements*")).toBeLessThan(shown.indexOf("*Good practice*"));
    expect(shown).toContain("• How you cooperate and how often you meet has not been decided (point 9)");
    expect(shown).toContain("Go to point 9");
    expect(shown).toContain("BFA's advice for a good discussion. These are not legal requirements.");
    const anyway = slack.button("discussion_conclude_anyway").value;
    const modal = await fake.after("views.open", () =>
      slack.click(EMPLOYER, "discussion_conclude_anyway", anyway),
    );
    await slack.submit(EMPLOYER, modal.args.view as Record<string, unknown>, {
      reason: "The rest in January",
    });
    await waitFor(
      async () => (await app.repos.discussions.get(workspace.id, discussion.id))?.status === "concluded",
    );
    const late = await fake.after("chat.postEphemeral", () =>
      slack.click(
        EMPLOYER,
        "discussion_conclude",
        JSON.stringify({ d: discussion.id, v: discussion.version }),
      ),
    );
    expect(late.args.user).toBe(EMPLOYER.id);
    expect(String(late.args.text)).toBe(
      "The discussion is already concluded, and the minutes are in the channel. There is nothing more to do here.",
    );
  });
});
