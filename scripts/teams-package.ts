/**
 * Builds the Teams app package to sideload: manifest/teams/ with the bot's app id filled in, zipped flat (manifest,
 * localisation and the two icons at the root, as Teams requires) into dist/teams/arbejdsmiljo-teams.zip.
 *
 *   MICROSOFT_APP_ID=<the bot's app id> TEAMS_HOST=<the bot's host> npm run teams:package
 *
 * TEAMS_DEVELOPER_URL (https) sets the developer, privacy and terms links. TEAMS_HOST is the bot's public host name
 * (bot.example.dk, no scheme): the tabs' pages are served there, it is the app's valid domain, and the tab's single
 * sign-on names the app registration's Application ID URI api://<TEAMS_HOST>/<MICROSOFT_APP_ID>. Both are read by
 * this script only. Without MICROSOFT_APP_ID (or TEAMS_HOST) a placeholder is used, so the package can be built in
 * CI, but Teams will only accept it with the real values.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { zipSync } from "fflate";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
const PLACEHOLDER_HOST = "bot.example.com";

const source = new URL("../manifest/teams/", import.meta.url);
const out = new URL("../dist/teams/", import.meta.url);

function fail(message: string): never {
  console.error(`teams:package: ${message}`);
  process.exit(1);
}

const appId = process.env.MICROSOFT_APP_ID?.trim() || PLACEHOLDER_ID;
if (!GUID.test(appId)) fail(`MICROSOFT_APP_ID must be the bot's app id, a GUID (it is "${appId}").`);
if (appId === PLACEHOLDER_ID)
  console.warn("teams:package: MICROSOFT_APP_ID is not set; the package uses a placeholder id.");
const developerUrl = (process.env.TEAMS_DEVELOPER_URL?.trim() || "https://example.com").replace(/\/$/, "");
if (!/^https:\/\/[^\s"]+$/.test(developerUrl)) fail("TEAMS_DEVELOPER_URL must be an https:// address.");

const host = (process.env.TEAMS_HOST?.trim() || PLACEHOLDER_HOST).toLowerCase();
if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(host))
  fail(`TEAMS_HOST must be the bot's public host name, such as bot.example.dk (it is "${host}").`);
if (host === PLACEHOLDER_HOST)
  console.warn(
    `teams:package: TEAMS_HOST is not set; the tabs point at the placeholder ${PLACEHOLDER_HOST}.`,
  );

const fill = (text: string) =>
  text
    .replaceAll("{{MICROSOFT_APP_ID}}", appId)
    .replaceAll("{{TEAMS_DEVELOPER_URL}}", developerUrl)
    .replaceAll("{{TEAMS_HOST}}", host);

function pngSize(png: Buffer): [number, number] {
  if (png.subarray(1, 4).toString("ascii") !== "PNG") return [0, 0];
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

const manifestText = fill(readFileSync(new URL("manifest.json", source), "utf8"));
const manifest = JSON.parse(manifestText) as { icons: { color: string; outline: string }; version: string };
const color = readFileSync(new URL(manifest.icons.color, source));
const outline = readFileSync(new URL(manifest.icons.outline, source));
if (pngSize(color).join("x") !== "192x192") fail("color.png must be a 192×192 PNG.");
if (pngSize(outline).join("x") !== "32x32") fail("outline.png must be a 32×32 PNG.");
const english = fill(readFileSync(new URL("en-us.json", source), "utf8"));
JSON.parse(english);

const zip = zipSync(
  {
    "manifest.json": Buffer.from(manifestText, "utf8"),
    "en-us.json": Buffer.from(english, "utf8"),
    [manifest.icons.color]: color,
    [manifest.icons.outline]: outline,
  },
  { level: 9, mtime: new Date("2026-01-01T00:00:00Z") },
);
mkdirSync(out, { recursive: true });
const target = new URL("arbejdsmiljo-teams.zip", out);
writeFileSync(target, zip);
console.log(`teams:package: ${target.pathname} (version ${manifest.version}, app id ${appId})`);
