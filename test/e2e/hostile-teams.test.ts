import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cleanText } from "../../src/domain/entries.ts";
import {
  da,
  en,
  expectedNote,
  HostileApp,
  label,
  messageWithValue,
  TEAMS_EMPLOYER,
  TEAMS_REP,
} from "../helpers/hostile-app.ts";
import { NASTY_DATES, NASTY_TEXTS } from "../helpers/nasty.ts";
import { MAX_ACTIVITY_BYTES } from "../helpers/teams-connector.ts";

/**
 * Every Teams entry point of the real app over HTTP, fed the fixed hostile corpus (test/helpers/nasty.ts): each answer
 * is polite and in the workspace's language, and nothing wrong is stored (the rows before and after are compared).
 */
describe("hostile input at every Teams entry point, the real app over HTTP", () => {
  const h = new HostileApp();
  beforeAll(() => h.start(), 30_000);
  afterEach(() => h.checkNothingRefused());
  afterAll(() => h.stop());

  it("Teams @mention: every corpus text answered in Danish (help, or the note recorded in a point's thread), nothing wrong stored", async () => {
    const { teams, workspace, discussion, point1 } = await h.teamsStarted();
    const before = await h.snapshot(workspace.id);
    for (const text of NASTY_TEXTS) {
      const from = h.connector.calls.length;
      const res = await teams.mention(TEAMS_REP, text);
      expect(res.status, label(text)).toBe(200);
      const said = h.teamsSent(from).join("\n");
      expect(said, label(text)).toContain(da("command.help_title"));
      if (text.trim() !== "") expect(said, label(text)).toContain("Jeg kender ikke kommandoen");
      expect(said, label(text)).not.toContain(en("command.help_title"));
      expect(said.length, label(text)).toBeLessThan(5000);
    }
    expect(await h.snapshot(workspace.id)).toBe(before);

    // In a point's thread an @mention that is no command is a note: stored as written, or refused in Danish.
    const stored: string[] = [];
    for (const text of NASTY_TEXTS) {
      const from = h.connector.calls.length;
      const res = await teams.mention(TEAMS_REP, text, { threadId: point1.id });
      expect(res.status, label(text)).toBe(200);
      const expected = expectedNote(text);
      if (expected !== null) stored.push(expected);
      const said = h.teamsSent(from).join("\n");
      if (expected === null && text.trim() !== "")
        expect(said, label(text)).toContain(da("error.reply_too_long", { max: 3000 }));
      expect(said, label(text)).not.toContain(en("error.invalid"));
      expect(said, label(text)).not.toContain(da("error.temporary"));
    }
    const entries = await h.r().entries.forDiscussion(workspace.id, discussion.id);
    expect(entries.map((e) => [e.point, e.kind, e.data])).toEqual(
      stored.map((text) => [1, "note", { text }]),
    );
  }, 30_000);

  it("Teams card submits: every corpus text as the note stored as written or refused in the card, in Danish", async () => {
    const { teams, workspace, discussion } = await h.teamsStarted();
    const save = { verb: "entry_form", data: { d: discussion.id, p: 1, k: "note" } };
    const stored: string[] = [];
    for (const text of NASTY_TEXTS) {
      const answer = await teams.invoke(TEAMS_REP, save, { "f.text": text });
      // The card answered fits what Teams takes.
      expect(Buffer.byteLength(JSON.stringify(answer.body)), label(text)).toBeLessThan(MAX_ACTIVITY_BYTES);
      const card = h.cardIn(answer, text);
      const expected = expectedNote(text);
      if (expected === null) {
        expect(card, label(text)).toContain(da("error.invalid"));
        expect(card, label(text)).toContain(
          String(cleanText(text)).trim() === ""
            ? da("problem.required")
            : da("problem.too_long", { max: 3000 }),
        );
      } else {
        expect(card, label(text)).toContain(da("teams.saved"));
        stored.push(expected);
      }
      expect(card, label(text)).not.toContain(en("error.invalid"));
    }
    const entries = await h.r().entries.forDiscussion(workspace.id, discussion.id);
    expect(entries.map((e) => [e.kind, e.data])).toEqual(stored.map((text) => ["note", { text }]));
  }, 30_000);

  it("Teams card submits: impossible dates, wrong types, extra fields and foreign ids refused in the card, nothing stored", async () => {
    const { teams, workspace, discussion } = await h.teamsStarted();
    const slackSide = await h.slackApp.started();
    const slackBefore = await h.snapshot(slackSide.workspace.id);
    const before = await h.snapshot(workspace.id);
    const decision = { verb: "entry_form", data: { d: discussion.id, p: 1, k: "decision" } };
    const goal = { verb: "entry_form", data: { d: discussion.id, p: 8, k: "goal" } };
    for (const deadline of NASTY_DATES.filter(Boolean)) {
      for (const [action, inputs] of [
        [decision, { "f.text": "Nye stole", "f.owner.name": "Mette Hansen", "f.deadline": deadline }],
        [goal, { "f.text": "Mindre støj", "f.successCriterion": "Under 55 dB", "f.deadline": deadline }],
      ] as const) {
        const card = h.cardIn(await teams.invoke(TEAMS_EMPLOYER, action, inputs), deadline);
        expect(card, label(deadline)).toContain(da("error.invalid"));
        // Each refusal gives an example two weeks after the app's clock (24 November 2026), never a past one.
        const example = { example: "08-12-2026" };
        expect(
          card.includes(da("problem.invalid_date_example", example)) ||
            card.includes(da("problem.date_in_past_example", example)),
          `${label(deadline)} ${action.data.k}`,
        ).toBe(true);
      }
    }
    const note = { verb: "entry_form", data: { d: discussion.id, p: 1, k: "note" } };
    const refusals: [{ verb: string; data: Record<string, unknown> }, Record<string, unknown>, string][] = [
      [note, { "f.text": { nested: "x" } }, da("teams.wrong_type", { field: "text" })],
      [note, { "f.text": ["a", "b"] }, da("teams.wrong_type", { field: "text" })],
      [note, { "f.text": true }, da("teams.wrong_type", { field: "text" })],
      [note, { "f.text": "ok", "f.admin": "1" }, da("teams.extra_fields", { fields: "admin" })],
      [
        { verb: "entry_form", data: { ...note.data, sql: "'; DROP TABLE entries; --" } },
        { "f.text": "ok" },
        "sql",
      ],
      [{ verb: "entry_form", data: { ...note.data, d: 42 } }, { "f.text": "ok" }, da("teams.bad_submit")],
      [{ verb: "entry_form", data: { ...note.data, p: "1" } }, { "f.text": "ok" }, da("teams.bad_submit")],
      [
        { verb: "entry_form", data: { ...note.data, k: ["note"] } },
        { "f.text": "ok" },
        da("teams.bad_submit"),
      ],
      [{ verb: "entry_form", data: { ...note.data, p: 12 } }, { "f.text": "ok" }, da("teams.bad_submit")],
      [
        { verb: "entry_form", data: { ...note.data, k: "cooperation_plan" } },
        { "f.text": "ok" },
        da("teams.bad_submit"),
      ],
      [
        { verb: "entry_form", data: { ...note.data, d: slackSide.discussion.id } },
        { "f.text": "Kapret" },
        da("error.not_found"),
      ],
      [{ verb: "'; DROP TABLE entries; --", data: note.data }, { "f.text": "ok" }, da("teams.bad_submit")],
    ];
    for (const [action, inputs, expected] of refusals) {
      const what = { action, inputs };
      const card = h.cardIn(await teams.invoke(TEAMS_EMPLOYER, action, inputs), what);
      expect(card, label(what)).toContain(expected);
      expect(card, label(what)).not.toContain(da("teams.saved"));
      expect(card, label(what)).not.toContain(da("error.temporary"));
    }
    expect(await h.snapshot(workspace.id)).toBe(before);
    expect(await h.snapshot(slackSide.workspace.id)).toBe(slackBefore);
  }, 30_000);

  it("Teams message submits (Action.Submit values, no text): nothing stored, any answer in Danish", async () => {
    const { teams, workspace, discussion, point1 } = await h.teamsStarted();
    const before = await h.snapshot(workspace.id);
    const value = (text: string) => ({
      action: { verb: "entry_form", data: { d: discussion.id, p: 1, k: "note" } },
      verb: "entry_form",
      d: discussion.id,
      p: 1,
      k: "note",
      "f.text": text,
    });
    for (const text of NASTY_TEXTS) {
      for (const [conversation, kind] of [
        [teams.channel, "channel"],
        [`${teams.channel};messageid=${point1.id}`, "channel"],
        [`a:personal-${randomUUID().slice(0, 8)}`, "personal"],
      ] as const) {
        const from = h.connector.calls.length;
        const res = await teams.post(messageWithValue(teams, TEAMS_REP, conversation, kind, value(text)));
        expect(res.status, label(text)).toBeLessThan(300);
        const said = h.teamsSent(from).join("\n");
        expect(said, label(text)).not.toContain(en("command.help_title"));
        expect(said, label(text)).not.toContain(da("error.temporary"));
        if (kind === "personal") expect(said, label(text)).toContain(da("command.help_title"));
      }
    }
    expect(await h.snapshot(workspace.id)).toBe(before);
  }, 30_000);
});
