import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/app/commands.ts";

const run = promisify(execFile);
const APP_ID = "11111111-2222-3333-4444-555555555555";

describe("the Teams app package", () => {
  it("builds a sideloadable zip: manifest with the bot id, all scopes, commands the bot understands, both icons", async () => {
    await run(process.execPath, ["--import", "tsx", "scripts/teams-package.ts"], {
      env: { PATH: process.env.PATH ?? "", MICROSOFT_APP_ID: APP_ID },
    });
    const files = unzipSync(await readFile("dist/teams/arbejdsmiljo-teams.zip"));
    expect(Object.keys(files).sort()).toEqual(["color.png", "en-us.json", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(Buffer.from(files["manifest.json"]!).toString("utf8"));
    expect(manifest.manifestVersion).toBe("1.22");
    expect(manifest.$schema).toContain("/v1.22/MicrosoftTeams.schema.json");
    expect(manifest.id).toBe(APP_ID);
    const bot = manifest.bots[0];
    expect(bot.botId).toBe(APP_ID);
    expect(bot.scopes).toEqual(["team", "groupChat", "personal"]);
    // Files reach a personal chat through the file consent card, which Teams offers only to bots that say so.
    expect(bot.supportsFiles).toBe(true);
    for (const list of bot.commandLists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) {
        expect(parseCommand(command.title).type).not.toBe("unknown");
        expect(command.title.length).toBeLessThanOrEqual(32);
        expect(command.description.length).toBeLessThanOrEqual(128);
      }
    }
    const english = JSON.parse(Buffer.from(files["en-us.json"]!).toString("utf8"));
    for (const [key, value] of Object.entries(english)) {
      if (key.endsWith(".title") && key.startsWith("bots"))
        expect(parseCommand(String(value)).type).not.toBe("unknown");
    }
    const size = (png: Uint8Array) => [Buffer.from(png).readUInt32BE(16), Buffer.from(png).readUInt32BE(20)];
    expect(size(files["color.png"]!)).toEqual([192, 192]);
    expect(size(files["outline.png"]!)).toEqual([32, 32]);
    expect(JSON.stringify(manifest)).not.toContain("{{");
  }, 60_000);
});
