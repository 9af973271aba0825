import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { FakeSlack } from "../test/helpers/slack-fake.ts";
import { FakeConnector } from "../test/helpers/teams-connector.ts";

/**
 * The fake Slack Web API or Bot Connector in a process of its own, as the real ones are: the app's process then
 * carries only its own work, not the fake's parsing and checking of every message it is sent.
 * Run as `node --import tsx bench/fake-platform.ts slack|teams`; prints its URL, serves until stdin closes.
 */
export async function startFakePlatform(
  kind: "slack" | "teams",
): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), kind], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    stdio: ["pipe", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`the fake ${kind} exited with ${code}`)));
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const line = out.split("\n").find((l) => l.startsWith("http"));
      if (line) resolve(line.trim());
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.removeAllListeners("exit");
      child.on("exit", () => resolve());
      child.stdin.end();
    });
  return { url, stop };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const fake = process.argv[2] === "teams" ? new FakeConnector() : new FakeSlack();
  const url = await fake.start();
  // Only what the fake needs to answer is kept (the messages, to update them); the call log would only grow.
  const trim = setInterval(() => {
    fake.calls = [];
  }, 1_000);
  process.stdout.write(`${url}\n`);
  process.stdin.resume();
  process.stdin.on("end", () => {
    clearInterval(trim);
    void fake.stop().then(() => process.exit(0));
  });
}
