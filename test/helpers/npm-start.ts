import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's folder, where `npm start` runs. */
export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * What `npm start` runs, made ready: its script is `<build> && node <flags> dist/main.mjs`; the build is run here
 * and the node arguments returned, for starting the bot as a process exactly as a user does.
 */
export async function buildNpmStart(): Promise<string[]> {
  const pkg = JSON.parse(await readFile(join(PROJECT_ROOT, "package.json"), "utf8"));
  const steps = String(pkg.scripts.start).split("&&");
  const [node, ...args] = (steps.pop() ?? "").trim().split(/\s+/);
  if (node !== "node") throw new Error(`npm start is expected to end by running node, not ${node}`);
  for (const step of steps) {
    await new Promise<void>((resolve, reject) => {
      const child = spawn("sh", ["-c", step], { cwd: PROJECT_ROOT, stdio: "inherit" });
      child.on("error", reject);
      child.on("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`${step.trim()} exited with ${code}`)),
      );
    });
  }
  return args;
}
