import { execFile } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

/**
 * The app as it ships: bench/shipped.ts bundled with the options of `npm start`'s build (scripts/build.mjs) into
 * dist/bench-app.mjs, and loaded from there. Through tsx the app would also carry the names esbuild keeps for every
 * inner function, which the production bundle does not, and the CPU rows would not be the shipped app's.
 */
export async function shipped(): Promise<typeof import("./shipped.ts")> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  await promisify(execFile)(process.execPath, ["scripts/build.mjs", "bench-app=bench/shipped.ts"], {
    cwd: root,
  });
  return import(pathToFileURL(`${root}dist/bench-app.mjs`).href);
}
