import { App } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { postponeCard, preInputCard } from "../../adapters/cards/actions/form.ts";
import { handlerFor } from "../../adapters/cards/actions/index.ts";
import { formCard } from "../../adapters/cards/draw/form.ts";
import { completenessCard } from "../../adapters/cards/draw/other.ts";
import { pointCards } from "../../adapters/cards/draw/point.ts";
import { render as renderCards } from "../../adapters/cards/draw/render.ts";
import { roundCard } from "../../adapters/cards/draw/round.ts";
import { planCard, setupCard } from "../../adapters/cards/draw/setup.ts";
import { summaryCards } from "../../adapters/cards/draw/summary.ts";
import type { SlackDeps } from "../../adapters/slack/context.ts";
import { registerListeners } from "../../adapters/slack/listeners/index.ts";
import { changeModal, removeModal } from "../../adapters/slack/render/change-modals.ts";
import { formModal } from "../../adapters/slack/render/forms.ts";
import { render as renderSlack } from "../../adapters/slack/render/message.ts";
import { roundModal } from "../../adapters/slack/render/round-modal.ts";
import {
  concludeReasonModal,
  planModal,
  postponeModal,
  preInputModal,
  setupModal,
} from "../../adapters/slack/render/setup-modals.ts";
import type { OutboundMessage, PointView } from "../../src/app/chat-port.ts";
import { formSpec } from "../../src/app/forms.ts";
import { ALL_ACTIONS, actionById, type CompletenessView, type RoundForm } from "../../src/app/index.ts";
import type { Db } from "../../src/store/db.ts";
import { setUpWorkspace, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";

const ids = (kind: string) => ALL_ACTIONS.filter((a) => a.kind === kind).map((a) => a.id);

describe("the catalogue of user actions", () => {
  it("names each action once", () => {
    const all = ALL_ACTIONS.map((a) => a.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it("is routed on Slack: a Bolt listener for every button and every form", () => {
    const app = new App({ token: "xoxb-test", signingSecret: "test", tokenVerificationEnabled: false });
    const action = vi.spyOn(app, "action");
    const view = vi.spyOn(app, "view");
    // Registering reads none of the dependencies; they are used when a request comes.
    registerListeners(app, {} as SlackDeps);
    expect(action.mock.calls.map((c) => c[0]).sort()).toEqual(ids("button").sort());
    expect(view.mock.calls.map((c) => c[0]).sort()).toEqual(ids("submit").sort());
  });

  it("is routed on the cards: a handler for every action", () => {
    for (const { id } of ALL_ACTIONS) expect(handlerFor(id), id).not.toBeNull();
  });
});

/** Every Slack button in the blocks: its action_id and its value. */
function slackButtons(blocks: unknown): { id: string; value: unknown }[] {
  const found: { id: string; value: unknown }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.type === "button" && typeof o.action_id === "string")
      found.push({ id: o.action_id, value: JSON.parse(String(o.value)) });
    Object.values(o).forEach(walk);
  };
  walk(blocks);
  return found;
}

/** Every Action.Execute on the cards: its verb and its data without the inputs. */
function cardActions(cards: unknown): { id: string; value: unknown }[] {
  const found: { id: string; value: unknown }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.type === "Action.Execute") found.push({ id: String(o.verb), value: o.data });
    Object.values(o).forEach(walk);
  };
  walk(cards);
  return found;
}

/** Each drawn action is one of the catalogue's, of the kind its surface takes, with a payload its schema accepts. */
function expectCatalogued(drawn: { id: string; value: unknown }[], kinds: string[]) {
  for (const { id, value } of drawn) {
    const action = actionById(id);
    expect(action?.kind, id).toBeOneOf(kinds);
    const parsed = action?.payload.safeParse(value);
    expect(parsed?.success, `${id} ${JSON.stringify(value)}`).toBe(true);
  }
}

