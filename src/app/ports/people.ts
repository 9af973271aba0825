import type { PersonLanguage } from "../../domain/locale.ts";
import type { Language } from "../../domain/types.ts";

export type { PersonLanguage };

/** Each person's own language, remembered per workspace. */
export interface PeopleRepo {
  language(workspaceId: string, userId: string): Promise<PersonLanguage | null>;
  /** Remembers the language and when it was checked (a repeat of the same language only moves the time). */
  rememberLanguage(workspaceId: string, userId: string, language: Language | null, at: Date): Promise<void>;
}
