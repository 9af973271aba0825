import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  dockerignored,
  envPairs,
  execForm,
  type Instruction,
  readDockerfile,
} from "../helpers/dockerfile.ts";
import { freePort, npmStartArgs, PROJECT_ROOT } from "../helpers/npm-start.ts";

// No Docker engine runs on the test machines, so this follows the Dockerfile's own steps in a folder of its own:
// what it copies (from the build context .dockerignore leaves), what it runs, and the command it starts.
// The base image and the switch to the unprivileged user are the engine's part and are not followed.

const folder = await mkdtemp(join(tmpdir(), "amo-image-"));
afterAll(() => rm(folder, { recursive: true, force: true }));

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", command], { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command}: exit ${code}\n${err}`)),
    );
  });
}

function run([command, ...args]: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const program = command === "node" || command === undefined ? process.execPath : command;
  const child = spawn(program, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** The image's folder as the Dockerfile leaves it, and the environment and instructions it ends with. */
async function followDockerfile(steps: Instruction[]) {
  const ignored = await dockerignored();
  let workdir = folder;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    npm_config_prefer_offline: "true",
  };
  for (const { op, args } of steps) {
    if (op === "WORKDIR") workdir = join(folder, args);
    if (op === "ENV") for (const [name, value] of envPairs(args)) env[name] = value;
    if (op === "COPY") {
      const parts = args.split(/\s+/);
      const target = join(workdir, parts.pop() as string);
      for (const source of parts) {
        expect(ignored(source), `${source} is copied but .dockerignore leaves it out`).toBe(false);
        const into =
          parts.length > 1 || target.endsWith("/") ? join(target, source.split("/").pop() as string) : target;
        await mkdir(dirname(into), { recursive: true });
        await cp(join(PROJECT_ROOT, source), into, { recursive: true });
      }
    }
    // The data folder's owner is the image's affair; here DATA_DIR points into the test's folder.
    if (op === "RUN" && !args.includes("chown")) await sh(args, workdir, env);
  }
  return { workdir, env };
}

describe("the container image's recipe", () => {
  it("installs production packages only, builds the bundle, and runs it as npm start does", async () => {
    const steps = await readDockerfile();
    expect(steps[0]).toEqual({ op: "FROM", args: "node:20-slim" });
    expect(steps.some((s) => s.op === "USER" && s.args !== "root")).toBe(true);
    const cmd = execForm(steps.find((s) => s.op === "CMD")?.args ?? "");
    expect(cmd).toEqual(["node", ...(await npmStartArgs())]);

    const { workdir, env } = await followDockerfile(steps);
    const port = await freePort();
    const bot = run(cmd, workdir, { ...env, PORT: String(port), DATA_DIR: join(folder, "data") });
    const healthcheck = execForm(steps.find((s) => s.op === "HEALTHCHECK")?.args ?? "");
    const answered = async () =>
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    for (let i = 0; i < 600 && bot.child.exitCode === null && !(await answered()); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const healthy = (await run(healthcheck, workdir, { ...env, PORT: String(port) }).exited) === 0;
    expect(healthy, bot.output()).toBe(true);
    // Dev dependencies are not installed: the bundle loads nothing from them.
    expect(bot.output()).not.toContain("ERR_MODULE_NOT_FOUND");
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('"message":"stopped"');
  }, 300_000);
});
