import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** The project's folder, where `npm start` runs. */
export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * What `npm start` runs, made ready: its build step (`npm run build`) done, and the node arguments of its start
 * script (`node <flags> dist/main.mjs`) returned, for starting the bot as a process exactly as a user does.
 */
export async function buildNpmStart(): Promise<string[]> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npm", ["run", "build", "--silent"], { cwd: PROJECT_ROOT, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run build exited with ${code}`)),
    );
  });
  const pkg = JSON.parse(await readFile(new URL("package.json", `file://${PROJECT_ROOT}/`), "utf8"));
  const [node, ...args] = String(pkg.scripts.start).split(" ");
  if (node !== "node") throw new Error(`npm start is expected to run node, not ${node}`);
  return args;
}
