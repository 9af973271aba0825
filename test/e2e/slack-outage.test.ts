import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../adapters/index.ts";
import { slackAdapterWith } from "../../adapters/slack/index.ts";
import { NOT_READY_TEXT } from "../../adapters/slack/not-ready.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";
import { freePort, npmStartArgs, PROJECT_ROOT } from "../helpers/npm-start.ts";
import { EMPLOYER, waitFor } from "../helpers/slack-app.ts";
import { SIGNING_SECRET, SlackDriver } from "../helpers/slack-driver.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";
import { FakeSocketMode } from "../helpers/slack-socket.ts";

/** Short waits, so an outage and its end fit in a test; the real ones are in adapters/slack/connection.ts. */
const connectTimes = { firstWaitMs: 5_000, retryMs: 200, maxRetryMs: 400 };
const REFUSED = { status: 200, body: { ok: false, error: "invalid_auth" } };

const env = (apiUrl: string) => ({
  PORT: "0",
  SLACK_BOT_TOKEN: "xoxb-test-token",
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: apiUrl,
  LOG_LEVEL: "warn",
});

/** Whether a slash command was served by the bot, rather than told that the bot is still connecting to Slack. */
async function served(slack: SlackDriver, text: string): Promise<boolean> {
  const res = await slack.command(EMPLOYER, text);
  return res.status === 200 && !(await res.text()).includes("Prøv igen om et øjeblik");
}

/** The warning lines the bot writes from now on (the logger writes warnings to stderr). */
function warnings(): () => string[] {
  const spy = vi.spyOn(process.stderr, "write");
  return () =>
    spy.mock.calls.map(([chunk]) => String(chunk)).filter((line) => line.includes('"level":"warn"'));
}

describe("Slack down or refusing the token when the bot starts (single workspace)", () => {
  let fake = new FakeSlack();
  beforeEach(() => {
    fake = new FakeSlack();
  });
  let server: RunningServer | undefined;
  let db: Db | undefined;

  const start = async (apiUrl: string, times = connectTimes) => {
    db = await (DRIVERS.at(-1) as (typeof DRIVERS)[number]).open();
    const config = loadConfig(env(apiUrl));
    server = await startServer(config, [slackAdapterWith({ connectTimes: times })], { db, scheduler: false });
    return `http://127.0.0.1:${server.port}`;
  };

  afterEach(async () => {
    vi.restoreAllMocks();
    await server?.stop();
    await db?.close();
    await fake.stop();
    server = undefined;
    db = undefined;
  });

  it("starts with nothing at SLACK_API_URL, answers a command with a line to try again until Slack is up, then serves as usual", async () => {
    const port = await freePort();
    fake.url = `http://127.0.0.1:${port}/api/`;
    const logged = warnings();
    const url = await start(fake.url);
    const slack = new SlackDriver(url, fake, uniqueId("T"));

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", database: "ok" });
    // A slash command, which Slack never sends again, is answered privately with a line to try again.
    const early = await slack.command(EMPLOYER, "opsæt");
    expect(early.status).toBe(200);
    expect(await early.json()).toEqual({ response_type: "ephemeral", text: NOT_READY_TEXT });
    expect(NOT_READY_TEXT).toContain("Prøv igen om et øjeblik");
    // Anything else signed gets 503, which Slack shows or sends again.
    const click = await slack.click(EMPLOYER, "point_next", "{}");
    expect(click.status).toBe(503);
    expect(click.headers.get("retry-after")).toBe("30");
    // An event is sent again by Slack, even one whose text reads like a command's form.
    const reply = await slack.message(EMPLOYER, "Q&A&command=/arbejdsmiljø", "1.0");
    expect(reply.status).toBe(503);
    // A stranger still gets 401, not a hint that the bot is waiting for Slack.
    const unsigned = await fetch(`${url}/slack/events`, {
      method: "POST",
      body: "command=%2Farbejdsmilj%C3%B8",
    });
    expect(unsigned.status).toBe(401);
    const ours = logged().filter((line) => line.includes("Slack cannot be reached"));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain(
      "Slack requests get 503 (a slash command a line to try again) and the bot keeps asking with backoff",
    );

    await fake.start(port);
    await waitFor(() => fake.of("auth.test").length > 0, 5_000);
    const opened = await fake.after("views.open", async () => {
      await waitFor(() => served(slack, "opsæt"), 5_000);
    });
    expect(opened.token).toBe("xoxb-test-token");
    expect((opened.args.view as { type: string }).type).toBe("modal");
    // The setup modal's submit is stored and confirmed by direct message, as on any day.
    const confirmed = await fake.afterDm(EMPLOYER.id, () =>
      slack.submit(EMPLOYER, opened.args.view as Record<string, unknown>, {
        headcount: 6,
        employer: EMPLOYER.id,
        representatives: [],
        leaders: [],
        channel: "C_AMO",
        timeZone: "Europe/Copenhagen",
        language: "da",
      }),
    );
    expect(confirmed.token).toBe("xoxb-test-token");
    expect((await repos(db as Db).workspaces.find("slack", slack.team))?.headcount).toBe(6);
    expect(logged().filter((line) => line.includes("Slack cannot be reached"))).toHaveLength(1);
  });

  it("rides out Slack answering 503 at start, and takes the first good answer", async () => {
    await fake.start();
    // The Web API client asks four times per try; two tries fail.
    for (let i = 0; i < 8; i++) fake.failNext("auth.test", { status: 503, body: "unavailable" });
    const url = await start(fake.url);
    const slack = new SlackDriver(url, fake, uniqueId("T"));
    expect(await served(slack, "hjælp")).toBe(false);
    await waitFor(() => fake.of("auth.test").length === 1, 10_000);
    const help = await fake.after("respond", async () => {
      await waitFor(() => served(slack, "hjælp"), 5_000);
    });
    expect(JSON.stringify(help.args)).toContain("opsæt");
    expect(fake.of("auth.test!503")).toHaveLength(8);
  });

  it("does not hold the start for a Slack that is slow to answer, and serves once it has", async () => {
    await fake.start();
    fake.failNext("auth.test", { delayMs: 1_500 });
    const url = await start(fake.url, { ...connectTimes, firstWaitMs: 100 });
    // Started while Slack still holds its answer (the fake records a delayed call once it answers).
    expect(fake.of("auth.test")).toHaveLength(0);
    const slack = new SlackDriver(url, fake, uniqueId("T"));
    expect(await served(slack, "hjælp")).toBe(false);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await waitFor(() => served(slack, "hjælp"), 5_000);
    expect(fake.of("auth.test")).toHaveLength(1);
  });

  it("stops the start with one line naming SLACK_BOT_TOKEN when Slack refuses the token", async () => {
    await fake.start();
    fake.failNext("auth.test", REFUSED);
    await expect(start(fake.url)).rejects.toThrow(
      "Configuration error: SLACK_BOT_TOKEN was refused by Slack (invalid_auth).",
    );
  });
});

