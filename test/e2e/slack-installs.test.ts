import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { uniqueId } from "../helpers/db.ts";
import { waitFor } from "../helpers/slack-app.ts";
import { SIGNING_SECRET, SlackDriver } from "../helpers/slack-driver.ts";
import { signedPost } from "../helpers/slack-fake.ts";
import { SlackOAuthApp } from "../helpers/slack-oauth-app.ts";

const EMPLOYER = { id: "U_EMP", name: "Mette Hansen" };

interface StoredInstallation {
  bot?: { token?: string; refreshToken?: string; expiresAt?: number };
  enterprise?: { id?: string };
  isEnterpriseInstall?: boolean;
}

/** Installs of every kind: rotating tokens refreshed before they expire, and org-wide installs of an enterprise. */
describe("Slack OAuth: token rotation and org-wide installs", () => {
  const app = new SlackOAuthApp();
  const { fake } = app;
  let server: RunningServer;
  let db: Db;
  let url: string;
  beforeAll(async () => {
    await app.start([EMPLOYER]);
    ({ server, db, url } = app);
  });
  afterAll(() => app.stop());

  /** The browser's way through /slack/install and back from Slack with `code-<id>`. */
  async function install(id: string): Promise<Response> {
    const start = await fetch(`${url}/slack/install`, { redirect: "manual" });
    const state = new URL(start.headers.get("location") as string).searchParams.get("state") as string;
    const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] as string;
    return fetch(`${url}/slack/oauth_redirect?code=code-${id}&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: "manual",
    });
  }
  const stored = async (name: string): Promise<StoredInstallation | null> => {
    const sealed = await server.core.credentials.load("slack", name);
    return sealed ? (JSON.parse(sealed) as StoredInstallation) : null;
  };
  const refreshes = () => fake.of("oauth.v2.access").filter((c) => c.args.grant_type === "refresh_token");

  /** Sets the workspace up through the modal and starts its discussion; returns the board's post. */
  async function setUpAndStart(slack: SlackDriver) {
    const opened = await fake.after("views.open", () => slack.command(EMPLOYER, "opsæt"));
    await fake.afterDm(EMPLOYER.id, () =>
      slack.submit(EMPLOYER, opened.args.view as Record<string, unknown>, {
        headcount: 8,
        employer: EMPLOYER.id,
        channel: "C_AMO",
        timeZone: "Europe/Copenhagen",
        language: "da",
      }),
    );
    const board = await fake.after("chat.postMessage", () => slack.command(EMPLOYER, "start"));
    return { opened, board };
  }

  it("refreshes a rotating token before it expires, stores the new one sealed, and uses it everywhere", async () => {
    fake.rotation = { installedFor: 60, refreshedFor: 43_200 };
    try {
      const team = uniqueId("T");
      expect((await install(team)).status).toBe(200);
      const first = await stored(`T:${team}`);
      expect(first?.bot?.token).toMatch(/^xoxe\.xoxb-/);
      expect(first?.bot?.refreshToken).toMatch(/^xoxe-1-/);
      const sealedRow = JSON.stringify(
        await db.query("SELECT * FROM credentials WHERE name = $1", [`T:${team}`]),
      );
      expect(sealedRow).not.toContain("xoxe");

      // Within two hours of expiry: the next request refreshes it first, once, and is answered with the new token.
      const before = refreshes().length;
      const { opened, board } = await setUpAndStart(new SlackDriver(url, fake, team));
      const now = await stored(`T:${team}`);
      expect(refreshes().length).toBe(before + 1);
      expect(refreshes().at(-1)?.args.refresh_token).toBe(first?.bot?.refreshToken);
      expect(now?.bot?.token).toMatch(/^xoxe\.xoxb-refreshed-/);
      expect(now?.bot?.token).not.toBe(first?.bot?.token);
      expect(now?.bot?.expiresAt).toBeGreaterThan(Date.now() / 1000 + 40_000);
      expect(opened.token).toBe(now?.bot?.token);
      // What the core posts on its own goes out with the refreshed token, and asks for no second refresh.
      expect(board.token).toBe(now?.bot?.token);
      expect(refreshes().length).toBe(before + 1);
    } finally {
      fake.rotation = null;
    }
  });

  it("serves each team of an org-wide install with the enterprise's token, and forgets it when it goes", async () => {
    const enterprise = uniqueId("E");
    const installed = await install(enterprise);
    expect(installed.status).toBe(200);
    expect(await installed.text()).toContain(`Botten er nu installeret i Koncern ${enterprise}.`);
    const org = await stored(`E:${enterprise}`);
    expect(org?.isEnterpriseInstall).toBe(true);
    expect(org?.bot?.token).toMatch(new RegExp(`^xoxb-${enterprise}-`));
    // No workspace stands for the enterprise itself.
    expect(await repos(db).workspaces.find("slack", enterprise)).toBeNull();

    const team = uniqueId("T");
    const slack = new SlackDriver(url, fake, team);
    slack.enterpriseId = enterprise;
    const { opened, board } = await setUpAndStart(slack);
    expect(opened.token).toBe(org?.bot?.token);
    expect(board.token).toBe(org?.bot?.token);
    expect((await repos(db).workspaces.find("slack", team))?.installed).toBe(true);
    // A second team of the enterprise, heard from once; Slack's uninstall event will name only the first.
    const other = new SlackDriver(url, fake, uniqueId("T"));
    other.enterpriseId = enterprise;
    await fake.after("respond", () => other.command(EMPLOYER, "status"));
    expect((await repos(db).workspaces.find("slack", other.team))?.installed).toBe(true);
    const enterpriseOf = (t: string) => server.core.credentials.load("slack", `O:${t}`);
    expect(await enterpriseOf(other.team)).toBe(enterprise);

    const event = JSON.stringify({
      token: "legacy",
      team_id: team,
      enterprise_id: enterprise,
      is_enterprise_install: true,
      api_app_id: "A1",
      type: "event_callback",
      event_id: uniqueId("Ev"),
      event_time: Math.floor(Date.now() / 1000),
      event: { type: "app_uninstalled" },
    });
    const res = await signedPost(`${url}/slack/events`, event, SIGNING_SECRET, {
      contentType: "application/json",
    });
    expect(res.status).toBe(200);
    await waitFor(async () => (await stored(`E:${enterprise}`)) === null);
    expect((await repos(db).workspaces.find("slack", team))?.installed).toBe(false);
    await waitFor(async () => (await repos(db).workspaces.find("slack", other.team))?.installed === false);
    expect(await enterpriseOf(other.team)).toBeNull();
  });
});
