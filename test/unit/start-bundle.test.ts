import { type BuildOptions, build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";
import options from "../../scripts/bundle-options.json" with { type: "json" };
import { PROJECT_ROOT } from "../helpers/npm-start.ts";

/**
 * The packages `npm start` loads before anything is asked of it: its bundle as scripts/build.mjs makes it, followed
 * through static imports only (a dynamic import is loaded when it is first used).
 */
async function loadedAtStart(): Promise<Set<string>> {
  const { metafile } = await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: { main: "src/main.ts" },
    ...(options as BuildOptions),
    outdir: "dist-test",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = (metafile as Metafile).outputs;
  const main = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === "src/main.ts") as string;
  const packages = new Set<string>();
  const seen = new Set<string>();
  const walk = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind !== "import-statement") continue;
      if (imported.external) packages.add(imported.path);
      else walk(imported.path);
    }
  };
  walk(main);
  return packages;
}

describe("what npm start loads before it is used", () => {
  // The local trial's idle memory is counted against a limit: what only some requests need waits for them.
  it("leaves the database drivers, the platforms' SDKs, the tab's token check and the PDF library for later", async () => {
    const packages = [...(await loadedAtStart())];
    expect(packages).toContain("express");
    for (const later of [
      "@electric-sql/pglite",
      "pg",
      "@slack/bolt",
      "@slack/web-api",
      "botbuilder",
      "jose",
      "pdfkit",
    ])
      expect(
        packages.filter((p) => p === later || p.startsWith(`${later}/`)),
        later,
      ).toEqual([]);
  });
});