describe("Socket Mode with Slack down or refusing a token at start", () => {
  let fake = new FakeSlack();
  beforeEach(() => {
    fake = new FakeSlack();
  });
  const socket = new FakeSocketMode();
  let server: RunningServer | undefined;
  let db: Db | undefined;

  const start = async (apiUrl: string) => {
    db = await (DRIVERS.at(-1) as (typeof DRIVERS)[number]).open();
    const config = loadConfig({ ...env(apiUrl), SLACK_APP_TOKEN: "xapp-1-A1-socket", LOG_LEVEL: "error" });
    server = await startServer(config, [slackAdapterWith({ connectTimes })], { db, scheduler: false });
  };

  afterEach(async () => {
    await server?.stop();
    await db?.close();
    await fake.stop();
    if (socket.url) await socket.stop();
    server = undefined;
    db = undefined;
  });

  it("starts with nothing at SLACK_API_URL and connects the socket once Slack is up", async () => {
    const port = await freePort();
    await start(`http://127.0.0.1:${port}/api/`);
    expect(socket.connected).toBe(0);
    fake.socketUrl = await socket.start();
    await fake.start(port);
    await waitFor(() => socket.connected === 1, 10_000);
    expect(fake.of("apps.connections.open").at(-1)?.token).toBe("xapp-1-A1-socket");
  });

  it("stops the start with one line naming SLACK_APP_TOKEN when Slack refuses the app token", async () => {
    await fake.start();
    fake.failNext("apps.connections.open", REFUSED);
    await expect(start(fake.url)).rejects.toThrow(
      "Configuration error: SLACK_APP_TOKEN was refused by Slack (invalid_auth).",
    );
  });
});

describe("the bot as a process, with a token Slack refuses", () => {
  let fake = new FakeSlack();
  beforeEach(() => {
    fake = new FakeSlack();
  });
  let npmStart: string[] = [];
  beforeAll(async () => {
    npmStart = await npmStartArgs();
  });
  afterEach(() => fake.stop());

  it("exits with 1 and the one line naming SLACK_BOT_TOKEN", async () => {
    await fake.start();
    fake.failNext("auth.test", { status: 200, body: { ok: false, error: "token_revoked" } });
    const child = spawn(process.execPath, npmStart, {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        ...env(fake.url),
        PORT: String(await freePort()),
        DATA_DIR: await mkdtemp(join(tmpdir(), "amo-")),
        LOG_LEVEL: "error",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe("Configuration error: SLACK_BOT_TOKEN was refused by Slack (token_revoked).");
  }, 60_000);
});
