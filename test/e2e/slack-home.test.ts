import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, REP, SlackApp, texts, waitFor } from "../helpers/slack-app.ts";
import type { SlackDriver } from "../helpers/slack-driver.ts";

const STRANGER = { id: "U_STRANGER", name: "Ukendt Person" };

/** Each person's App Home: the next meeting, this year's discussion, their own open items, the referater. */
describe("Slack: the App Home tab", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  /** The Home view published for `user` after they open the tab (or after `action`). */
  const homeOf = async (slack: SlackDriver, user: { id: string }, action?: () => Promise<unknown>) => {
    const before = app.fake.calls.length;
    await (action ?? (() => slack.homeOpened(user as never)))();
    await app.fake.until("views.publish", (c) => c.args.user_id === user.id, before);
    const published = app.fake.calls.slice(before).filter((c) => c.method === "views.publish");
    const view = published.at(-1)?.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    return { view, text: JSON.stringify(view.blocks) };
  };
  const buttonIn = (view: { blocks: unknown[] }, actionId: string, contains = "") => {
    const found: { action_id: string; value: string }[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === "object") {
        const o = x as Record<string, unknown>;
        if (o.action_id === actionId && String(o.value).includes(contains)) found.push(o as never);
        Object.values(o).forEach(walk);
      }
    };
    walk(view.blocks);
    return found[0];
  };

  it("shows a person on the roster the next meeting, this year, their own open items and the referater", async () => {
    const { fake } = app;
    const { slack, workspace } = await app.setUp();
    const empty = await homeOf(slack, EMPLOYER);
    expect(empty.text).toContain("Der er ikke planlagt et møde endnu. Brug /arbejdsmiljø planlæg.");
    expect(empty.text).toContain("Der er ingen drøftelse for 2026 endnu.");
    expect(empty.text).toContain("Du har ingen åbne beslutninger eller mål.");
    expect(empty.text).toContain("Der er ingen referater endnu.");

    const plan = (await fake.after("views.open", () => slack.command(EMPLOYER, "planlæg"))).args.view;
    const sincePlan = fake.calls.length;
    await fake.after("files.completeUploadExternal", () =>
      slack.submit(EMPLOYER, plan as Record<string, unknown>, {
        date: "2026-12-10",
        time: "10:00",
        location: "Mødelokale 2",
        channel: "C_AMO",
      }),
    );
    // Everyone on the roster has their page drawn again with the meeting, the representative who never opened it too.
    const repPage = await fake.until(
      "views.publish",
      (c) => c.args.user_id === REP.id && texts(c).includes("10. december 2026"),
      sincePlan,
    );
    expect(texts(repPage)).toContain("Mødelokale 2");
    const planned = await homeOf(slack, EMPLOYER);
    expect(planned.text).toContain("Næste møde");
    expect(planned.text).toContain("10. december 2026");
    expect(planned.text).toContain("Mødelokale 2");
    expect(planned.text).toContain("Planlagt");

    // "Føj til kalender" sends the invitation to the person's direct messages, as a calendar file.
    const calendar = buttonIn(planned.view, "send_invitation");
    expect(calendar).toBeDefined();
    const from = fake.calls.length;
    await fake.after("files.completeUploadExternal", () =>
      slack.clickOnHome(EMPLOYER, "send_invitation", calendar?.value as string),
    );
    const dm = fake.calls.slice(from);
    expect(dm.find((c) => c.method === "files.getUploadURLExternal")?.args.filename).toMatch(/\.ics$/);
    expect(dm.find((c) => c.method === "files.completeUploadExternal")?.args.channel_id).toBe(
      `D${EMPLOYER.id}`,
    );
    expect(texts(dm.find((c) => c.method === "chat.postMessage"))).toContain("Her er invitationen");

    // At the meeting, a decision owned by the representative: on their page with done and postpone, not on hers.
    await fake.after("respond", () => slack.command(EMPLOYER, "start"));
    const form = (
      await fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_decision", slack.button("point_decision").value),
      )
    ).args.view as Record<string, unknown>;
    const sinceDecision = fake.calls.length;
    await slack.submit(EMPLOYER, form, { text: "Nye kontorstole", owner: REP.id, deadline: "2027-01-15" });
    const discussion = (await app.repos.discussions.latest(workspace.id))!;
    await waitFor(async () =>
      (await app.entries(workspace.id, discussion.id)).some((e) => e.kind === "decision"),
    );
    const decision = (await app.entries(workspace.id, discussion.id)).find((e) => e.kind === "decision")!;
    // The owner's page is drawn again without their opening it: they may be looking at it.
    const redrawn = await fake.until(
      "views.publish",
      (c) => c.args.user_id === REP.id && texts(c).includes("Nye kontorstole"),
      sinceDecision,
    );
    expect(texts(redrawn)).toContain("entry_done");
    const mine = await homeOf(slack, REP);
    expect(mine.text).toContain("Nye kontorstole");
    expect(mine.text).toContain("I gang");
    const done = buttonIn(mine.view, "entry_done", decision.id);
    expect(done).toBeDefined();
    expect(buttonIn(mine.view, "entry_postpone", decision.id)).toBeDefined();
    expect((await homeOf(slack, EMPLOYER)).text).not.toContain("Nye kontorstole");

    // Done on the page: stored as done, and the page drawn again without it.
    const after = await homeOf(slack, REP, () => slack.clickOnHome(REP, "entry_done", done?.value as string));
    expect(after.text).toContain("Du har ingen åbne beslutninger eller mål.");
    expect((await app.repos.entries.get(workspace.id, decision.id))?.status).toBe("done");

    // Concluded, the referat is listed with its version and hash.
    await fake.after("chat.postEphemeral", () =>
      slack.click(EMPLOYER, "discussion_conclude", slack.button("discussion_conclude").value),
    );
    await fake.after("views.open", () =>
      slack.click(EMPLOYER, "discussion_conclude_anyway", slack.button("discussion_conclude_anyway").value),
    );
    await fake.after("pins.add", () => slack.submit(EMPLOYER, slack.lastModal(), { reason: "Prøve" }));
    const summary = await app.repos.summaries.latest(workspace.id, discussion.id);
    const concluded = await homeOf(slack, EMPLOYER);
    expect(concluded.text).toContain(
      `2026 · Afsluttet · version 1 · SHA-256 ${summary?.sha256.slice(0, 12)}`,
    );
    expect(fake.refused()).toEqual([]);
  });

  it("tells a person not on the roster only that, and draws nothing for the messages tab", async () => {
    const { slack } = await app.setUp("en");
    const page = await homeOf(slack, STRANGER);
    expect(page.text).toContain("You are not on the list of people in the working-environment work here.");
    expect(page.text).not.toContain("action_id");
    const english = await homeOf(slack, EMPLOYER);
    expect(english.text).toContain("No meeting is planned yet. Use /arbejdsmiljø plan.");
    const before = app.fake.calls.length;
    await slack.homeOpened(EMPLOYER, "messages");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.fake.calls.slice(before).filter((c) => c.method === "views.publish")).toEqual([]);
  });
});
