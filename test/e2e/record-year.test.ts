import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/index.ts";
import { slackAdapterWith } from "../../adapters/slack/index.ts";
import type { RunningServer } from "../../src/server.ts";
import { startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";
import { ALI, localApp, METTE, setUpLocal } from "../helpers/local-app.ts";
import { messageText } from "../helpers/local-driver.ts";
import { SIGNING_SECRET, SlackDriver } from "../helpers/slack-driver.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";

// Planned on 6 December 2026 for 5 January 2027, and started the same day: a 2027 discussion throughout.
const NOW = new Date("2026-12-06T09:00:00Z");

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("the referat's dates and year through Slack, the real Bolt app against a fake Slack", () => {
  const EMPLOYER = { id: "U_EMP", name: "Mette Hansen" };
  const REP = { id: "U_REP", name: "Ali Nielsen" };
  const fake = new FakeSlack();
  let server: RunningServer;
  let db: Db;

  beforeAll(async () => {
    await fake.start();
    for (const u of [EMPLOYER, REP]) fake.names.set(u.id, u.name);
    fake.channelNames.set("C_AMO", "arbejdsmiljø");
    db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
    const config = loadConfig({
      PORT: "0",
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.url,
      LOG_LEVEL: "error",
    });
    server = await startServer(config, [slackAdapterWith({ apiTimeoutMs: 2_000 })], {
      db,
      now: () => NOW,
      scheduler: false,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await fake.stop();
  });

  it("plans for January, starts that discussion in December, and files the referat under 2027 with both dates", async () => {
    const team = uniqueId("T");
    const slack = new SlackDriver(`http://127.0.0.1:${server.port}`, fake, team);
    const setup = (await fake.after("views.open", () => slack.command(EMPLOYER, "opsæt"))).args.view;
    await fake.afterDm(EMPLOYER.id, () =>
      slack.submit(EMPLOYER, setup as Record<string, unknown>, {
        headcount: 12,
        employer: EMPLOYER.id,
        representatives: [REP.id],
        channel: "C_AMO",
        timeZone: "Europe/Copenhagen",
        language: "da",
      }),
    );
    const workspace = (await repos(db).workspaces.find("slack", team))!;

    const plan = (await fake.after("views.open", () => slack.command(EMPLOYER, "planlæg"))).args.view;
    await fake.after("files.completeUploadExternal", () =>
      slack.submit(EMPLOYER, plan as Record<string, unknown>, {
        date: "2027-01-05",
        time: "10:00",
        duration: 90,
        channel: "C_AMO",
      }),
    );
    const invitation = fake
      .of("chat.postMessage")
      .find((c) => String(c.args.text).includes("5. januar 2027"));
    expect(String(invitation?.args.text)).toContain("Årlig arbejdsmiljødrøftelse 2027");

    await fake.after("respond", () => slack.command(EMPLOYER, "start"));
    const all = await repos(db).discussions.list(workspace.id);
    expect(all.map((d) => [d.year, d.status])).toEqual([[2027, "running"]]);
    const board = fake.of("chat.postMessage").filter((c) => c.args.channel === "C_AMO");
    expect(board.map((c) => String(c.args.text))).toContain("Årlig arbejdsmiljødrøftelse 2027");

    // Concluded at once: what is missing is shown, and the employer concludes anyway with a reason.
    await fake.after("chat.postEphemeral", () =>
      slack.click(EMPLOYER, "discussion_conclude", slack.button("discussion_conclude").value),
    );
    await fake.after("views.open", () =>
      slack.click(EMPLOYER, "discussion_conclude_anyway", slack.button("discussion_conclude_anyway").value),
    );
    await slack.submit(EMPLOYER, slack.lastModal(), { reason: "Resten tages på AMO-mødet" });
    await waitFor(() => fake.of("pins.add").length === 1);

    const summary = fake
      .of("chat.postMessage")
      .find((c) => String(c.args.text).startsWith("Referat af den årlige arbejdsmiljødrøftelse 2027"));
    const shown = JSON.stringify(summary?.args.blocks);
    for (const expected of [
      "*Holdt:* 6. december 2026 kl. 10.00",
      "*Afsluttet:* 6. december 2026 kl. 10.00",
      "*Planlagt til:* 5. januar 2027 kl. 10.00",
      "*Kanal:* #arbejdsmiljø",
      "Næste årlige drøftelse senest 6. december 2027.",
      "*Status:* Afsluttet",
      "arbejdsmiljølovens § 6 d og BEK nr. 1838 af 14/12/2023",
    ]) {
      expect(shown).toContain(expected);
    }
    const stored = await repos(db).discussions.forYear(workspace.id, 2027);
    expect(stored?.channelName).toBe("#arbejdsmiljø");
    expect(stored?.startedAt).toEqual(NOW);
    expect(stored?.concludedAt).toEqual(NOW);
    await waitFor(() =>
      [...fake.uploads.values()].some((f) => String(f).includes("# Referat af den årlige")),
    );
    const file = [...fake.uploads.values()].map(String).find((f) => f.includes("# Referat af den årlige"));
    expect(file).toContain("- **Holdt:** 6. december 2026 kl. 10.00");
    expect(file).toContain("- **Planlagt til:** 5. januar 2027 kl. 10.00");
  });
});

describe("the referat's dates and year in the local channel (Teams' own Adaptive Cards)", () => {
  const app = localApp({ now: () => NOW });

  it("plans for January, starts that discussion in December, and the referat says when it was held and planned", async () => {
    await setUpLocal(app.page, { headcount: 12, leaders: false });
    const workspace = (await repos(app.db).workspaces.find("local", "local"))!;
    await app.page.command(METTE, "/arbejdsmiljø planlæg");
    await app.page.press(METTE, app.page.get("Planlæg drøftelsen"), "Gem", {
      "f.date": "2027-01-05",
      "f.time": "10:00",
      "f.duration": "90",
      "f.participants": `${METTE},${ALI}`,
    });
    expect(app.page.all().some((m) => m.file?.name === "arbejdsmiljødrøftelse-2027.ics")).toBe(true);
    expect(messageText(app.page.get("5. januar 2027"))).toContain("Årlig arbejdsmiljødrøftelse 2027");

    await app.page.command(METTE, "/arbejdsmiljø start");
    expect((await repos(app.db).discussions.list(workspace.id)).map((d) => [d.year, d.status])).toEqual([
      [2027, "running"],
    ]);
    const point = (n: number) => app.page.get(new RegExp(`Punkt ${n} af 11:`), { threadId: null });
    for (let n = 1; n < 11; n++) await app.page.press(METTE, point(n), "Næste punkt");
    const last = point(11);
    await app.page.press(METTE, last, "Afslut drøftelsen");
    // Something is missing: the card shows what, and concluding anyway asks why.
    await app.page.press(METTE, app.page.messages.get(last.id)!, "Afslut alligevel");
    const why = app.page.messages.get(last.id)!;
    if (messageText(why).includes("Hvorfor afsluttes"))
      await app.page.press(METTE, why, /Afslut/, { "f.reason": "Resten tages på AMO-mødet" });

    const summary = app.page.get("Referat af den årlige arbejdsmiljødrøftelse 2027", { threadId: null });
    const text = messageText(summary).replace(/\u00a0/g, " "); // a card keeps "5. januar" from becoming a list
    for (const expected of [
      "6. december 2026 kl. 10.00",
      "Planlagt til",
      "5. januar 2027 kl. 10.00",
      "#arbejdsmiljø",
      "Næste årlige drøftelse senest 6. december 2027.",
      "Mette Hansen (Arbejdsgiver)",
      "afventer godkendelse",
    ]) {
      expect(text).toContain(expected);
    }

    // The PDF download keeps æ, ø and å in its name, with the ASCII fallback beside it.
    await app.page.command(METTE, "/arbejdsmiljø eksport");
    const pdf = app.page.all().find((m) => m.file?.name.endsWith(".pdf"));
    expect(pdf?.file?.name).toBe("arbejdsmiljødrøftelse-2027-v1.pdf");
    const download = await fetch(`http://127.0.0.1:${app.server.port}${pdf?.file?.url}`);
    expect(download.headers.get("content-disposition")).toBe(
      "attachment; filename=arbejdsmiljoedroeftelse-2027-v1.pdf; filename*=UTF-8''arbejdsmilj%C3%B8dr%C3%B8ftelse-2027-v1.pdf",
    );
  });
});
