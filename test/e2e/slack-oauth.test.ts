import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { uniqueId } from "../helpers/db.ts";
import { SIGNING_SECRET, SlackDriver } from "../helpers/slack-driver.ts";
import { signedPost } from "../helpers/slack-fake.ts";
import { SlackOAuthApp } from "../helpers/slack-oauth-app.ts";

const EMPLOYER = { id: "U_EMP", name: "Mette Hansen" };

/** Several workspaces installed through Slack's OAuth flow, each answered with its own bot token. */

describe("Slack OAuth: install in several workspaces", () => {
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

  /** Walks the browser through /slack/install and back from Slack with `code-<team>`. */
  async function install(team: string): Promise<Response> {
    const start = await fetch(`${url}/slack/install`, { redirect: "manual" });
    expect(start.status).toBe(302);
    const location = new URL(start.headers.get("location") as string);
    expect(location.origin + location.pathname).toBe("https://slack.com/oauth/v2/authorize");
    expect(location.searchParams.get("client_id")).toBe("111.222");
    expect(location.searchParams.get("scope")?.split(",")).toEqual(
      expect.arrayContaining(["commands", "chat:write", "pins:write"]),
    );
    const state = location.searchParams.get("state") as string;
    const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] as string;
    return fetch(`${url}/slack/oauth_redirect?code=code-${team}&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: "manual",
    });
  }

  /** The bot token of a team's stored installation (the core unseals it). */
  const tokenOf = async (team: string) => {
    const stored = await server.core.credentials.load("slack", `T:${team}`);
    return stored ? (JSON.parse(stored) as { bot?: { token?: string } }).bot?.token : null;
  };
  const storedRow = async (team: string) =>
    JSON.stringify(
      await db.query("SELECT * FROM credentials WHERE platform = 'slack' AND name = $1", [`T:${team}`]),
    );

  it("stores each installation and answers each workspace with its own token", async () => {
    const [a, b] = [uniqueId("T"), uniqueId("T")];
    const installedA = await install(a);
    expect(installedA.status).toBe(200);
    expect(await installedA.text()).toContain(`Botten er nu installeret i Team ${a}.`);
    expect((await install(b)).status).toBe(200);
    const [tokenA, tokenB] = [await tokenOf(a), await tokenOf(b)];
    expect(tokenA).toMatch(new RegExp(`^xoxb-${a}-`));
    // Encrypted at rest: the stored row holds no token and no part of the installation in clear text.
    expect(await storedRow(a)).not.toContain("xoxb-");
    expect(await storedRow(a)).toContain('"sealed":"v1:');
    expect(tokenB).toMatch(new RegExp(`^xoxb-${b}-`));
    expect(fake.of("oauth.v2.access").map((c) => c.args.code)).toEqual(
      expect.arrayContaining([`code-${a}`, `code-${b}`]),
    );
    expect((await repos(db).workspaces.find("slack", a))?.installed).toBe(true);

    // Commands from each workspace are answered with that workspace's token.
    const opened = await fake.after("views.open", () =>
      new SlackDriver(url, fake, a).command(EMPLOYER, "opsæt"),
    );
    expect(opened.token).toBe(tokenA);
    const openedB = await fake.after("views.open", () =>
      new SlackDriver(url, fake, b).command(EMPLOYER, "setup"),
    );
    expect(openedB.token).toBe(tokenB);

    // What the core posts on its own (the board at start) goes out with the workspace's token too.
    const slackA = new SlackDriver(url, fake, a);
    await fake.afterDm(EMPLOYER.id, () =>
      slackA.submit(EMPLOYER, opened.args.view as Record<string, unknown>, {
        headcount: 8,
        employer: EMPLOYER.id,
        channel: "C_AMO",
        timeZone: "Europe/Copenhagen",
        language: "da",
      }),
    );
    const board = await fake.after("chat.postMessage", () => slackA.command(EMPLOYER, "start"));
    expect(board.token).toBe(tokenA);
  });

  it("forgets the token on app_uninstalled, and a reinstall resumes with the new one", async () => {
    const team = uniqueId("T");
    await install(team);
    const first = await tokenOf(team);
    const slack = new SlackDriver(url, fake, team);
    expect((await fake.after("views.open", () => slack.command(EMPLOYER, "opsæt"))).token).toBe(first);

    const event = JSON.stringify({
      token: "legacy",
      team_id: team,
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
    await waitFor(async () => (await tokenOf(team)) === null);
    expect((await repos(db).workspaces.find("slack", team))?.installed).toBe(false);

    await install(team);
    const second = await tokenOf(team);
    expect(second).not.toBe(first);
    expect((await repos(db).workspaces.find("slack", team))?.installed).toBe(true);
    expect((await fake.after("views.open", () => slack.command(EMPLOYER, "opsæt"))).token).toBe(second);
  });

  it("refuses a callback with a forged state and stores nothing", async () => {
    const team = uniqueId("T");
    const res = await fetch(`${url}/slack/oauth_redirect?code=code-${team}&state=forged`, {
      redirect: "manual",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Installationen blev ikke gennemført");
    expect(await tokenOf(team)).toBeNull();
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("condition not met in time");
}
