import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { SHORTCUTS } from "../../adapters/slack/listeners/shortcuts/save-message.ts";
import { BOT_EVENTS, SCOPES } from "../../adapters/slack/scopes.ts";
import { EVENT_SCOPES, METHOD_SCOPES } from "../helpers/slack-scopes.ts";
import { sourceFiles } from "../helpers/source-files.ts";

const manifest = readFileSync(new URL("../../manifest/slack.yaml", import.meta.url), "utf8");

/** The items of the YAML list under `key:` (the manifest is plain block YAML). */
function listUnder(key: string): string[] {
  const lines = manifest.split("\n");
  const at = lines.findIndex((l) => l.trim() === `${key}:`);
  if (at < 0) return [];
  const indent = (lines[at] as string).search(/\S/);
  const items: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === "") continue;
    if (line.search(/\S/) <= indent) break;
    const item = /^\s*-\s+(\S+)/.exec(line);
    if (item) items.push(item[1] as string);
  }
  return items;
}

describe("manifest/slack.yaml", () => {
  it("asks for exactly the scopes the OAuth install asks for", () => {
    expect(listUnder("bot").sort()).toEqual([...SCOPES].sort());
  });

  it("asks for no scope that neither a Web API call of the adapter nor an event it handles needs", async () => {
    const called = new Set<string>();
    for (const file of await sourceFiles(new URL("../../adapters/slack", import.meta.url).pathname)) {
      const code = await readFile(file, "utf8");
      for (const m of code.matchAll(/client\.([a-z]+)\.([a-zA-Z0-9]+)\(/g)) called.add(`${m[1]}.${m[2]}`);
    }
    // files.uploadV2 is the client's two calls, as Slack's upload flow has them.
    if (called.delete("files.uploadV2"))
      for (const m of ["files.getUploadURLExternal", "files.completeUploadExternal"]) called.add(m);
    for (const method of called) expect(METHOD_SCOPES, method).toHaveProperty([method]);
    const needed = new Set([
      "commands",
      ...[...called].flatMap((m) => METHOD_SCOPES[m] ?? []),
      ...BOT_EVENTS.map((e) => EVENT_SCOPES[e]),
    ]);
    expect(SCOPES.filter((s) => !needed.has(s))).toEqual([]);
    expect(SCOPES).not.toContain("chat:write.public");
    expect(SCOPES).not.toContain("team:read");
  });

  it("offers the message shortcuts the listeners handle", () => {
    const ids = [...manifest.matchAll(/callback_id: (\S+)/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual(Object.values(SHORTCUTS).sort());
    expect(manifest).toMatch(/home_tab_enabled: true/);
    expect(manifest).toMatch(/messages_tab_enabled: true/);
  });

  it("subscribes to the events the listeners handle", () => {
    expect(listUnder("bot_events").sort()).toEqual([...BOT_EVENTS].sort());
  });

  it("has both commands, interactivity and every URL at /slack/events, and says whether Socket Mode is on", () => {
    expect(manifest).toContain("- command: /arbejdsmiljø");
    expect(manifest).toContain("- command: /arbejdsmiljo");
    expect(manifest).toMatch(/interactivity:\s*\n\s*is_enabled: true/);
    const urls = [...manifest.matchAll(/(?:url|request_url): (\S+)/g)].map(
      (m) => new URL(m[1] as string).pathname,
    );
    expect(urls.length).toBeGreaterThanOrEqual(4);
    expect(new Set(urls)).toEqual(new Set(["/slack/events"]));
    expect(listUnder("redirect_urls").map((u) => new URL(u).pathname)).toEqual(["/slack/oauth_redirect"]);
    expect(manifest).toMatch(/socket_mode_enabled: (true|false)/);
  });
});