describe("what the renderers draw, for a whole discussion", () => {
  let db: Db;
  const messages: OutboundMessage[] = [];
  let points: PointView[] = [];
  let completeness: CompletenessView["completeness"];
  let context: Awaited<ReturnType<typeof setUpWorkspace>>;
  beforeAll(async () => {
    db = await DRIVERS[0]!.open();
    const { core, chat } = testCore(db);
    context = await setUpWorkspace(core);
    const { employer } = context;
    let { discussion } = await core.start(employer, {}, null);
    // A point with something recorded offers "Ret eller fjern".
    await core.record(
      employer,
      { discussionId: discussion.id, point: 1, kind: "note", data: { text: "Note" } },
      null,
    );
    for (let point = 1; point < 11; point++)
      ({ discussion } = await core.move(
        employer,
        { discussionId: discussion.id, expectedVersion: discussion.version, move: { type: "next" } },
        null,
      ));
    points = (await Promise.all(AGENDA_POINTS.map((p) => core.pointView(employer, discussion.id, p)))).filter(
      (v): v is PointView => v !== null,
    );
    const check = await core.conclude(
      employer,
      { discussionId: discussion.id, expectedVersion: discussion.version },
      null,
    );
    if (check.concluded) throw new Error("expected something missing");
    completeness = check.completeness;
    await core.conclude(
      employer,
      { discussionId: discussion.id, expectedVersion: discussion.version, overrideReason: "Prøve" },
      null,
    );
    for (const sent of chat.sent) if (sent.message) messages.push(sent.message);
    const text = (actions: NonNullable<Extract<OutboundMessage, { kind: "text" }>["view"]["actions"]>) => ({
      kind: "text" as const,
      view: { language: "da" as const, text: "Påmindelse", actions },
    });
    messages.push(
      text([
        { type: "start", discussionId: discussion.id },
        { type: "pre_input", discussionId: discussion.id },
        { type: "round_open", discussionId: discussion.id },
      ]),
      text([
        { type: "entry_done", entryId: "E1" },
        { type: "entry_postpone", entryId: "E1" },
      ]),
      text([
        {
          type: "save_reply",
          reply: { channel: "C1", threadId: "1.0", messageId: "2.0", text: "Svar" },
          writerId: "U1",
        },
      ]),
      {
        kind: "completeness",
        view: { discussionId: discussion.id, version: discussion.version, language: "da", completeness },
      },
      {
        kind: "announcement",
        view: {
          discussionId: discussion.id,
          year: 2026,
          language: "da",
          timeZone: "Europe/Copenhagen",
          scheduledAt: new Date("2026-12-10T09:00:00Z"),
          durationMinutes: 90,
          location: "Mødelokale 2",
          participants: ["Mette Hansen"],
          participation: "AMO",
          agenda: [{ number: 1, title: "Valg af referent" }],
          rescheduled: false,
        },
      },
      ...points.map((view) => ({
        kind: "point" as const,
        view: { ...view, isCurrent: true, discussionStatus: "running" as const },
      })),
    );
  });
  afterAll(async () => db?.close());

  it("covers the buttons of every kind of message", () => {
    const kinds = new Set(messages.map((m) => m.kind));
    for (const kind of ["board", "point", "summary", "text", "completeness", "announcement"])
      expect(kinds).toContain(kind);
  });

  it("on Slack: buttons with the catalogue's ids and values, and forms the catalogue names", () => {
    const drawn = messages.flatMap((m) => slackButtons(renderSlack(m).pages));
    expectCatalogued(drawn, ["button"]);
    const seen = new Set(drawn.map((d) => d.id));
    for (const id of ids("button")) expect(seen, id).toContain(id);

    const { workspace } = context;
    const spec = formSpec("decision", { language: "da", members: [], carriedGoals: [] });
    const modals = [
      setupModal(workspace, [], "C1"),
      planModal(workspace, "C1"),
      concludeReasonModal("da", ""),
      postponeModal("da", ""),
      preInputModal("da", "", [{ number: 1, title: "Valg" }]),
      roundModal(roundForm(points[0]!.discussionId)),
      formModal(spec, "entry_form", "", "da"),
      changeModal("da", [{ id: "E1", kind: "note", label: "Note: Tekst" }], ""),
      removeModal("da", 1, "Note: Tekst", ""),
    ];
    for (const modal of modals) expect(actionById(String(modal.callback_id))?.kind).toBe("submit");
  });

  it("on the cards: Action.Execute verbs with the catalogue's ids and data", () => {
    const { workspace } = context;
    const discussionId = points[0]!.discussionId;
    const withForm = points.flatMap((view) => {
      const spec = formSpec(view.form ?? "note", { language: "da", members: [], carriedGoals: [] });
      return pointCards(view, { form: { spec, members: [], entryId: "E1" } });
    });
    const changing = points.flatMap((view) => [
      ...pointCards(view, { changing: { entries: [{ id: "E1", kind: "note", label: "Note: Tekst" }] } }),
      ...pointCards(view, { changing: { remove: { entryId: "E1", label: "Note: Tekst" } } }),
    ]);
    // Conclude and approve are drawn for those who may use them: here the employer's own cards.
    const viewer = context.employer.actor.userId;
    const employers = [
      ...points.flatMap((view) => pointCards(view, { viewer })),
      ...messages.flatMap((m) => (m.kind === "summary" ? summaryCards(m.view, viewer) : [])),
    ];
    const cards = [
      ...messages.flatMap((m) => renderCards(m).cards),
      ...withForm,
      ...changing,
      ...employers,
      formCard({ discussionId, point: 5, form: "goal", language: "da", timeZone: "Europe/Copenhagen" }),
      setupCard(workspace, [], [], { actorId: "U1", actorName: "Mette", canHost: true }),
      planCard("da", []),
      completenessCard({ discussionId, version: 3, language: "da", completeness }),
      preInputCard("da", discussionId),
      roundCard(roundForm(discussionId)),
      postponeCard("da", "E1"),
    ];
    const drawn = cardActions(cards).map(({ id, value }) => ({ id, value: withoutInputs(value) }));
    expectCatalogued(drawn, ["button", "submit", "close", "refresh"]);
    const seen = new Set(drawn.map((d) => d.id));
    // Conclude anyway asks for the reason in the completeness card itself, so the cards draw no button for it.
    for (const { id } of ALL_ACTIONS.filter((a) => a.id !== "discussion_conclude_anyway"))
      expect(seen, id).toContain(id);
  });
});

/** The preparation round's form as the core gives it. */
const roundForm = (discussionId: string): RoundForm => ({
  discussionId,
  language: "da",
  anonymous: false,
  title: "Input",
  intro: "Skriv",
  fields: [4, 5, 6, 7, 8].map((point) => ({ point, label: `Punkt ${point}`, value: "" })),
  figures: { accidents: "Ulykker", nearMisses: "Nærved", value: { accidents: null, nearMisses: null } },
});

const AGENDA_POINTS = Array.from({ length: 11 }, (_, i) => i + 1);

const withoutInputs = (data: unknown) =>
  Object.fromEntries(
    Object.entries((data ?? {}) as Record<string, unknown>).filter(([k]) => !k.startsWith("f.")),
  );
