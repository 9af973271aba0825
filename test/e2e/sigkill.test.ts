import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { openPg } from "../../src/store/drivers/pg.ts";
import { repos } from "../../src/store/index.ts";
import { migrate } from "../../src/store/migrate.ts";
import { setUpWorkspace, testCore } from "../helpers/core.ts";
import { holdWholeDiscussion } from "../helpers/fixture.ts";
import { freePort, npmStartArgs, PROJECT_ROOT } from "../helpers/npm-start.ts";

const serverUrl = process.env.TEST_DATABASE_URL;
const SECRET = "sigkill-signing-secret-0123";

/** A Slack Web API that answers everything, except that it can hold one request forever (the process dies then). */
function slackThatCanHold() {
  const seen: { method: string; text: string }[] = [];
  let hold: ((method: string, text: string) => boolean) | null = null;
  let onHold: () => void = () => {};
  let ts = 1_800_000_000_000;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
      const body = Buffer.concat(chunks).toString("utf8");
      const text = new URLSearchParams(body).get("text") ?? "";
      seen.push({ method, text });
      if (hold?.(method, text)) {
        hold = null;
        onHold();
        return; // never answered
      }
      ts++;
      const port = (server.address() as AddressInfo).port;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          ok: true,
          ts: `${Math.floor(ts / 1000)}.${ts % 1000}`,
          channel: "C_AMO",
          user_id: "UBOT",
          user: { id: "U", profile: { real_name: "Mette Hansen" } },
          permalink: "https://slack.example/p",
          upload_url: `http://127.0.0.1:${port}/upload`,
          file_id: "F1",
          files: [{ id: "F1" }],
        }),
      );
    });
  });
  return {
    seen,
    holdNext(match: (method: string, text: string) => boolean, then: () => void) {
      hold = match;
      onHold = then;
    },
    start: () =>
      new Promise<string>((r) =>
        server.listen(0, "127.0.0.1", () =>
          r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`),
        ),
      ),
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** The bot as `npm start` runs it: the bundle its build step made (test/global-setup.ts). */
async function startBot(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, await npmStartArgs(), {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: "ignore",
  });
  return { child, exited: new Promise((r) => child.once("exit", r)) };
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("condition not met in time");
}

// A real process killed with SIGKILL needs a real PostgreSQL it can reconnect to; CI always sets TEST_DATABASE_URL.
describe.runIf(serverUrl)("a process killed with SIGKILL in the middle of a conclude", () => {
  const name = `kill_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  let admin: Db;
  let db: Db;
  let databaseUrl: string;
  const slack = slackThatCanHold();
  beforeAll(async () => {
    admin = openPg(serverUrl as string, 1);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl as string);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    db = openPg(databaseUrl);
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.close();
    await slack.stop();
  });

  it("loses nothing, and after a restart the summary is posted once", async () => {
    const slackUrl = await slack.start();
    const { core } = testCore(db, new Date());
    const team = await setUpWorkspace(core);
    const { discussion: started } = await core.start(team.employer, {}, null);
    const discussion = await holdWholeDiscussion(core, team, started);

    const env = (port: number) => ({
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SLACK_BOT_TOKEN: "xoxb-sigkill",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slackUrl,
      LOG_LEVEL: "error",
    });
    // Ports free now, rather than at random: a taken port stops a bot at start, unseen (its output is not kept).
    const port = await freePort();
    const first = await startBot(env(port));
    await until(() =>
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
    );

    // The conclude commits, then the process dies while Slack is receiving the summary.
    slack.holdNext(
      (method, text) => method === "chat.postMessage" && text.startsWith("Referat af den årlige"),
      () => {
        first.child.kill("SIGKILL");
      },
    );
    const payload = JSON.stringify({
      type: "block_actions",
      team: { id: team.team },
      user: { id: "U_EMPLOYER", team_id: team.team },
      trigger_id: "t",
      channel: { id: "C_AMO" },
      container: { type: "message", channel_id: "C_AMO", message_ts: "1.0" },
      actions: [
        {
          type: "button",
          action_id: "discussion_conclude",
          value: JSON.stringify({ d: discussion.id, v: discussion.version }),
        },
      ],
    });
    const body = new URLSearchParams({ payload }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
    await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": signature,
      },
      body,
    });
    await first.exited;

    const r = repos(db);
    const after = await r.discussions.get(team.workspace.id, discussion.id);
    expect(after?.status).toBe("concluded");
    expect((await r.entries.forDiscussion(team.workspace.id, discussion.id)).length).toBe(12);
    const summaries = await r.summaries.list(team.workspace.id, discussion.id);
    expect(summaries.map((s) => s.version)).toEqual([1]);
    expect(summaries[0]?.message && "pending" in summaries[0].message).toBe(true);

    // The dead process's claim on the summary message runs out (simulated: two minutes pass).
    await db.query(
      "UPDATE summaries SET message = jsonb_build_object('pending', true, 'at', now() - interval '10 minutes')",
    );
    const posts = () =>
      slack.seen.filter((s) => s.method === "chat.postMessage" && s.text.startsWith("Referat af den årlige"))
        .length;
    const before = posts();
    const second = await startBot(env(await freePort()));
    try {
      await until(async () => {
        const latest = await r.summaries.latest(team.workspace.id, discussion.id);
        return Boolean(latest?.message && !("pending" in latest.message));
      });
      expect(posts() - before).toBe(1);
      expect(slack.seen.filter((s) => s.method === "pins.add").length).toBe(1);
      // The discussion resumes where it was: concluded, with the same single summary version.
      expect((await r.summaries.list(team.workspace.id, discussion.id)).map((s) => s.version)).toEqual([1]);
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 90_000);
});
