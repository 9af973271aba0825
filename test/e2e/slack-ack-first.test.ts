import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../adapters/slack/texts.ts";
import { EMPLOYER, SlackApp, waitFor } from "../helpers/slack-app.ts";
import type { SlackDriver } from "../helpers/slack-driver.ts";

const da = (key: Parameters<typeof t>[1]) => t("da", key);

/** How late Slack answers a Web API call here: longer than the 3 s Slack gives an app to answer a request. */
const SLOW_ANSWER = { lateMs: 5000 };

/**
 * Slack wants every request answered within 3 s, and a modal's answer closes it: the answer comes before any Web API
 * call, and work that fails after it is told to the user, never lost in silence.
 */
describe("Slack: answered before the Web API is asked, and acknowledged work never silently lost", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());
  afterEach(() => expect(app.fake.refused().map((c) => c.method)).toEqual([]));

  /** The users.info answers Slack has sent for `user` among `calls` (an answer is logged as it is sent). */
  const answeredFor = (calls: { method: string; args: Record<string, unknown> }[], user: string) =>
    calls.filter((c) => c.method === "users.info" && c.args.user === user);

  const openModal = async (slack: SlackDriver, actionId: string) =>
    (await app.fake.after("views.open", () => slack.click(EMPLOYER, actionId, slack.button(actionId).value)))
      .args.view as Record<string, unknown>;

  it("closes a decision modal before asking Slack for the owner's name (users.info answering after 5 s), then stores the decision with that name", async () => {
    const { slack, workspace, discussion } = await app.started();
    const { fake } = app;
    const owner = { id: "U_SLOW_OWNER", name: "Otto Østergård" };
    fake.names.set(owner.id, owner.name);
    const modal = await openModal(slack, "point_decision");

    fake.failNext("users.info", SLOW_ANSWER);
    const from = fake.calls.length;
    const res = await slack.submit(EMPLOYER, modal, {
      text: "Nye hæve-sænke-borde i kundeservice",
      owner: owner.id,
      deadline: "2027-02-01",
    });
    // What the fake had answered when the app's answer arrived: no users.info yet.
    const atAnswer = fake.calls.slice(from);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    expect(answeredFor(atAnswer, owner.id)).toEqual([]);

    await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 1, 15_000);
    const [decision] = await app.entries(workspace.id, discussion.id);
    expect(decision?.kind).toBe("decision");
    expect(decision?.data).toMatchObject({
      text: "Nye hæve-sænke-borde i kundeservice",
      owner: { id: owner.id, name: owner.name },
      deadline: "2027-02-01",
    });
    // The name came from the late answer, which Slack sent after the app had answered.
    expect(answeredFor(fake.calls.slice(from + atAnswer.length), owner.id)).toHaveLength(1);
  }, 30_000);

  it("answers a slash command and a button click before any Web API call, asking Slack for no one's name", async () => {
    const { slack } = await app.started();
    const { fake } = app;
    const typist = { id: "U_SLOW_TYPIST", name: "Tove Taster" };
    const clicker = { id: "U_SLOW_CLICKER", name: "Kim Klik" };
    fake.names.set(typist.id, typist.name);
    fake.names.set(clicker.id, clicker.name);

    // Slack answers the refresh the click causes late, after the 3 s it gives an app to answer.
    fake.failNext("chat.update", SLOW_ANSWER, SLOW_ANSWER);
    const from = fake.calls.length;
    const updates = (calls: { method: string }[]) => calls.filter((c) => c.method === "chat.update");
    const answered = await Promise.all([
      slack.command(typist, "status").then((res) => ({ res, calls: fake.calls.slice(from) })),
      slack
        .click(clicker, "point_next", slack.button("point_next").value)
        .then((res) => ({ res, calls: fake.calls.slice(from) })),
    ]);
    for (const { res, calls } of answered) {
      expect(res.status).toBe(200);
      expect(updates(calls)).toEqual([]);
    }
    // Both are then worked on and answered, and nobody's name was needed for that: Slack was asked once each, after
    // the answer, for the person's locale (what they alone see is in their language).
    await fake.until("respond", () => true, from, 15_000);
    await waitFor(() => updates(fake.calls.slice(from)).length >= 2, 15_000);
    for (const person of [typist, clicker]) {
      const asked = answeredFor(fake.calls, person.id);
      expect(asked.length).toBeLessThanOrEqual(1);
      expect(asked.every((c) => String(c.args.include_locale) === "true")).toBe(true);
    }
  }, 30_000);

  describe("when the database fails", () => {
    // The error PostgreSQL ends a session with when it shuts down (57P01), raised for every write to the table.
    const goAway = async (table: string) => {
      await app.db.query(
        `CREATE OR REPLACE FUNCTION going_away() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'the database is shutting down' USING ERRCODE = '57P01'; END $$`,
      );
      await app.db.query(
        `CREATE TRIGGER going_away BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION going_away()`,
      );
    };
    const comeBack = (table: string) => app.db.query(`DROP TRIGGER IF EXISTS going_away ON ${table}`);
    const readable = () =>
      app.db.query(`DO $$ BEGIN IF to_regclass('members_kept') IS NOT NULL THEN
         DROP VIEW members; ALTER TABLE members_kept RENAME TO members; END IF; END $$`);
    beforeAll(() =>
      app.db.query(
        `CREATE OR REPLACE FUNCTION going_away_now() RETURNS boolean LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'the database is shutting down' USING ERRCODE = '57P01'; END $$`,
      ),
    );
    afterEach(async () => {
      await comeBack("entries");
      await comeBack("discussions");
      await readable();
    });

    it("tells the note's writer in Danish that it was not saved, with what they wrote, and stores it when sent again", async () => {
      const { slack, workspace, discussion } = await app.started();
      const { fake } = app;
      const note = "Støjen i kantinen skal måles <før> & efter";
      const modal = await openModal(slack, "point_note");

      await goAway("entries");
      const from = fake.calls.length;
      const res = await slack.submit(EMPLOYER, modal, { text: note });
      // The modal closed: the user sees nothing more unless told.
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("");
      const told = await fake.until("chat.postMessage", (c) => c.args.channel === EMPLOYER.id, from);
      expect(told.args.text).toBe(
        [
          da("slack.not_saved"),
          da("slack.not_saved_text"),
          "> Støjen i kantinen skal måles &lt;før&gt; &amp; efter",
        ].join("\n\n"),
      );
      expect(await app.entries(workspace.id, discussion.id)).toEqual([]);

      await comeBack("entries");
      const again = await openModal(slack, "point_note");
      expect(await (await slack.submit(EMPLOYER, again, { text: note })).text()).toBe("");
      await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 1);
      const [stored] = await app.entries(workspace.id, discussion.id);
      expect(stored?.data).toEqual({ text: note });
    });

    it("keeps a modal open with what was typed when the database fails before the answer, saying it was not saved", async () => {
      const { slack, workspace, discussion } = await app.started();
      const modal = await openModal(slack, "point_decision");
      // The people a decision's form offers cannot be read: the form's check fails before Slack is answered.
      await app.db.query("ALTER TABLE members RENAME TO members_kept");
      await app.db.query("CREATE VIEW members AS SELECT * FROM members_kept WHERE going_away_now()");
      const values = { text: "Ny ventilation i mødelokalet", owner: EMPLOYER.id, deadline: "2027-03-01" };
      const res = await slack.submit(EMPLOYER, modal, values, "V_KEPT_OPEN");
      expect(await res.json()).toEqual({
        response_action: "errors",
        errors: { text: da("slack.not_saved") },
      });
      expect(await app.entries(workspace.id, discussion.id)).toEqual([]);

      // Back again, the same modal sent again is stored.
      await readable();
      expect(await (await slack.submit(EMPLOYER, modal, values, "V_KEPT_OPEN")).text()).toBe("");
      await waitFor(async () => (await app.entries(workspace.id, discussion.id)).length === 1);
    });

    it("tells a button's clicker and a thread reply's writer privately, in Danish, and changes nothing", async () => {
      const { slack, workspace, discussion, threadOf } = await app.started();
      const { fake } = app;

      await goAway("discussions");
      const from = fake.calls.length;
      const click = await slack.click(EMPLOYER, "point_next", slack.button("point_next").value);
      expect(click.status).toBe(200);
      const clickTold = await fake.until("chat.postEphemeral", (c) => c.args.user === EMPLOYER.id, from);
      expect(clickTold.args.text).toBe(da("slack.not_saved"));
      expect((await app.repos.discussions.get(workspace.id, discussion.id))?.version).toBe(
        discussion.version,
      );

      await goAway("entries");
      const replyFrom = fake.calls.length;
      const reply = await slack.message(EMPLOYER, "Vi skal have flere planter", threadOf(1));
      expect(reply.status).toBe(200);
      const replyTold = await fake.until("chat.postEphemeral", (c) => c.args.user === EMPLOYER.id, replyFrom);
      expect(replyTold.args.text).toBe(da("slack.reply_not_saved"));
      expect(await app.entries(workspace.id, discussion.id)).toEqual([]);
    });
  });
});
