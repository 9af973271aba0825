import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/index.ts";
import { localAdapter } from "../../adapters/local/index.ts";
import type { RunningServer } from "../../src/server.ts";
import { startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { CHROMIUM, launchChromium, sayWhyNoChromium } from "../helpers/chromium.ts";
import { DRIVERS } from "../helpers/db.ts";

const ARTIFACTS = join(process.cwd(), "test-artifacts", "local-browser");
const NOW = new Date("2026-11-24T09:00:00Z");
const STEP_TIMEOUT = 15_000;

sayWhyNoChromium("local-browser.test.ts");

describe.skipIf(!CHROMIUM)("the local channel in Chromium: a whole discussion in the page", () => {
  let server: RunningServer;
  let db: Db;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let page: Page;
  let step = 0;

  beforeAll(async () => {
    db = await (DRIVERS[0] as (typeof DRIVERS)[number]).open();
    server = await startServer(loadConfig({ PORT: "0", LOG_LEVEL: "error" }), [localAdapter], {
      db,
      now: () => NOW,
      scheduler: false,
      listenHost: "127.0.0.1",
    });
    await rm(ARTIFACTS, { recursive: true, force: true });
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchChromium({ acceptDownloads: true });
    context = browser.context;
    context.setDefaultTimeout(STEP_TIMEOUT);
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => console.error("page error:", error.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.close();
  });

  /** Keeps a screenshot of the page after each step, numbered, as a test artifact. */
  const shot = async (name: string) => {
    step++;
    await page.screenshot({
      path: join(ARTIFACTS, `${String(step).padStart(2, "0")}-${name}.png`),
      fullPage: false,
    });
  };
  const channel = () => page.locator("#messages");
  const message = (text: string | RegExp) =>
    channel().getByTestId("message").filter({ hasText: text }).last();
  const point = (n: number) => message(new RegExp(`Punkt ${n} af 11:`));

  async function type(text: string) {
    await page.getByTestId("composer").fill(text);
    await page.getByTestId("composer").press("Enter");
    await message(text).waitFor();
  }

  /** Fills a card's inputs by their ids: dropdowns by value or name, checkbox lists by names, the rest by typing. */
  async function fill(where: Locator, values: Record<string, string>) {
    for (const [id, value] of Object.entries(values)) {
      const field = where.locator(`[id="${id}"]`).last();
      await field.waitFor();
      if ((await field.locator("select").count()) > 0) {
        await field.locator("select").selectOption(value);
      } else if ((await field.locator("input[type=checkbox]").count()) > 0) {
        for (const name of value.split(",")) await field.getByLabel(name, { exact: true }).check();
      } else {
        await field.locator("input, textarea").first().fill(value);
      }
    }
  }

  /** Whether every option of a dropdown is shown whole in it (its text narrower than the box, arrow aside). */
  const namesFit = (select: Locator) =>
    select.evaluate((el) => {
      const s = el as HTMLSelectElement;
      const measure = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
      measure.font = getComputedStyle(s).font;
      return [...s.options].every((o) => measure.measureText(o.text).width <= s.clientWidth - 24);
    });

  async function press(where: Locator, title: string) {
    await where.getByRole("button", { name: title, exact: true }).first().click();
  }

  /** Opens a point's form by its button, fills it in and saves; the card then says it is saved. */
  async function record(n: number, button: string, values: Record<string, string>) {
    await press(point(n), button);
    const first = Object.keys(values)[0] as string;
    await point(n).locator(`[id="${first}"]`).waitFor();
    await fill(point(n), values);
    await press(point(n), "Gem");
    await point(n).locator(`[id="${first}"]`).waitFor({ state: "detached" });
    await point(n).getByText("Gemt.").waitFor();
  }

  async function next(n: number) {
    await press(point(n), "Næste punkt");
    await point(n + 1).waitFor();
  }

  it("says it is a local trial, in Danish and in English", async () => {
    await page.goto(`http://localhost:${server.port}/`);
    const banner = page.getByTestId("trial-banner");
    expect(await banner.innerText()).toContain("Lokal prøve");
    expect(await banner.innerText()).toContain("Local trial");
    await page.getByText("Ingen beskeder endnu.").waitFor();
    // The person picker shows whole names, the chosen one's role on its own line.
    const who = page.getByTestId("who");
    expect(await who.locator("option").allInnerTexts()).toEqual([
      "Mette Hansen",
      "Ali Nielsen",
      "Søren Østergaard",
      "Fatima Jensen",
    ]);
    expect(await namesFit(who)).toBe(true);
    expect(await page.getByTestId("who-role").innerText()).toBe("Arbejdsgiver");
    await shot("empty-channel");
  });

  it("sets up the workplace through the setup card", async () => {
    await type("/arbejdsmiljø opsæt");
    const setup = message("Opsætning");
    await fill(setup, {
      "f.headcount": "25",
      "f.employer": "local-mette",
      "f.representatives": "Ali Nielsen",
      "f.leaders": "Søren Østergaard",
    });
    await shot("setup-form");
    await press(setup, "Gem");
    await setup.getByText("Opsætningen er gemt.").waitFor();
    await shot("setup-saved");
    const workspace = await repos(db).workspaces.find("local", "local");
    expect(workspace?.headcount).toBe(25);
  });

  it("plans the meeting: the announcement and the calendar invitation to download", async () => {
    await type("/arbejdsmiljø planlæg");
    const plan = message("Planlæg drøftelsen");
    await fill(plan, {
      "f.date": "2026-12-03",
      "f.time": "10:00",
      "f.location": "Mødelokale 2",
      "f.participants": "Mette Hansen,Ali Nielsen",
    });
    await press(plan, "Gem");
    const announcement = message("Mødelokale 2");
    await announcement.getByText("Mette Hansen, Ali Nielsen").waitFor();
    // The invitation is in the announcement's thread.
    await announcement.getByTestId("open-thread").filter({ hasText: "1 svar" }).click();
    await page.getByTestId("thread").getByTestId("file").filter({ hasText: ".ics" }).waitFor();
    await shot("planned");
    await page.getByRole("button", { name: "Luk" }).click();
  });

  it("walks through the eleven points with buttons, forms and a thread", async () => {
    await type("/arbejdsmiljø start");
    await point(1).waitFor();
    await shot("started");
    // The buttons that record come before moving on, and are drawn as Teams draws card actions.
    const recordButton = point(1).getByRole("button", { name: "Note", exact: true });
    const nextButton = point(1).getByRole("button", { name: "Næste punkt", exact: true });
    const [recordBox, nextBox] = [await recordButton.boundingBox(), await nextButton.boundingBox()];
    expect(recordBox && nextBox && recordBox.y < nextBox.y).toBe(true);
    const looks = (button: Locator) =>
      button.evaluate((el) => {
        const c = getComputedStyle(el);
        return {
          background: c.backgroundColor,
          border: c.borderTopWidth,
          weight: c.fontWeight,
          height: el.clientHeight,
        };
      });
    expect(await looks(recordButton)).toMatchObject({
      background: "rgb(255, 255, 255)",
      border: "1px",
      weight: "600",
    });
    expect((await looks(recordButton)).height).toBeGreaterThanOrEqual(30);
    expect((await looks(nextButton)).background).toBe("rgb(91, 95, 199)");
    await press(point(1), "Vælg referent");
    await point(1).locator('[id="f.person"]').waitFor();
    expect(await namesFit(point(1).locator('[id="f.person"] select'))).toBe(true);
    await shot("point-1-form");
    await fill(point(1), { "f.person": "Ali Nielsen" });
    await press(point(1), "Gem");
    await point(1).getByText("Gemt.").waitFor();
    await shot("point-1-saved");
    await next(1);
    await record(2, "Nyt medlem af AMO", {
      "f.person": "Ali Nielsen",
      "f.role": "amo_representative",
      "f.joinedOn": "2026-03-01",
    });
    await next(2);

    // A reply in point 3's thread, written in the thread pane, becomes a note on the point.
    // A draft not sent stays when the thread is closed and opened again.
    await point(3).getByTestId("open-thread").click();
    await page.getByTestId("thread").waitFor();
    await page.getByTestId("thread-input").fill("Et udkast");
    await page.getByRole("button", { name: "Luk" }).click();
    await point(3).getByTestId("open-thread").click();
    expect(await page.getByTestId("thread-input").inputValue()).toBe("Et udkast");
    // Shift+Enter breaks the line; Enter sends, as in Slack and Teams.
    await page.getByTestId("thread-input").fill("");
    await page.getByTestId("thread-input").pressSequentially("Vi flytter til nye lokaler i foråret.");
    await page.getByTestId("thread-input").press("Shift+Enter");
    await page.getByTestId("thread-input").pressSequentially("Kantinen følger med.");
    expect(await page.getByTestId("thread-input").inputValue()).toBe(
      "Vi flytter til nye lokaler i foråret.\nKantinen følger med.",
    );
    await page.getByTestId("thread-input").press("Enter");
    await page.getByTestId("thread").getByText("Vi flytter til nye lokaler i foråret.").first().waitFor();
    await point(3).getByText("Vi flytter til nye lokaler i foråret.").waitFor();
    expect(await page.getByTestId("thread-input").inputValue()).toBe("");
    await shot("point-3-thread");
    await page.getByRole("button", { name: "Luk" }).click();
    await point(3).getByTestId("open-thread").click();
    expect(await page.getByTestId("thread-input").inputValue()).toBe("");
    await page.getByRole("button", { name: "Luk" }).click();

    await next(3);
    await record(4, "Status på APV", {
      "f.lastApvDate": "2025-05-01",
      "f.actionPlanStatus": "Gennemført på nær støj.",
    });
    await next(4);
    // A pasted 7,440-character note is kept whole in the field, counted against its limit, and not sent.
    const ws = (await repos(db).workspaces.find("local", "local"))!;
    const held = (await repos(db).discussions.latest(ws.id))!;
    const stored = async () => (await repos(db).entries.forDiscussion(ws.id, held.id)).length;
    const before = await stored();
    await press(point(5), "Note");
    const noteField = point(5).locator('[id="f.text"]').last().locator("textarea").first();
    await noteField.fill("ord-".repeat(1860));
    expect((await noteField.inputValue()).length).toBe(7440);
    await point(5).getByTestId("counter").filter({ hasText: "7440 af højst 3000 tegn" }).waitFor();
    await press(point(5), "Gem");
    await point(5).getByText("Skal udfyldes og må højst være 3000 tegn.").waitFor();
    await shot("note-over-its-limit");
    expect(await stored()).toBe(before);
    await fill(point(5), { "f.text": "Nyansatte får en tjekliste den første uge." });
    await point(5).getByTestId("counter").filter({ hasText: "42 af højst 3000 tegn" }).waitFor();
    await press(point(5), "Gem");
    await point(5).getByText("Gemt.").waitFor();
    await next(5);
    await record(6, "Oversigt over ulykker", {
      "f.accidents": "1",
      "f.nearMisses": "3",
      "f.poisonings": "0",
      "f.healthDamage": "0",
      "f.causesInvestigated": "yes",
      "f.preventionWorked": "partly",
    });
    await next(6);
    await record(7, "Note", { "f.text": "Første år med botten; sidste års mål er nået." });
    await next(7);
    await record(8, "Fokusområde", {
      "f.area": "Støj i storrummet",
      "f.actions": "Måle støj og sætte lydabsorbenter op.",
    });
    await record(8, "Mål", {
      "f.text": "Mindre støj i storrummet",
      "f.successCriterion": "Under 55 dB målt i april",
      "f.owner": "Søren Østergaard",
      "f.deadline": "2027-05-01",
    });
    await record(8, "Beslutning", {
      "f.text": "Indkøb af lydabsorbenter",
      "f.owner.name": "Mette Hansen",
      "f.deadline": "2027-02-01",
    });
    await shot("point-8-recorded");
    await next(8);
    await record(9, "Samarbejdet i det kommende år", {
      "f.meetingInterval": "Hvert kvartal",
      "f.convener": "Mette Hansen",
      "f.acuteHandling": "Ring til arbejdsmiljørepræsentanten samme dag",
      "f.informAmo": "Fælles kanal",
      "f.informEveryone": "Kort punkt på personalemødet",
    });
    await next(9);
    await record(10, "Kompetencer og uddannelse", {
      "f.supplementaryTraining": "Ali tager 2 dages supplerende uddannelse i foråret.",
    });
    await next(10);
    await shot("point-11");
  });

  it("concludes: the summary is pinned, and the pinned link shows it", async () => {
    await press(point(11), "Afslut drøftelsen");
    const pinned = page
      .getByTestId("pinned-item")
      .filter({ hasText: "Referat af den årlige arbejdsmiljødrøftelse 2026" });
    await pinned.waitFor();
    await shot("concluded");
    await pinned.click();
    const summary = message("Referat af den årlige arbejdsmiljødrøftelse 2026");
    await summary.getByTestId("pinned-mark").waitFor();
    const text = await summary.innerText();
    expect(text).toContain("Indkøb af lydabsorbenter");
    expect(text).toContain("Mindre støj i storrummet");
    expect(text).toContain("Hvert kvartal");
    expect(text).toContain("Ali Nielsen");
    expect(text).not.toContain("mangler");
    await shot("pinned-summary");
  });

  it("exports the summary and downloads the PDF", async () => {
    await type("/arbejdsmiljø eksport");
    const link = page.getByTestId("file").filter({ hasText: ".pdf" });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^arbejdsmiljødrøftelse-2026-v\d+\.pdf$/);
    const pdf = await readFile((await download.path()) as string);
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    await page.getByTestId("file").filter({ hasText: ".csv" }).waitFor();
    await shot("exported");
  });

  it("is approved by both sides, each switching to themselves in the page", async () => {
    const summary = () => message("Referat af den årlige arbejdsmiljødrøftelse 2026");
    await press(summary(), "Godkend referatet");
    await summary()
      .getByText(/Godkendt af Mette Hansen \(Arbejdsgiver\)/)
      .waitFor();
    await page.getByTestId("who").selectOption("local-ali");
    await summary().waitFor();
    await press(summary(), "Godkend referatet");
    await summary()
      .getByText(/Godkendt af Ali Nielsen \(Arbejdsmiljørepræsentant\)/)
      .waitFor();
    await shot("approved-by-both");
    const workspace = await repos(db).workspaces.find("local", "local");
    const discussion = await repos(db).discussions.forYear(workspace?.id as string, 2026);
    expect(discussion?.status).toBe("approved");
  });
});
