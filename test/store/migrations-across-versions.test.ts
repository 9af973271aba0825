import { describe, expect, it } from "vitest";
import { appMigrations } from "../../adapters/index.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { migrate } from "../../src/store/migrate.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";
import { migrationsOf, released } from "../helpers/released.ts";

const SHA = "a".repeat(64);

/** A concluded, approved discussion with open decisions, reminders and installations, written as that schema had it. */
async function fillOldSchema(db: Db, team: string, tenant: string) {
  const [ws] = await db.query<{ id: string }>(
    `INSERT INTO workspaces (platform, external_id, name, headcount, settings)
     VALUES ('slack', $1, 'Kontoret', 25, '{"channel":"C_AMO"}') RETURNING id`,
    [team],
  );
  const [teams] = await db.query<{ id: string }>(
    "INSERT INTO workspaces (platform, external_id, name) VALUES ('teams', $1, 'Lageret') RETURNING id",
    [tenant],
  );
  const w = ws?.id as string;
  await db.query(
    `INSERT INTO members (workspace_id, user_id, name, role) VALUES
     ($1, 'U_EMP', 'Mette Hansen', 'employer'), ($1, 'U_REP', 'Ali Nielsen', 'amo_representative')`,
    [w],
  );
  const [d] = await db.query<{ id: string }>(
    `INSERT INTO discussions (workspace_id, year, status, version, organiser_id, channel_id, started_at, concluded_at,
       concluded_by)
     VALUES ($1, 2026, 'approved', 14, 'U_EMP', 'C_AMO', '2026-11-24T09:00Z', '2026-11-24T10:30Z', 'U_EMP')
     RETURNING id`,
    [w],
  );
  const discussion = d?.id as string;
  await db.query(
    `INSERT INTO agenda_items (workspace_id, discussion_id, number, key, status, message)
     SELECT $1, $2, n, 'p' || n, 'done', jsonb_build_object('id', '17.' || n, 'channel', 'C_AMO')
     FROM generate_series(1, 11) n`,
    [w, discussion],
  );
  // Written in one statement, as the old code did, so all share one created_at: their order must still hold.
  await db.query(
    `INSERT INTO entries (workspace_id, discussion_id, point, kind, data, author_id, owner_id, deadline, status)
     VALUES ($1, $2, 1, 'minute_taker', '{"userId":"U_REP"}', 'U_EMP', NULL, NULL, NULL),
            ($1, $2, 4, 'note', '{"text":"APV''en er gennemgået"}', 'U_REP', NULL, NULL, NULL),
            ($1, $2, 4, 'note', '{"text":"Støj i kantinen"}', 'U_EMP', NULL, NULL, NULL),
            ($1, $2, 8, 'decision', '{"text":"Lydabsorbenter i kantinen"}', 'U_EMP', 'U_REP', '2027-03-01', 'open')`,
    [w, discussion],
  );
  await db.query(
    `INSERT INTO summaries (workspace_id, discussion_id, version, language, content, sha256, created_by, message)
     VALUES ($1, $2, 1, 'da', '# Referat 2026', $3, 'U_EMP', '{"id":"18.1","channel":"C_AMO"}')`,
    [w, discussion, SHA],
  );
  await db.query(
    `INSERT INTO approvals (workspace_id, discussion_id, summary_version, user_id, role)
     VALUES ($1, $2, 1, 'U_EMP', 'employer'), ($1, $2, 1, 'U_REP', 'amo_representative')`,
    [w, discussion],
  );
  await db.query(
    `INSERT INTO reminders (workspace_id, kind, subject_id, due_at, payload)
     VALUES ($1, 'decision_deadline', 'dec-1', '2027-02-22T08:00Z', '{"channel":"C_AMO"}')`,
    [w],
  );
  // That version kept Slack's sealed bot token in its own table; 016 moves it to the core's credentials.
  await db.query(
    `INSERT INTO slack_installations (key, team_id, installation) VALUES ($1, $2, '{"sealed":"v1.sealed-token"}')`,
    [`T:${team}`, team],
  );
  await db.query(
    `INSERT INTO teams_conversations (workspace_id, conversation_id, kind, reference)
     VALUES ($1, '19:amo@thread.tacv2', 'channel', '{"serviceUrl":"http://connector"}')`,
    [teams?.id],
  );
  return { workspaceId: w, discussionId: discussion };
}

