import { describe, expect, it } from "vitest";
import { EMPLOYER, FILE_CONSENT, linkIn, REP, teamsApp, waitForAttachment } from "../helpers/teams-app.ts";
import { cardOf, contentText } from "../helpers/teams-connector.ts";
import { button, type TeamsDriver } from "../helpers/teams-driver.ts";

const GONE = [
  "Linket virker ikke længere. Links til filer udløber efter et døgn (dataudtræk efter en time). Bed botten om filen igen.",
  "This link no longer works. Links to files expire after a day (a data export after an hour). Ask the bot for the file again.",
].join("\n");

/** Plans the meeting through the planning card: the invitation is offered as an .ics download. */
async function plan(app: ReturnType<typeof teamsApp>, teams: TeamsDriver, date: string) {
  await teams.mention(EMPLOYER, "planlæg");
  const card = cardOf((await app.connector.waitFor("Planlæg drøftelsen")).activity);
  await teams.invoke(EMPLOYER, button(card, "Gem"), {
    "f.date": date,
    "f.time": "10:00",
    "f.duration": "120",
    "f.location": "Mødelokale 2",
    "f.participants": `${EMPLOYER.id},${REP.id}`,
  });
  return linkIn(await app.connector.waitFor(/\.ics/));
}

describe("Teams download links: bound to their workplace, and expiring", () => {
  const app = teamsApp();

  it("serves a document for a day under its own workspace only, then says plainly the link is gone", async () => {
    const { teams } = await app.setUp();
    const other = await app.setUp();
    const link = await plan(app, teams, "2026-12-03");
    expect((await fetch(link)).status).toBe(200);

    // The same token under another workplace's id is no file.
    const token = link.split("/").at(-1) as string;
    const elsewhere = await fetch(`${app.url}/teams/files/${other.workspace.id}/${token}`);
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.text()).toBe(GONE);

    const [row] = await app.db.query<{ hours: number }>(
      "SELECT extract(epoch FROM expires_at - created_at) / 3600 AS hours FROM teams_files WHERE token = $1",
      [token],
    );
    expect(Number(row?.hours)).toBeCloseTo(24, 1);

    // A day later the link no longer works, and the expired file is deleted once the next one is made.
    await app.db.query("UPDATE teams_files SET expires_at = now() - interval '1 second' WHERE token = $1", [
      token,
    ]);
    const late = await fetch(link);
    expect(late.status).toBe(404);
    expect(await late.text()).toBe(GONE);
    const moved = await plan(app, teams, "2026-12-04");
    expect(moved).not.toBe(link);
    expect(await app.db.query("SELECT 1 FROM teams_files WHERE token = $1", [token])).toEqual([]);
  });

  it("offers the whole-workplace data export for an hour, in the employer's personal chat only", async () => {
    const { teams } = await app.setUp();
    const personal = `a:personal-${EMPLOYER.id}`;
    const ask = (user: typeof EMPLOYER, id: string) =>
      teams.post({ ...teams.base(user, personal, "personal"), type: "message", id, text: "data" });
    expect((await ask(REP, "rep-asks")).status).toBe(200);
    const refused = await app.connector.waitFor(/at hente alle arbejdspladsens data/);
    expect(contentText(refused.activity)).toContain("kræver rollen arbejdsgiver");

    expect((await ask(EMPLOYER, "emp-asks")).status).toBe(200);
    const offered = await waitForAttachment(app.connector, FILE_CONSENT, `arbejdsmiljo-data-2026-11-24.json`);
    expect(offered.posted.conversation).toBe(personal);
    const token = (offered.attachment.content.acceptContext as { f: string }).f;
    const [row] = await app.db.query<{ minutes: number }>(
      "SELECT extract(epoch FROM expires_at - created_at) / 60 AS minutes FROM teams_files WHERE token = $1",
      [token],
    );
    expect(Number(row?.minutes)).toBeCloseTo(60, 0);
  });
});
