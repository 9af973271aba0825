import type { Language } from "./types.ts";

/**
 * The bot's language for a platform's locale ("da-DK", "en-US", "en_GB"): null for any other, where the workspace's
 * language is used.
 */
export function languageOfLocale(locale: string | null | undefined): Language | null {
  const tag = (locale ?? "").trim().toLowerCase();
  if (/^da([-_]|$)/.test(tag)) return "da";
  if (/^en([-_]|$)/.test(tag)) return "en";
  return null;
}

/** What a person's platform last said of their language; null language: one the bot does not speak. */
export interface PersonLanguage {
  language: Language | null;
  checkedAt: Date;
}
