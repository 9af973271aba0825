import { readFile } from "node:fs/promises";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles as files } from "../helpers/source-files.ts";

const IMPORT = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every module a folder's files import: relative ones as paths from the project's root, packages as named. */
async function importsOf(dir: string): Promise<{ file: string; target: string }[]> {
  const found: { file: string; target: string }[] = [];
  for (const file of await files(dir)) {
    for (const match of (await readFile(file, "utf8")).matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? "";
      found.push({ file, target: spec.startsWith(".") ? normalize(join(dirname(file), spec)) : spec });
    }
  }
  return found;
}

const offenders = async (dir: string, refused: (target: string) => boolean) =>
  (await importsOf(dir)).filter((i) => refused(i.target)).map((i) => `${i.file}: ${i.target}`);

describe("the adapters' boundaries", () => {
  it("keeps the local channel and the shared cards apart from Teams", async () => {
    const teams = (target: string) => target.startsWith("adapters/teams/");
    expect(await offenders("adapters/local", teams)).toEqual([]);
    expect(await offenders("adapters/cards", teams)).toEqual([]);
  });

  it("keeps Teams apart from the local channel", async () => {
    expect(await offenders("adapters/teams", (target) => target.startsWith("adapters/local/"))).toEqual([]);
  });

  it("keeps botbuilder inside adapters/teams", async () => {
    const sdk = (target: string) => /^botbuilder|^botframework/.test(target);
    const outside = (await Promise.all(["src", "adapters"].map((dir) => offenders(dir, sdk)))).flat();
    expect(outside.filter((line) => !line.startsWith("adapters/teams/"))).toEqual([]);
  });

  it("resolves a relative import to the file it names", async () => {
    const imports = await importsOf("adapters/local");
    expect(imports.some((i) => i.target === "adapters/cards/draw/card.ts")).toBe(true);
  });
});

describe("the store's boundary", () => {
  it("is reached only from the composition root: the core and the adapters go through the core's ports", async () => {
    const store = (target: string) => target.startsWith("src/store/");
    const dirs = ["src/app", "src/scheduler", "src/render", "src/domain", "src/i18n", "adapters"];
    // adapters/index.ts lists the platforms for the composition root, and migrates with their tables.
    const root = (line: string) => line.startsWith("adapters/index.ts:");
    const found = (await Promise.all(dirs.map((dir) => offenders(dir, store)))).flat();
    expect(found.filter((line) => !root(line))).toEqual([]);
  });

  it("never imports the use cases it serves", async () => {
    expect(await offenders("src/store", (target) => target.startsWith("src/app/"))).toEqual([]);
  });
});
