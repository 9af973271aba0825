import { describe, expect, it } from "vitest";
import { EMPLOYER, linkIn, REP, teamsApp, textIn } from "../helpers/teams-app.ts";
import { cardOf } from "../helpers/teams-connector.ts";
import { button, TeamsDriver } from "../helpers/teams-driver.ts";

const FORGED = { "x-forwarded-host": "files.attacker.example", "x-forwarded-proto": "https" };

/** Sets up a tenant, then plans its discussion through activities carrying `headers`; returns the .ics link sent. */
async function invitationLink(app: ReturnType<typeof teamsApp>, headers: Record<string, string>) {
  const { teams } = await app.setUp();
  const proxied = new TeamsDriver(
    app.url,
    app.connector,
    teams.tenantId,
    teams.channel,
    teams.teamId,
    headers,
  );
  await proxied.mention(EMPLOYER, "planlæg");
  const planCard = cardOf((await app.connector.waitFor("Planlæg drøftelsen")).activity);
  const saved = await proxied.invoke(EMPLOYER, button(planCard, "Gem"), {
    "f.date": "2026-12-03",
    "f.time": "10:00",
    "f.duration": "120",
    "f.location": "Mødelokale 2",
    "f.participants": `${EMPLOYER.id},${REP.id}`,
  });
  expect(textIn(saved)).toContain("Drøftelsen er planlagt");
  return linkIn(await app.connector.waitFor(/\.ics/));
}

describe("Teams download links without TRUST_PROXY", () => {
  const app = teamsApp();
  it("are built on the Host the bot was reached at, never on a forged X-Forwarded-Host", async () => {
    const link = await invitationLink(app, FORGED);
    expect(link.startsWith(`${app.url}/teams/files/`)).toBe(true);
    expect(link).not.toContain("attacker");
  });
});

describe("Teams download links with TRUST_PROXY=1", () => {
  const app = teamsApp({ env: { TRUST_PROXY: "1" } });
  it("are built on the address the reverse proxy forwards", async () => {
    const link = await invitationLink(app, {
      "x-forwarded-host": "amo.example.dk",
      "x-forwarded-proto": "https",
    });
    expect(link.startsWith("https://amo.example.dk/teams/files/")).toBe(true);
  });
});
