import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium, sayWhyNoChromium } from "../helpers/chromium.ts";
import { uniqueId } from "../helpers/db.ts";
import { LEADER, teamsApp } from "../helpers/teams-app.ts";
import { entraToken } from "../helpers/teams-identity.ts";
import { holdDiscussion } from "../helpers/teams-tab.ts";

const TENANT = uniqueId("tenant-");
const OTHER_TENANT = uniqueId("tenant-");
const ARTIFACTS = join(process.cwd(), "test-artifacts", "teams-tab");
const HOST_PAGE = "/teams-host-for-test.html";

sayWhyNoChromium("teams-tab-browser.test.ts");

/**
 * A stand-in for Teams around the tab: it frames the tab and answers the Teams JavaScript library's messages as the
 * Teams web client does (initialize, getContext, authentication.getAuthToken), with the context and token given.
 * Served on the bot's own origin, which the library trusts as it trusts Teams' own.
 */
const hostPage = (context: Record<string, unknown>, token: string) => `<!doctype html>
<html><body style="margin:0">
<iframe id="tab" src="/teams/tab" style="width:1200px;height:1400px;border:0"></iframe>
<script>
  const runtime = { apiVersion: 4, supports: { appEntity: {}, pages: { config: {}, tabs: {} }, teamsCore: {} } };
  const answers = {
    initialize: () => ["content", "web", JSON.stringify(runtime), "2.58.0"],
    getContext: () => [${JSON.stringify(context)}],
    "authentication.getAuthToken": () => [true, ${JSON.stringify(token)}],
  };
  window.asked = [];
  window.addEventListener("message", (event) => {
    const m = event.data;
    if (!m || typeof m.func !== "string") return;
    window.asked.push(m.func);
    const args = answers[m.func] ? answers[m.func]() : [];
    event.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, event.origin);
  });
</script>
</body></html>`;

describe.skipIf(!CHROMIUM)("the Teams tab in Chromium, framed as Teams frames it", () => {
  const app = teamsApp({ env: { MICROSOFT_ALLOWED_TENANTS: `${TENANT},${OTHER_TENANT}` } });
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    await rm(ARTIFACTS, { recursive: true, force: true });
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchChromium({ viewport: { width: 1200, height: 1400 } });
    browser.context.setDefaultTimeout(15_000);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("pageerror", (error) => errors.push(error.message));
    // The tab may be framed by Teams' own hosts alone (frame-ancestors): for the stand-in, that one directive is
    // dropped from the page's policy, and the rest of it (scripts and styles from the bot only) is kept.
    await page.route(`${app.url}/teams/tab`, async (route) => {
      const response = await route.fetch();
      const policy = response.headers()["content-security-policy"] ?? "";
      expect(policy).toContain("frame-ancestors teams.microsoft.com");
      const kept = policy
        .split("; ")
        .filter((d) => !d.startsWith("frame-ancestors"))
        .join("; ");
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": kept } });
    });
  }, 60_000);
  afterAll(() => browser?.close());

  /** Opens the tab in the stand-in host as `user` with Teams' `locale`, and gives the tab's frame. */
  async function openTab(
    user: { id: string; name: string },
    locale: string,
    channel: string,
    tenantId = TENANT,
  ): Promise<Frame> {
    const token = entraToken({ tenantId, userId: user.id, name: user.name });
    const context = {
      locale,
      channelId: channel,
      tid: tenantId,
      userObjectId: user.id,
      frameContext: "content",
    };
    await page.route(`${app.url}${HOST_PAGE}`, (route) =>
      route.fulfill({ contentType: "text/html", body: hostPage(context, token) }),
    );
    await page.goto(`${app.url}${HOST_PAGE}`);
    await page
      .frameLocator("#tab")
      .locator("h1, .notice:not(:has-text('Henter'))")
      .first()
      .waitFor({ state: "attached" });
    const found = page.frames().find((f) => f !== page.mainFrame());
    expect(found?.url()).toBe(`${app.url}/teams/tab`);
    return found as Frame;
  }

  it("signs the person in through Teams and shows the referat, its status and their follow-up", async () => {
    const { teams } = await holdDiscussion(app, TENANT, "Indkøb af lydabsorbenter");
    const tab = await openTab(LEADER, "da-dk", teams.channel);
    await tab.getByText("Indkøb af lydabsorbenter").first().waitFor();
    const text = await tab.locator("body").innerText();
    expect(text).toContain("Status");
    expect(text).toContain("Afsluttet");
    expect(text).toContain("Opfølgning");
    expect(text).toContain("Mindre støj");
    expect(text).toContain("Referat af den årlige arbejdsmiljødrøftelse 2026");
    expect(text).toContain("Arbejdsgiversiden");
    expect(await page.evaluate(() => (window as unknown as { asked: string[] }).asked)).toEqual(
      expect.arrayContaining(["initialize", "getContext", "authentication.getAuthToken"]),
    );
    await page.screenshot({ path: join(ARTIFACTS, "01-tab-danish.png"), fullPage: true });

    const english = await openTab(LEADER, "en-us", teams.channel);
    await english.getByText("Follow-up").first().waitFor();
    expect(await english.locator("html").getAttribute("lang")).toBe("en");
    await page.screenshot({ path: join(ARTIFACTS, "02-tab-english.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  it("tells a person who is not on the roster only that", async () => {
    const { teams } = await holdDiscussion(app, OTHER_TENANT, "Nye skriveborde");
    const stranger = { id: "aad-stranger", name: "Kim Fremmed" };
    const tab = await openTab(stranger, "da-dk", teams.channel, OTHER_TENANT);
    await tab.locator(".notice").waitFor();
    const text = await tab.locator("body").innerText();
    expect(text).toContain("Du står ikke på arbejdspladsens liste over deltagere i arbejdsmiljøarbejdet");
    expect(text).not.toContain("Nye skriveborde");
    expect(text).not.toContain("Mindre støj");
    await page.screenshot({ path: join(ARTIFACTS, "03-not-on-roster.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
