import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preInputModal } from "../../adapters/slack/render/setup-modals.ts";
import { EMPLOYER, REP, SlackApp, texts, waitFor } from "../helpers/slack-app.ts";
import { viewProblems } from "../helpers/slack-blockkit.ts";
import type { SlackDriver } from "../helpers/slack-driver.ts";

type Block = { type: string; block_id?: string; text?: { text: string }; element?: Record<string, unknown> };
type ModalAnswer = { response_action?: string; view?: { blocks: Block[] }; errors?: Record<string, string> };

/** A modal submit's answer to Slack: the view to show instead, field errors, or nothing (the modal closes). */
async function answerOf(res: Response): Promise<ModalAnswer | null> {
  expect(res.status).toBe(200);
  const body = await res.text();
  return body ? (JSON.parse(body) as ModalAnswer) : null;
}

/** The newest button `actionId` on agenda point `point`'s message. */
function pointButton(slack: SlackDriver, actionId: string, point: number): string {
  for (const call of [...slack.fake.calls].reverse()) {
    if (!["chat.postMessage", "chat.update"].includes(call.method)) continue;
    for (const block of (call.args.blocks as { elements?: { action_id?: string; value?: string }[] }[]) ?? [])
      for (const el of block.elements ?? [])
        if (el.action_id === actionId && el.value && JSON.parse(el.value).p === point) return el.value;
  }
  throw new Error(`no ${actionId} button on point ${point}`);
}

/** The newest message the bot posted or updated for agenda point `point`. */
function pointMessage(slack: SlackDriver, point: number, language: "da" | "en" = "da") {
  const head = language === "da" ? `Punkt ${point} af 11` : `Point ${point} of 11`;
  const calls = slack.fake.calls.filter((c) => ["chat.postMessage", "chat.update"].includes(c.method));
  const found = [...calls].reverse().find((c) => String(c.args.text).startsWith(head));
  if (!found) throw new Error(`no message for point ${point}`);
  return found;
}

const notes = async (app: SlackApp, workspaceId: string, discussionId: string) =>
  (await app.entries(workspaceId, discussionId)).map((e) => (e.data as { text?: string }).text);

/**
 * A note that names a person on the roster together with a health word is not saved at once: the modal shows the
 * warning with "Gem alligevel" to tick, a thread reply's writer alone is told with a button to save it anyway, and
 * the confirmed save records one note however often it is sent.
 */
