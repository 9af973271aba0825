import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles as files } from "../helpers/source-files.ts";

const IMPORT =
  /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;

describe("the core's boundary", () => {
  it("keeps every platform SDK out of src/", async () => {
    const offenders: string[] = [];
    for (const file of await files("src")) {
      const text = await readFile(file, "utf8");
      for (const match of text.matchAll(IMPORT)) {
        const target = match[1] ?? match[2] ?? match[3] ?? "";
        if (/^@slack\/|^botbuilder|^botframework|^@microsoft\/(teams|agents)/.test(target))
          offenders.push(`${file}: ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("names no platform in src/ or migrations/ outside comments: each platform's folder registers itself", async () => {
    const ids = (await import("../../adapters/index.ts")).PLATFORMS.map((p) => p.id);
    const named = new RegExp(`["'\`](?:${ids.join("|")})["'\`]|\\b(?:SLACK|MICROSOFT|TEAMS)_[A-Z_]+`);
    const offenders: string[] = [];
    const sources = [
      ...(await files("src")),
      ...(await readdir("migrations")).map((f) => join("migrations", f)),
    ];
    for (const file of sources) {
      const code = (await readFile(file, "utf8"))
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/(?:\/\/|--).*$/gm, "");
      if (named.test(code)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it("catches an SDK import when there is one", () => {
    const sample = 'import { App } from "@slack/bolt";\nconst x = await import("botbuilder");';
    const found = [...sample.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
    expect(found).toEqual(["@slack/bolt", "botbuilder"]);
  });
});
