import { describe, expect, it } from "vitest";
import { purgeUninstalled, RETENTION_DAYS_AFTER_UNINSTALL } from "../../src/app/data-protection.ts";
import { repos } from "../../src/store/index.ts";
import { uniqueId } from "../helpers/db.ts";
import { EMPLOYER, REP, teamsApp, textIn } from "../helpers/teams-app.ts";
import { cardOf } from "../helpers/teams-connector.ts";
import { button, TeamsDriver } from "../helpers/teams-driver.ts";

const DAY = 86_400_000;

describe("Teams: the app removed from a team or chat, and added back", () => {
  const clock = { now: new Date("2026-11-24T09:00:00Z") };
  const app = teamsApp({ now: () => clock.now });
  const { connector } = app;

  const state = async (tenantId: string) => {
    const rows = await app.db.query<{ installed: boolean; uninstalled_at: Date | null }>(
      "SELECT installed, uninstalled_at FROM workspaces WHERE external_id = $1",
      [tenantId],
    );
    return rows[0];
  };
  const reminderIn = (teams: TeamsDriver, text: string) =>
    connector
      .in(new RegExp(`^${teams.channel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`))
      .filter((m) => String(m.activity.text ?? "").includes(text));

  /** A tenant set up in its team's channel, with the discussion planned for 20 January 2027 at 13:00. */
  async function planned() {
    clock.now = new Date("2026-11-24T09:00:00Z");
    const { teams, workspace } = await app.setUp();
    await teams.mention(EMPLOYER, "planlæg");
    const planCard = cardOf((await connector.waitFor("Planlæg drøftelsen")).activity);
    const saved = await teams.invoke(EMPLOYER, button(planCard, "Gem"), {
      "f.date": "2027-01-20",
      "f.time": "13:00",
      "f.duration": "120",
      "f.location": "Mødelokale 2",
      "f.participants": `${EMPLOYER.id},${REP.id}`,
    });
    expect(textIn(saved)).toContain("Drøftelsen er planlagt til 20. januar 2027 kl. 13.00.");
    return { teams, workspace };
  }

  it("marks the workspace uninstalled when the bot leaves the discussion's team: no reminders; added back, they resume", async () => {
    const { teams } = await planned();
    expect(await state(teams.tenantId)).toEqual({ installed: true, uninstalled_at: null });

    expect((await teams.uninstall(EMPLOYER)).status).toBe(200);
    const removed = await state(teams.tenantId);
    expect(removed?.installed).toBe(false);
    expect(removed?.uninstalled_at).toBeInstanceOf(Date);

    // The day before the meeting: nothing goes out to a workspace that removed the app.
    const before = connector.calls.length;
    clock.now = new Date("2027-01-19T08:00:00Z");
    await app.server.dispatcher.drain();
    expect(connector.calls.slice(before).filter((c) => c.kind === "send" || c.kind === "reply")).toEqual([]);
    expect(reminderIn(teams, "Påmindelse: den årlige")).toEqual([]);

    // Added back: installed again, no deletion pending, and the start reminder goes out when it is due.
    expect((await teams.install(EMPLOYER)).status).toBe(200);
    expect(await state(teams.tenantId)).toEqual({ installed: true, uninstalled_at: null });
    clock.now = new Date("2027-01-20T12:00:00Z");
    await app.server.dispatcher.drain();
    await connector.waitFor("Det er tid til den årlige arbejdsmiljødrøftelse");
  });

  it("marks it uninstalled when the app is uninstalled from the team (installationUpdate), installed on add", async () => {
    const { teams } = await planned();
    expect((await teams.installation(EMPLOYER, "remove")).status).toBe(200);
    expect((await state(teams.tenantId))?.installed).toBe(false);
    expect((await teams.installation(EMPLOYER, "add")).status).toBe(200);
    expect(await state(teams.tenantId)).toEqual({ installed: true, uninstalled_at: null });
  });

  it("marks it uninstalled when the bot leaves a group chat and no discussion place is set elsewhere", async () => {
    const teams = new TeamsDriver(app.url, connector, uniqueId("tenant-"));
    const chat = { kind: "groupChat" as const, conversation: "19:meeting-chat@thread.v2" };
    expect((await teams.installation(EMPLOYER, "add", chat)).status).toBe(200);
    expect((await state(teams.tenantId))?.installed).toBe(true);
    expect((await teams.installation(EMPLOYER, "remove", chat)).status).toBe(200);
    expect((await state(teams.tenantId))?.installed).toBe(false);
  });

  it("leaves the workspace installed when the app leaves a personal chat or another team, or is upgraded", async () => {
    const { teams } = await planned();
    expect((await teams.installation(EMPLOYER, "remove", { kind: "personal" })).status).toBe(200);
    expect((await teams.installation(EMPLOYER, "remove-upgrade")).status).toBe(200);
    expect((await teams.uninstall(EMPLOYER, "19:team-elsewhere@thread.tacv2")).status).toBe(200);
    expect(await state(teams.tenantId)).toEqual({ installed: true, uninstalled_at: null });
  });

  it("starts the retention clock: the workspace is deleted after the retention period, not before", async () => {
    const { teams } = await planned();
    expect((await teams.uninstall(EMPLOYER)).status).toBe(200);
    // uninstalled_at is the database's own time.
    const days = (n: number) => new Date(Date.now() + n * DAY);
    await purgeUninstalled(repos(app.db), days(RETENTION_DAYS_AFTER_UNINSTALL - 1));
    expect((await state(teams.tenantId))?.installed).toBe(false);
    await purgeUninstalled(repos(app.db), days(RETENTION_DAYS_AFTER_UNINSTALL + 1));
    expect(await state(teams.tenantId)).toBeUndefined();
  });
});