describe("Slack: names and health in notes, saved only when confirmed", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  it("warns in the note modal, keeps what was written, and saves once when 'Gem alligevel' is ticked", async () => {
    const { slack, workspace, discussion } = await app.started();
    const { fake } = app;
    const opened = await fake.after("views.open", () =>
      slack.click(EMPLOYER, "point_note", slack.button("point_note").value),
    );
    const modal = opened.args.view as Record<string, unknown>;
    const text = "Ali er sygemeldt med stress, så punktet venter";
    // Slack keeps a modal's id when it is shown again: every submit below is the same view.
    const viewId = "V_HEALTH_1";

    const warned = await answerOf(await slack.submit(EMPLOYER, modal, { text }, viewId));
    expect(warned?.response_action).toBe("update");
    const view = warned?.view as unknown as Record<string, unknown> & { blocks: Block[] };
    expect(viewProblems(view)).toEqual([]);
    expect(view.blocks[0]?.text?.text).toContain(
      "Ikke gemt endnu: teksten nævner Ali Nielsen sammen med et ord om helbred. Ret teksten, eller gem alligevel.",
    );
    const field = view.blocks.find((b) => b.block_id === "text");
    expect(field?.element?.initial_value).toBe(text);
    const box = view.blocks.find((b) => b.block_id === "health_confirm");
    expect(JSON.stringify(box)).toContain("Gem alligevel");
    expect(JSON.stringify(box)).toContain("Ja, gem teksten, som den står");
    expect(await notes(app, workspace.id, discussion.id)).toEqual([]);

    // Sent again without the tick: said under the box, still nothing saved.
    const unticked = await answerOf(await slack.submit(EMPLOYER, view, { text }, viewId));
    expect(unticked).toEqual({
      response_action: "errors",
      errors: {
        health_confirm: "Sæt flueben ved “Gem alligevel”, eller ret teksten, så den ikke nævner navnet.",
      },
    });
    expect(await notes(app, workspace.id, discussion.id)).toEqual([]);

    // Ticked: the modal closes and the note is saved and shown; sent twice (a retry, a double click), saved once.
    const ticked = { text, health_confirm: ["yes"] };
    expect(await answerOf(await slack.submit(EMPLOYER, view, ticked, viewId))).toBeNull();
    await waitFor(() => fake.of("chat.update").some((c) => texts(c).includes("Ali er sygemeldt med stress")));
    expect(await answerOf(await slack.submit(EMPLOYER, view, ticked, viewId))).toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    expect(await notes(app, workspace.id, discussion.id)).toEqual([text]);

    // A health word without a name, or a name without one, is saved at once.
    for (const plain of ["Stress er årets fokusområde", "Ali står for indkaldelsen"]) {
      const again = await fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_note", slack.button("point_note").value),
      );
      expect(
        await answerOf(await slack.submit(EMPLOYER, again.args.view as never, { text: plain })),
      ).toBeNull();
    }
    await waitFor(async () => (await notes(app, workspace.id, discussion.id)).length === 3);
  });

  it("warns in the modal when a saved note is edited to name someone with a health word", async () => {
    const { slack, workspace, discussion } = await app.started();
    const open = () =>
      app.fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_note", slack.button("point_note").value),
      );
    const first = (await open()).args.view as Record<string, unknown>;
    expect(await answerOf(await slack.submit(EMPLOYER, first, { text: "Ali tager referat" }))).toBeNull();
    await waitFor(async () => (await notes(app, workspace.id, discussion.id)).length === 1);
    const [saved] = await app.entries(workspace.id, discussion.id);
    // The same modal opened to change that note: its metadata names the entry.
    const modal = (await open()).args.view as Record<string, unknown>;
    const meta = { ...JSON.parse(String(modal.private_metadata)), e: saved?.id };
    const editing = { ...modal, private_metadata: JSON.stringify(meta) };
    const text = "Ali er sygemeldt med stress";
    const warned = await answerOf(await slack.submit(EMPLOYER, editing, { text }, "V_EDIT_1"));
    expect(warned?.response_action).toBe("update");
    expect(warned?.view?.blocks[0]?.text?.text).toContain("Ikke gemt endnu: teksten nævner Ali Nielsen");
    expect(await notes(app, workspace.id, discussion.id)).toEqual(["Ali tager referat"]);

    const view = warned?.view as unknown as Record<string, unknown>;
    expect(
      await answerOf(await slack.submit(EMPLOYER, view, { text, health_confirm: ["yes"] }, "V_EDIT_1")),
    ).toBeNull();
    await waitFor(async () => (await notes(app, workspace.id, discussion.id))[0] === text);
  });

  it("holds a thread reply back, tells its writer alone why, and saves it once from the button", async () => {
    const { slack, workspace, discussion, threadOf } = await app.started();
    const { fake } = app;
    const ts = "1764000000.000111";
    const told = await fake.after("chat.postEphemeral", () =>
      slack.message(REP, "Mette har fået konstateret migræne", threadOf(1), { ts }),
    );
    expect(told.args.user).toBe(REP.id);
    expect(told.args.thread_ts).toBe(threadOf(1));
    expect(String(told.args.text)).toBe(
      "Dit svar under punkt 1 er ikke gemt som note endnu: det nævner Mette Hansen sammen med et ord om helbred. Oplysninger om en navngiven persons helbred er følsomme personoplysninger, og alle i kanalen kan læse referatet. Ret svaret, eller skriv det igen uden navnet. Skal det stå, som det er, så tryk “Gem alligevel”.",
    );
    expect(fake.of("chat.postMessage").filter((c) => texts(c).includes("migræne"))).toEqual([]);
    expect(await notes(app, workspace.id, discussion.id)).toEqual([]);

    const button = slack.button("reply_save");
    expect(JSON.parse(button.value)).toEqual({ c: "C_AMO", t: threadOf(1), m: ts });
    const saved = await fake.after("chat.postEphemeral", () => slack.click(REP, "reply_save", button.value));
    expect(saved.args.user).toBe(REP.id);
    expect(String(saved.args.text)).toBe("Dit svar er gemt som note under punkt 1.");
    await fake.after("chat.postEphemeral", () => slack.click(REP, "reply_save", button.value));
    expect(await notes(app, workspace.id, discussion.id)).toEqual(["Mette har fået konstateret migræne"]);
    const [note] = await app.entries(workspace.id, discussion.id);
    expect([note?.point, note?.authorId, note?.source]).toEqual([1, REP.id, "thread"]);
    await waitFor(() => texts(pointMessage(slack, 1)).includes("Mette har fået konstateret migræne"));

    // Someone else pressing the writer's button saves nothing in their name.
    const other = await fake.after("chat.postEphemeral", () =>
      slack.click(EMPLOYER, "reply_save", button.value),
    );
    expect(String(other.args.text)).toBe("Svaret findes ikke længere i tråden, så der er intet at gemme.");
    expect(await app.entries(workspace.id, discussion.id)).toHaveLength(1);
  });

  it("warns in the form for input before the meeting too, keeping the point chosen", async () => {
    const { slack, workspace, discussion } = await app.started();
    const modal = preInputModal("da", JSON.stringify({ d: discussion.id, k: "pre_input" }), [
      { number: 3, title: "Meddelelser fra ledelsen" },
      { number: 5, title: "Instruktion og oplæring" },
    ]) as unknown as Record<string, unknown>;
    const values = { point: "5", text: "Søren fik en hjernerystelse sidste år" };
    const warned = await answerOf(await slack.submit(EMPLOYER, modal, values, "V_PRE_1"));
    const view = warned?.view as unknown as Record<string, unknown> & { blocks: Block[] };
    expect(viewProblems(view)).toEqual([]);
    expect(view.blocks[0]?.text?.text).toContain(
      "teksten nævner Søren Østergaard sammen med et ord om helbred",
    );
    expect(view.blocks.find((b) => b.block_id === "point")?.element?.initial_option).toMatchObject({
      value: "5",
    });
    expect(await app.entries(workspace.id, discussion.id)).toEqual([]);
    const ticked = { ...values, health_confirm: ["yes"] };
    expect(await answerOf(await slack.submit(EMPLOYER, view, ticked, "V_PRE_1"))).toBeNull();
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 1);
    const [note] = await app.entries(workspace.id, discussion.id);
    expect([note?.point, note?.source, note?.data]).toEqual([5, "pre_input", { text: values.text }]);
  });

  it("warns and saves anyway in English too, in a decision's text", async () => {
    const { slack, workspace, discussion, threadOf } = await app.started("en");
    const { fake } = app;
    const opened = await fake.after("views.open", () =>
      slack.click(EMPLOYER, "point_decision", slack.button("point_decision").value),
    );
    const values = {
      text: "Ali is off sick, so the stairs survey waits",
      owner: REP.id,
      deadline: "2027-02-01",
    };
    const warned = await answerOf(await slack.submit(EMPLOYER, opened.args.view as never, values, "V_EN_1"));
    const view = warned?.view as unknown as Record<string, unknown> & { blocks: Block[] };
    expect(view.blocks[0]?.text?.text).toContain(
      "Not saved yet: the text names Ali Nielsen together with a word about health. Change the text, or save anyway.",
    );
    expect(view.blocks.find((b) => b.block_id === "owner")?.element?.initial_user).toBe(REP.id);
    expect(view.blocks.find((b) => b.block_id === "deadline")?.element?.initial_date).toBe("2027-02-01");
    expect(JSON.stringify(view.blocks.at(-1))).toContain("Yes, save the text as it stands");
    const ticked = { ...values, health_confirm: ["yes"] };
    expect(await answerOf(await slack.submit(EMPLOYER, view, ticked, "V_EN_1"))).toBeNull();
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 1);
    expect((await app.entries(workspace.id, discussion.id))[0]?.data).toMatchObject({ text: values.text });

    // Birgitte is no one on this roster: a health word alone is saved at once.
    await slack.message(REP, "Birgitte is pregnant", threadOf(1), { ts: "1764000000.000222" });
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 2);
    const held = await fake.after("chat.postEphemeral", () =>
      slack.message(REP, "Mette has a doctor's note", threadOf(1), { ts: "1764000000.000333" }),
    );
    expect(String(held.args.text)).toContain(
      "Your reply under point 1 is not saved as a note yet: it names Mette Hansen together with a word about health.",
    );
    expect(texts(held)).toContain("Save anyway");
  });

  it("says on point 7's message during the first meeting that there are no goals to assess", async () => {
    for (const language of ["da", "en"] as const) {
      const { slack } = await app.started(language);
      for (let point = 1; point < 7; point++) {
        const next = pointButton(slack, "point_next", point);
        await app.fake.after("chat.postMessage", () => slack.click(EMPLOYER, "point_next", next));
      }
      const line =
        language === "da"
          ? "Botten har ingen drøftelse fra sidste år."
          : "The bot holds no discussion from last year.";
      await waitFor(() => texts(pointMessage(slack, 7, language)).includes(line));
      expect(texts(pointMessage(slack, 6, language))).not.toContain(line);
    }
  });
});
