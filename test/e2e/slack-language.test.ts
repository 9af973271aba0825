import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, LEADER, REP, SlackApp, texts } from "../helpers/slack-app.ts";

/** Each person's language in Slack: their user locale for what they alone see; the channel stays Danish. */
describe("Slack: each person's language", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  it("answers an en-US person in English (ephemeral, modal, App Home) while the channel's cards stay Danish", async () => {
    const { fake } = app;
    fake.locales.set(REP.id, "en-US");
    fake.locales.set(LEADER.id, "de-DE");
    const { slack, workspace } = await app.setUp("da");

    const status = await fake.after("respond", () => slack.command(REP, "status"));
    expect(texts(status)).toContain("There is no discussion for 2026 yet");
    const asked = fake.calls.filter((c) => c.method === "users.info" && c.args.user === REP.id);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((c) => String(c.args.include_locale) === "true")).toBe(true);
    expect(await app.repos.people.language(workspace.id, REP.id)).toEqual(
      expect.objectContaining({ language: "en" }),
    );
    // A locale the bot does not speak: the workspace's Danish.
    const leaderStatus = await fake.after("respond", () => slack.command(LEADER, "status"));
    expect(texts(leaderStatus)).toContain("Der er ingen drøftelse for 2026 endnu");
    expect(await app.repos.people.language(workspace.id, LEADER.id)).toEqual(
      expect.objectContaining({ language: null }),
    );

    const before = fake.calls.length;
    await slack.homeOpened(REP);
    const home = await fake.until("views.publish", (c) => c.args.user_id === REP.id, before);
    expect(texts(home)).toContain("No meeting is planned yet.");
    expect(texts(home)).not.toContain("Der er ikke planlagt");

    await fake.after("respond", () => slack.command(EMPLOYER, "start"));
    const card = fake.calls.find(
      (c) => c.method === "chat.postMessage" && texts(c).includes("Punkt 1 af 11"),
    );
    expect(card).toBeDefined();
    expect(texts(card)).not.toContain("Point 1 of 11");

    const form = await fake.after("views.open", () =>
      slack.click(REP, "point_decision", slack.button("point_decision").value),
    );
    expect(texts(form)).toContain("Record a decision");
    expect(texts(form)).not.toContain("Registrér beslutning");
    const employerForm = await fake.after("views.open", () =>
      slack.click(EMPLOYER, "point_decision", slack.button("point_decision").value),
    );
    expect(texts(employerForm)).toContain("Registrér beslutning");
  });

  it("writes the setup and planning modals, the setup receipt and the person's .ics in their language", async () => {
    const { fake } = app;
    fake.locales.set(EMPLOYER.id, "en-US");
    try {
      // setUp submits the setup modal the employer was shown: Danish stays the workspace's language.
      const opened = await fake.after("views.open", async () => {
        const { slack } = await app.setUp("da");
        await slack.command(EMPLOYER, "opsæt");
      });
      const view = opened.args.view as { title: { text: string }; blocks: unknown[] };
      expect(view.title.text).toBe("Setup");
      expect(texts(opened)).toContain("Number of employees");
      expect(texts(opened)).not.toContain("Antal ansatte");
      const language = (
        view.blocks as { block_id?: string; element?: { initial_option?: { value: string } } }[]
      ).find((b) => b.block_id === "language")?.element?.initial_option?.value;
      expect(language).toBe("da");
      const receipt = fake.calls.find(
        (c) =>
          c.method === "chat.postMessage" && c.args.channel === EMPLOYER.id && texts(c).includes("setup"),
      );
      expect(texts(receipt)).toContain("The setup is saved.");
    } finally {
      fake.locales.delete(EMPLOYER.id);
    }
  });

  it("sends the .ics from the App Home in the person's language, and the channel's in the workspace's", async () => {
    const { fake } = app;
    fake.locales.set(EMPLOYER.id, "en-US");
    try {
      const { slack } = await app.setUp("da");
      const plan = await fake.after("views.open", () => slack.command(EMPLOYER, "planlæg"));
      expect((plan.args.view as { title: { text: string } }).title.text).toBe("Plan the discussion");
      const from = fake.calls.length;
      await fake.after("files.completeUploadExternal", () =>
        slack.submit(EMPLOYER, plan.args.view as Record<string, unknown>, {
          date: "2026-12-10",
          time: "10:00",
          location: "Mødelokale 2",
          channel: "C_AMO",
        }),
      );
      const uploaded = (since: number) => {
        const id = fake.calls.slice(since).find((c) => c.method === "files.getUploadURLExternal");
        const fileId = fake.calls.slice(since).find((c) => c.method === "files.completeUploadExternal");
        expect(id).toBeDefined();
        const files = fileId?.args.files;
        const first = (typeof files === "string" ? JSON.parse(files) : files)[0] as { id: string };
        return fake.uploads.get(first.id)?.toString("utf8") ?? "";
      };
      expect(uploaded(from)).toContain("Årlig arbejdsmiljødrøftelse 2026");

      const opened = fake.calls.length;
      await slack.homeOpened(EMPLOYER);
      const home = await fake.until("views.publish", (c) => c.args.user_id === EMPLOYER.id, opened);
      const section = (
        home.args.view as { blocks: { accessory?: { action_id: string; value: string } }[] }
      ).blocks.find((b) => b.accessory?.action_id === "send_invitation");
      expect(section).toBeDefined();
      const before = fake.calls.length;
      await fake.after("files.completeUploadExternal", () =>
        slack.clickOnHome(EMPLOYER, "send_invitation", section?.accessory?.value as string),
      );
      expect(uploaded(before)).toContain("Annual working-environment discussion 2026");
      expect(texts(fake.calls.slice(before).find((c) => c.method === "chat.postMessage"))).not.toContain(
        "Her er invitationen",
      );
    } finally {
      fake.locales.delete(EMPLOYER.id);
    }
  });
});
