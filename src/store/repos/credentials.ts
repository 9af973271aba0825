import type { Queryable } from "../db.ts";

export function credentialsRepo(q: Queryable) {
  return {
    async put(platform: string, name: string, sealed: string): Promise<void> {
      await q.query(
        `INSERT INTO credentials (platform, name, sealed) VALUES ($1, $2, $3)
         ON CONFLICT (platform, name) DO UPDATE SET sealed = EXCLUDED.sealed, updated_at = now()`,
        [platform, name, sealed],
      );
    },
    async get(platform: string, name: string): Promise<string | null> {
      const rows = await q.query<{ sealed: string }>(
        "SELECT sealed FROM credentials WHERE platform = $1 AND name = $2",
        [platform, name],
      );
      return rows[0]?.sealed ?? null;
    },
    async remove(platform: string, name: string): Promise<void> {
      await q.query("DELETE FROM credentials WHERE platform = $1 AND name = $2", [platform, name]);
    },
    async names(platform: string, prefix: string): Promise<string[]> {
      const rows = await q.query<{ name: string }>(
        "SELECT name FROM credentials WHERE platform = $1 AND starts_with(name, $2) ORDER BY name",
        [platform, prefix],
      );
      return rows.map((r) => r.name);
    },
  };
}
