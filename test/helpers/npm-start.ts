import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's folder, where `npm start` runs. */
export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** `npm start`'s script, `<build> && node <flags> dist/main.mjs`, as its build steps and its node arguments. */
async function npmStart(root = PROJECT_ROOT): Promise<{ builds: string[]; nodeArgs: string[] }> {
  const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
  const steps = String(pkg.scripts.start).split("&&");
  const [node, ...nodeArgs] = (steps.pop() ?? "").trim().split(/\s+/);
  if (node !== "node") throw new Error(`npm start is expected to end by running node, not ${node}`);
  return { builds: steps.map((s) => s.trim()), nodeArgs };
}

/** Runs `npm start`'s build steps (the test run does it once, in test/global-setup.ts). */
export async function buildAsNpmStart(): Promise<void> {
  for (const step of (await npmStart()).builds) {
    await new Promise<void>((resolve, reject) => {
      const child = spawn("sh", ["-c", step], { cwd: PROJECT_ROOT, stdio: "inherit" });
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${step} exited with ${code}`))));
    });
  }
}

/** The node arguments `npm start` runs the built bot with, for starting it as a process exactly as a user does. */
export async function npmStartArgs(root = PROJECT_ROOT): Promise<string[]> {
  return (await npmStart(root)).nodeArgs;
}

/** A port free on loopback now, for a bot started as a process (which cannot say which port it took). */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
