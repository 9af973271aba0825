import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/app/commands.ts";

const run = promisify(execFile);
const APP_ID = "11111111-2222-3333-4444-555555555555";
const HOST = "bot.example.dk";

describe("the Teams app package", () => {
  it("builds a sideloadable zip: manifest with the bot id, all scopes, commands the bot understands, both icons", async () => {
    await run(process.execPath, ["--import", "tsx", "scripts/teams-package.ts"], {
      env: { PATH: process.env.PATH ?? "", MICROSOFT_APP_ID: APP_ID, TEAMS_HOST: HOST },
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
    // The tab keeps the referat where Teams cannot pin: a personal tab beside the chat, and one to add to a channel
    // or group chat, both served by the bot's host and signed in through the app registration's api:// URI.
    expect(manifest.staticTabs).toEqual([
      { entityId: "conversations", scopes: ["personal"] },
      { entityId: "referat", name: "Referat", contentUrl: `https://${HOST}/teams/tab`, scopes: ["personal"] },
    ]);
    expect(manifest.configurableTabs).toEqual([
      {
        configurationUrl: `https://${HOST}/teams/tab/config`,
        canUpdateConfiguration: false,
        scopes: ["team", "groupChat"],
        context: ["channelTab", "privateChatTab", "meetingChatTab"],
      },
    ]);
    expect(manifest.validDomains).toEqual([HOST]);
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://${HOST}/${APP_ID}` });
    const english = JSON.parse(Buffer.from(files["en-us.json"]!).toString("utf8"));
    expect(english["staticTabs[1].name"]).toBe("Minutes");
    for (const [key, value] of Object.entries(english)) {
      if (key.endsWith(".title") && key.startsWith("bots"))
        expect(parseCommand(String(value)).type).not.toBe("unknown");
    }
    const size = (png: Uint8Array) => [Buffer.from(png).readUInt32BE(16), Buffer.from(png).readUInt32BE(20)];
    expect(size(files["color.png"]!)).toEqual([192, 192]);
    expect(size(files["outline.png"]!)).toEqual([32, 32]);
    expect(JSON.stringify(manifest)).not.toContain("{{");
  }, 60_000);

  it("refuses a host that is not a bare host name", async () => {
    const failed = await run(process.execPath, ["--import", "tsx", "scripts/teams-package.ts"], {
      env: { PATH: process.env.PATH ?? "", MICROSOFT_APP_ID: APP_ID, TEAMS_HOST: "https://bot.example.dk/" },
    }).catch((error: { code?: number; stderr?: string }) => error);
    expect((failed as { code?: number }).code).toBe(1);
    expect((failed as { stderr?: string }).stderr).toContain("TEAMS_HOST must be the bot's public host name");
  }, 60_000);
});
