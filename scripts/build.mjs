// The bundle `npm start` runs: src/main.ts and everything it imports, with packages left in node_modules. Dynamic
// imports stay files of their own (splitting), so a platform's SDK is loaded only when that platform is used. Every
// output file lands directly in dist/, one level below the project, which src/root.ts relies on.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

// The bundle's shape, shared with the test of what start loads (test/unit/start-bundle.test.ts).
const options = JSON.parse(readFileSync(new URL("./bundle-options.json", import.meta.url), "utf8"));

// `node scripts/build.mjs name=path ...` bundles those entry points instead, with the same options (the
// benchmarks' bundle of the app, bench/bundle.ts).
const entries = process.argv.slice(2).map((arg) => arg.split("="));

await build({
  absWorkingDir: fileURLToPath(new URL("..", import.meta.url)),
  entryPoints: entries.length > 0 ? Object.fromEntries(entries) : { main: "src/main.ts" },
  ...options,
  sourcemap: true,
  outdir: "dist",
  logLevel: "warning",
});
