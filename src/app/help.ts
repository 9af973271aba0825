import type { Language } from "../domain/types.ts";
import { type MessageKey, t } from "../i18n/index.ts";
import { SUBCOMMANDS, type Subcommand } from "./commands.ts";

/** The help text every adapter shows, in the user's language, with an optional first line (why it is shown). */
export function helpText(language: Language, commandName: string, lead?: string): string {
  const lines = (Object.keys(SUBCOMMANDS) as Subcommand[]).map(
    (k) => `• ${commandName} ${t(language, `command.help.${k}` as MessageKey)}`,
  );
  return [lead, t(language, "command.help_title"), ...lines].filter(Boolean).join("\n");
}
