import { describe, expect, it } from "vitest";
import { PLATFORMS } from "../../adapters/index.ts";
import { repos } from "../../src/store/index.ts";
import { loadMigrations, type Migration, migrate } from "../../src/store/migrate.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";

const platformDirs = PLATFORMS.flatMap((p) => (p.migrations ? [p.migrations] : []));

/**
 * The migrations as a database applied them before the platforms had folders of their own: every file in
 * migrations/, 001 with the list of platforms, 010 also making the adapters' download links expire.
 */
function asBefore(all: Migration[]): Migration[] {
  const byId = new Map(all.map((m) => [m.id, m]));
  const named = (id: string) => byId.get(id) as Migration;
  const init = named("001_init");
  const installer = named("010_installer_and_expiring_files");
  return [
    {
      id: init.id,
      sql: init.sql.replace(
        "platform        text NOT NULL,",
        "platform        text NOT NULL CHECK (platform IN ('slack', 'teams', 'local')),",
      ),
    },
    named("002_slack_installations"),
    named("003_teams_conversations"),
    named("004_local_channel"),
    ...[
      "005_entries_recent",
      "006_entries_order",
      "007_entry_counts",
      "008_lookups",
      "009_reminder_leases",
    ].map(named),
    {
      id: installer.id,
      sql: `${installer.sql}
ALTER TABLE teams_files ADD COLUMN expires_at timestamptz NOT NULL DEFAULT now() + interval '24 hours';
ALTER TABLE local_files ADD COLUMN expires_at timestamptz NOT NULL DEFAULT now() + interval '24 hours';`,
    },
  ];
}

describe.each(DRIVERS)("the platforms' migrations on $name", ({ empty }) => {
  it("come after the core's, each folder in order, and a new database takes any platform id", async () => {
    const all = await loadMigrations(platformDirs);
    expect(all.map((m) => m.id)).toEqual([
      "001_init",
      "005_entries_recent",
      "006_entries_order",
      "007_entry_counts",
      "008_lookups",
      "009_reminder_leases",
      "010_installer_and_expiring_files",
      "011_open_platforms",
      "012_discussion_channel_name",
      "014_employees_and_stand_in",
      "015_credentials",
      "017_preparation_round",
      "021_person_languages",
      "022_summary_documents",
      "023_discussion_record_people",
      "002_slack_installations",
      "016_slack_credentials",
      "020_slack_thread_pages",
      "003_teams_conversations",
      "010_teams_files_expire",
      "004_local_channel",
      "010_local_files_expire",
    ]);
    const db = await empty();
    try {
      expect(await migrate(db, all)).toEqual(all.map((m) => m.id));
      const ws = await repos(db).workspaces.ensure("another-platform", uniqueId(), "Firma");
      expect(ws.platform).toBe("another-platform");
      await db.query(
        "INSERT INTO teams_files (token, workspace_id, name, mime_type, content) VALUES ($1, $2, 'a', 'b', 'c')",
        ["t".repeat(32), ws.id],
      );
    } finally {
      await db.close();
    }
  });

  it("find a database migrated before they moved already applied, and lift its list of platforms", async () => {
    const all = await loadMigrations(platformDirs);
    const db = await empty();
    try {
      await migrate(db, asBefore(all));
      await expect(repos(db).workspaces.ensure("another-platform", uniqueId())).rejects.toThrow();
      await db.query(
        `INSERT INTO slack_installations (key, team_id, installation) VALUES ('T:TOLD', 'TOLD', '{"sealed":"v1:abc"}')`,
      );
      expect(await migrate(db, all)).toEqual([
        "011_open_platforms",
        "012_discussion_channel_name",
        "014_employees_and_stand_in",
        "015_credentials",
        "017_preparation_round",
        "021_person_languages",
        "022_summary_documents",
        "023_discussion_record_people",
        "016_slack_credentials",
        "020_slack_thread_pages",
        "010_teams_files_expire",
        "010_local_files_expire",
      ]);
      // A workspace installed before keeps its token, sealed as it was, among the core's credentials.
      expect(await repos(db).credentials.get("slack", "T:TOLD")).toBe("v1:abc");
      const ws = await repos(db).workspaces.ensure("another-platform", uniqueId(), "Firma");
      expect(ws.platform).toBe("another-platform");
      const expiring = await db.query(
        "SELECT table_name FROM information_schema.columns WHERE column_name = 'expires_at' AND table_schema = current_schema() ORDER BY table_name",
      );
      expect(expiring).toEqual([{ table_name: "local_files" }, { table_name: "teams_files" }]);
    } finally {
      await db.close();
    }
  });

  it("refuse two files of one name", async () => {
    await expect(loadMigrations([...platformDirs, platformDirs[0] as string])).rejects.toThrow(
      "Two migrations are named 002_slack_installations",
    );
  });
});
