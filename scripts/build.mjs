// The bundle `npm start` runs: src/main.ts and everything it imports, with packages left in node_modules. Dynamic
// imports stay files of their own (splitting), so a platform's SDK is loaded only when that platform is used. Every
// output file lands directly in dist/, one level below the project, which src/root.ts relies on.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

// `node scripts/build.mjs name=path ...` bundles those entry points instead, with the same options (the
// benchmarks' bundle of the app, bench/bundle.ts).
const entries = process.argv.slice(2).map((arg) => arg.split("="));

await build({
  absWorkingDir: fileURLToPath(new URL("..", import.meta.url)),
  entryPoints: entries.length > 0 ? Object.fromEntries(entries) : { main: "src/main.ts" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  logLevel: "warning",
});
