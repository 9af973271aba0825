import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, LEADER, REP, SlackApp, texts, waitFor } from "../helpers/slack-app.ts";
import type { SlackDriver } from "../helpers/slack-driver.ts";

type Block = { type: string; block_id?: string; element?: Record<string, unknown> };
type Modal = Record<string, unknown> & { blocks: Block[] };
type Answer = { response_action?: string; view?: Modal };

const elementOf = (view: Modal, id: string) => view.blocks.find((b) => b.block_id === id)?.element ?? {};
const optionsOf = (view: Modal) =>
  (elementOf(view, "entry").options as { value: string; text: { text: string } }[]).map((o) => ({
    id: o.value,
    label: o.text.text,
  }));

/** "Ret eller fjern" on a point's message: a mistake corrected or taken out before the record is concluded. */
describe("Slack: changing or removing an entry", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  const opened = async (slack: SlackDriver, user: typeof REP, actionId: string) =>
    (await app.fake.after("views.open", () => slack.click(user, actionId, slack.button(actionId).value))).args
      .view as Modal;
  const answerOf = async (response: Response) => (await response.json()) as Answer;

  async function withEntries() {
    const started = await app.started();
    const { slack, workspace, discussion } = started;
    await slack.submit(REP, await opened(slack, REP, "point_decision"), {
      text: "Nye stole",
      owner: REP.id,
      deadline: "2027-01-31",
    });
    await slack.submit(EMPLOYER, await opened(slack, EMPLOYER, "point_note"), { text: "Mettes note" });
    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 2);
    await waitFor(async () =>
      app.fake.calls.some((c) => c.method === "chat.update" && texts(c).includes("point_change")),
    );
    return started;
  }

  it("opens the writer's own entry filled in, saves the change to it, and removes it once confirmed", async () => {
    const { fake } = app;
    const { slack, workspace, discussion } = await withEntries();
    const entries = () => app.entries(workspace.id, discussion.id);

    const choose = await opened(slack, REP, "point_change");
    const decisionId = (await entries()).find((e) => e.kind === "decision")?.id as string;
    // Ali sees only what he wrote; the note is Mette's.
    expect(optionsOf(choose)).toEqual([{ id: decisionId, label: "Beslutning: Nye stole (Åben)" }]);
    const form = (await answerOf(await slack.submit(REP, choose, { entry: decisionId, what: "edit" }, "V1")))
      .view as Modal;
    expect(elementOf(form, "text").initial_value).toBe("Nye stole");
    expect(elementOf(form, "owner").initial_user).toBe(REP.id);
    expect(elementOf(form, "deadline").initial_date).toBe("2027-01-31");
    await slack.submit(REP, form, { text: "Hæve-sænkeborde", owner: REP.id, deadline: "2027-02-28" }, "V1");
    await waitFor(async () =>
      (await entries()).some((e) => (e.data as { text: string }).text === "Hæve-sænkeborde"),
    );
    const changed = (await entries()).filter((e) => e.kind === "decision");
    expect(changed.map((e) => [e.id, e.deadline])).toEqual([[decisionId, "2027-02-28"]]);
    await waitFor(async () =>
      fake.calls.some((c) => c.method === "chat.update" && texts(c).includes("Hæve-sænkeborde")),
    );

    const again = await opened(slack, REP, "point_change");
    const asked = await answerOf(await slack.submit(REP, again, { entry: decisionId, what: "remove" }, "V2"));
    expect(asked.response_action).toBe("update");
    expect(JSON.stringify(asked.view?.blocks)).toContain("Vil du fjerne denne registrering fra punkt 1?");
    expect(JSON.stringify(asked.view?.blocks)).toContain("Hæve-sænkeborde");
    // "Fjern" pressed twice: removed once, and no one is told of a failure.
    const from = fake.calls.length;
    await Promise.all([1, 2].map(() => slack.submit(REP, asked.view as Modal, {}, "V2")));
    await waitFor(async () => !(await entries()).some((e) => e.kind === "decision"));
    await waitFor(async () => {
      const updates = fake.calls.slice(from).filter((c) => c.method === "chat.update");
      return updates.length > 0 && !texts(updates.at(-1)).includes("Hæve-sænkeborde");
    });
    expect((await entries()).map((e) => (e.data as { text: string }).text)).toEqual(["Mettes note"]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const dms = fake.calls
      .slice(from)
      .filter((c) => c.method === "chat.postMessage" && c.args.channel === REP.id);
    expect(dms).toEqual([]);
  });

  it("offers nothing to someone who wrote nothing there, and refuses another's entry sent anyway", async () => {
    const { fake } = app;
    const { slack, workspace, discussion } = await withEntries();
    const told = await fake.after("chat.postEphemeral", () =>
      slack.click(LEADER, "point_change", slack.button("point_change").value),
    );
    expect(texts(told)).toContain("Der er ikke noget ved punkt 1, som du kan rette eller fjerne.");

    // The organiser may change anything written at the meeting; Ali's modal, forged with Mette's note, may not.
    const choose = await opened(slack, REP, "point_change");
    const before = await app.entries(workspace.id, discussion.id);
    const note = before.find((e) => e.kind === "note")?.id as string;
    const refused = await fake.afterDm(REP.id, () =>
      slack.submit(REP, choose, { entry: note, what: "remove" }),
    );
    expect(texts(refused)).toContain("Kun den, der skrev registreringen, eller mødelederen kan ændre");
    const organiser = await opened(slack, EMPLOYER, "point_change");
    expect(optionsOf(organiser).map((o) => o.label)).toEqual([
      "Note: Mettes note",
      "Beslutning: Nye stole (Åben)",
    ]);
    expect(await app.entries(workspace.id, discussion.id)).toEqual(before);
  });
});