describe.each(DRIVERS)("migrations across versions ($name)", (driver) => {
  it("data written under each released schema reads back the same after today's migrations", async () => {
    const { versions } = await released();
    for (const version of versions) {
      const db = await driver.empty();
      try {
        await migrate(db, await migrationsOf(version));
        const team = uniqueId("T");
        const { workspaceId, discussionId } = await fillOldSchema(db, team, uniqueId("tenant-"));

        const applied = await migrate(db, await appMigrations());
        expect(applied.length).toBeGreaterThan(0);
        const r = repos(db);

        const ws = await r.workspaces.find("slack", team);
        expect(ws).toMatchObject({ id: workspaceId, name: "Kontoret", headcount: 25, installedBy: null });
        expect((await r.members.list(workspaceId)).map((m) => m.userId).sort()).toEqual(["U_EMP", "U_REP"]);

        const d = await r.discussions.get(workspaceId, discussionId);
        expect(d).toMatchObject({
          status: "approved",
          year: 2026,
          version: 14,
          channelName: null,
          standIn: null,
        });
        const agenda = await r.discussions.agenda(workspaceId, discussionId);
        expect(agenda.map((a) => a.status)).toEqual(Array(11).fill("done"));
        // 007 counted the entries that were there before it.
        expect(agenda.find((a) => a.number === 4)?.entryCount).toBe(2);
        expect(await r.discussions.pointByMessage(workspaceId, "C_AMO", "17.8")).toMatchObject({
          discussionId,
          point: 8,
        });

        const entries = await r.entries.forDiscussion(workspaceId, discussionId);
        expect(entries.map((e) => e.kind)).toEqual(["minute_taker", "note", "note", "decision"]);
        expect(entries.map((e) => e.data.text ?? null)).toEqual([
          null,
          "APV'en er gennemgået",
          "Støj i kantinen",
          "Lydabsorbenter i kantinen",
        ]);
        const open = await r.entries.open(workspaceId);
        expect(open.map((e) => [e.ownerId, e.deadline, e.year])).toEqual([["U_REP", "2027-03-01", 2026]]);

        const [summary] = await r.summaries.list(workspaceId, discussionId);
        expect(summary).toMatchObject({ version: 1, content: "# Referat 2026", sha256: SHA });
        expect(
          (await r.summaries.approvals(workspaceId, discussionId, 1)).map((a) => a.userId).sort(),
        ).toEqual(["U_EMP", "U_REP"]);

        // The old reminder is claimed, fenced and sent under today's leases.
        const due = await r.reminders.claimDue(new Date("2027-02-22T09:00Z"), 10, 60);
        expect(due.map((x) => x.subjectId)).toEqual(["dec-1"]);
        expect(
          await r.reminders.markSent(due[0]?.id as string, due[0]?.leaseToken as string, new Date()),
        ).toBe(true);
        expect((await r.reminders.list(workspaceId, "sent")).length).toBe(1);

        expect(await r.credentials.get("slack", `T:${team}`)).toBe("v1.sealed-token");
        const [conversation] = await db.query<{ kind: string }>("SELECT kind FROM teams_conversations");
        expect(conversation?.kind).toBe("channel");
        // The new schema takes new rows beside the old ones.
        await r.entries.insert(workspaceId, {
          discussionId,
          point: 4,
          kind: "note",
          data: { text: "Ny note" },
          authorId: "U_REP",
          ownerId: null,
          deadline: null,
          status: null,
        });
        expect((await r.discussions.agenda(workspaceId, discussionId))[3]?.entryCount).toBe(3);
      } finally {
        await db.close();
      }
    }
  }, 60_000);
});
