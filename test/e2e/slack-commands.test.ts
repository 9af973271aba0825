import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, REP, SlackApp } from "../helpers/slack-app.ts";
import { SlackDriver } from "../helpers/slack-driver.ts";

/** The subcommands that answer with text or files: help, status, export, data, delete. */
describe("Slack: /arbejdsmiljø subcommands", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());

  const say = async (slack: SlackDriver, text: string, user = EMPLOYER) =>
    String((await app.fake.after("respond", () => slack.command(user, text))).args.text);

  it("lists every subcommand with its English alias, under either command name", async () => {
    const { slack } = await app.setUp();
    const help = await say(slack, "hjælp");
    for (const line of [
      "opsæt (setup)",
      "planlæg (plan)",
      "start",
      "status",
      "opfølgning (followup)",
      "referat [år] (minutes)",
      "eksport [år] (export)",
      "hjælp (help)",
    ])
      expect(help).toContain(line);
    expect(
      String((await app.fake.after("respond", () => slack.command(EMPLOYER, "", "/arbejdsmiljo"))).args.text),
    ).toContain("/arbejdsmiljo");
  });

  it("reports status with the missing legal requirements, and sends the year's files", async () => {
    const { fake } = app;
    const { slack } = await app.setUp();
    expect(await say(slack, "status")).toBe(
      "Der er ingen drøftelse for 2026 endnu. Planlæg den med /arbejdsmiljø planlæg.",
    );
    await fake.after("respond", () => slack.command(EMPLOYER, "start"));
    const status = await say(slack, "status 2026");
    expect(status).toContain("Drøftelsen 2026: I gang.");
    // The law apart from good practice, each item written as missing, with its point.
    expect(status).toContain(
      "Lovkrav:\n• Det er ikke vurderet, om sidste års mål blev nået (punkt 7)\n• Indholdet af det kommende års samarbejde",
    );
    expect(status).toContain("• Samarbejdsform og mødehyppighed er ikke besluttet (punkt 9)");
    expect(status).toContain("God praksis:\n• Der er ikke valgt en referent (punkt 1)");
    expect(status.indexOf("Lovkrav:")).toBeLessThan(status.indexOf("God praksis:"));
    expect(status).not.toContain("Det er besluttet");

    // Export of a year without a summary is refused politely; after concluding, three files go to the channel.
    expect(await say(slack, "eksport 2026")).not.toContain("sendt som filer");
    await fake.after("chat.postEphemeral", () =>
      slack.click(EMPLOYER, "discussion_conclude", slack.button("discussion_conclude").value),
    );
    await fake.after("views.open", () =>
      slack.click(EMPLOYER, "discussion_conclude_anyway", slack.button("discussion_conclude_anyway").value),
    );
    await fake.after("pins.add", () => slack.submit(EMPLOYER, slack.lastModal(), { reason: "Prøve" }));
    const from = fake.calls.length;
    expect(await say(slack, "export 2026")).toBe("Referat og opfølgning for 2026 er sendt som filer.");
    const names = fake.calls
      .slice(from)
      .filter((c) => c.method === "files.getUploadURLExternal")
      .map((c) => String(c.args.filename));
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\.md$/),
        expect.stringMatching(/\.pdf$/),
        expect.stringMatching(/\.csv$/),
      ]),
    );
    const shared = fake.calls.slice(from).filter((c) => c.method === "files.completeUploadExternal");
    expect(shared.every((c) => c.args.channel_id === "C_AMO")).toBe(true);

    // Asked for in another channel by someone on the roster, the files go to their direct messages instead.
    const elsewhere = new SlackDriver(app.url, fake, slack.team, "C_RANDOM");
    const later = fake.calls.length;
    expect(await say(elsewhere, "eksport 2026", REP)).toBe(
      "Referat og opfølgning for 2026 er sendt som filer.",
    );
    const sent = fake.calls.slice(later).filter((c) => c.method === "files.completeUploadExternal");
    expect(sent.map((c) => c.args.channel_id)).toEqual([`D${REP.id}`, `D${REP.id}`, `D${REP.id}`]);
  });

  it("sends the workspace's data to the one who asks, and deletes it all with the code", async () => {
    const { fake } = app;
    const { slack, workspace } = await app.setUp();
    const from = fake.calls.length;
    await slack.command(EMPLOYER, "data");
    await fake.until("files.completeUploadExternal", (c) => c.args.channel_id === `D${EMPLOYER.id}`, from);

    // Only the employer may delete, and only with the code given to them.
    expect(await say(slack, "slet", REP)).toContain("kræver rollen");
    const asked = await say(slack, "slet");
    const code = /\b([A-Z0-9]{6,})\b/.exec(asked.replace(/slet/gi, ""))?.[1] as string;
    expect(code).toBeDefined();
    expect(await say(slack, "slet FORKERT1")).not.toBe("Alle arbejdspladsens data er slettet.");
    expect(await app.repos.workspaces.find("slack", slack.team)).not.toBeNull();
    expect(await say(slack, `slet ${code}`)).toBe("Alle arbejdspladsens data er slettet.");
    expect(await app.repos.members.list(workspace.id)).toEqual([]);
  });
});
