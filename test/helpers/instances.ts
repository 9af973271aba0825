import { type ChildProcess, spawn } from "node:child_process";
import { freePort, npmStartArgs, PROJECT_ROOT } from "./npm-start.ts";
import { waitFor } from "./slack-app.ts";

export interface Instance {
  url: string;
  child: ChildProcess;
  exited: Promise<unknown>;
}

/**
 * One instance as `npm start` runs it (the bundle test/global-setup.ts built), ready once /healthz answers; `root`
 * another project's folder (an earlier release), started as its own start script says.
 */
export async function startInstance(env: Record<string, string>, root = PROJECT_ROOT): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, await npmStartArgs(root), {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", PORT: String(port), ...env },
    stdio: "ignore",
  });
  const exited = new Promise((r) => child.once("exit", r));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    () =>
      fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
    30_000,
  );
  return { url, child, exited };
}

/** `count` instances on the same settings, started together. */
export const startInstances = (env: Record<string, string>, count: number): Promise<Instance[]> =>
  Promise.all(Array.from({ length: count }, () => startInstance(env)));

/** Stops instances as a deploy does (SIGTERM), and waits until each has exited. */
export async function stopInstances(instances: readonly Instance[]): Promise<void> {
  for (const i of instances) i.child.kill("SIGTERM");
  await Promise.all(instances.map((i) => i.exited));
}
