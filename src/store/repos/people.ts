import type { PersonLanguage } from "../../domain/locale.ts";
import type { Language } from "../../domain/types.ts";
import type { Queryable } from "../db.ts";

export function peopleRepo(q: Queryable) {
  return {
    async language(workspaceId: string, userId: string): Promise<PersonLanguage | null> {
      const rows = await q.query(
        "SELECT language, checked_at FROM person_languages WHERE workspace_id = $1 AND user_id = $2",
        [workspaceId, userId],
        { prepare: "person_language" },
      );
      const row = rows[0];
      if (!row) return null;
      return {
        language: (row.language as Language | null) ?? null,
        checkedAt: new Date(row.checked_at as string),
      };
    },
    async rememberLanguage(workspaceId: string, userId: string, language: Language | null, at: Date) {
      await q.query(
        `INSERT INTO person_languages (workspace_id, user_id, language, checked_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (workspace_id, user_id) DO UPDATE SET language = excluded.language, checked_at = excluded.checked_at`,
        [workspaceId, userId, language, at],
      );
    },
  };
}
