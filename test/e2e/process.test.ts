import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { freePort, npmStartArgs, PROJECT_ROOT } from "../helpers/npm-start.ts";

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, npmStart, {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function waitForHealth(port: number, child: ChildProcess) {
  for (let i = 0; i < 200 && child.exitCode === null; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the bot did not answer /healthz");
}

/** The bot runs as `npm start` runs it: the bundle its build step made (test/global-setup.ts). */
let npmStart: string[] = [];
beforeAll(async () => {
  npmStart = await npmStartArgs();
});

describe("the bot as a process", () => {
  it("starts on PGlite with no settings, answers /healthz, and stops cleanly on SIGTERM within 10 s", async () => {
    const port = await freePort();
    const dataDir = await mkdtemp(join(tmpdir(), "amo-"));
    const bot = run({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "info" });
    await waitForHealth(port, bot.child);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json());
    expect(health).toEqual({ status: "ok", database: "ok" });
    // The local channel's page and its files are read from the project's folder, also from the bundle.
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<html");
    const script = await fetch(`http://127.0.0.1:${port}/local/app.js`);
    expect(script.status).toBe(200);
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    // Exit code 0 is the clean path: past the 10 s deadline the process exits with 1 (src/main.ts).
    expect(bot.out()).toContain('"message":"stopped"');
  }, 60_000);

  it("refuses to start with a bad setting, in one line naming the variable", async () => {
    const bot = run({ PORT: "not-a-port" });
    expect(await bot.exited).toBe(1);
    expect(bot.err().trim()).toBe("Configuration error: PORT must be a port number (it is not valid).");
  }, 60_000);
});
