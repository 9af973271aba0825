import { execFile } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

type Shipped = typeof import("./shipped.ts");
let loaded: Promise<Shipped> | undefined;

/**
 * The app as it ships: bench/shipped.ts bundled by `npm start`'s build (scripts/build.mjs, given this entry point)
 * into dist/bench-app.mjs, and loaded from there. Run through tsx instead, every function made inside another one is
 * also given its name at run time (esbuild's `keepNames`), which the bundle does not do: about 5 KB more garbage on
 * a Slack note, and 0.56-0.61 against 0.49-0.53 ms of CPU a Slack request (closed loop at c=128, two runs each,
 * 2026-11-30).
 */
export function shipped(): Promise<Shipped> {
  loaded ??= (async () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    await promisify(execFile)(process.execPath, ["scripts/build.mjs", "bench-app=bench/shipped.ts"], {
      cwd: root,
    });
    return (await import(pathToFileURL(`${root}dist/bench-app.mjs`).href)) as Shipped;
  })();
  return loaded;
}
