/** The subcommands of /arbejdsmiljø (Slack) and of an @mention (Teams), each with a Danish name and English aliases. */
export const SUBCOMMANDS = {
  setup: ["opsæt", "opsaet", "setup"],
  plan: ["planlæg", "planlaeg", "plan", "schedule"],
  start: ["start", "begin"],
  status: ["status"],
  followup: ["opfølgning", "opfoelgning", "followup", "follow-up"],
  summary: ["referat", "minutes", "summary"],
  export: ["eksport", "export"],
  inspection: ["tilsyn", "inspection"],
  data: ["data"],
  delete: ["slet", "delete"],
  help: ["hjælp", "hjaelp", "help"],
} as const;
export type Subcommand = keyof typeof SUBCOMMANDS;

export type Command =
  | { type: Subcommand; year?: number; code?: string }
  | { type: "unknown"; word: string }
  | { type: "bad_argument"; subcommand: Subcommand; argument: string };

const TAKES_YEAR: readonly Subcommand[] = ["summary", "export", "status"];
const COMMAND_NAMES = ["/arbejdsmiljø", "/arbejdsmiljo"];

/** Parses the text after the command (or after the @mention). Empty text means help. */
export function parseCommand(text: string): Command {
  const words = text
    .normalize("NFC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters in user text are replaced on purpose
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  // A text that says "/arbejdsmiljø opsæt" is followed word for word also where the platform has no slash command.
  if (COMMAND_NAMES.includes(words[0]?.toLowerCase() ?? "")) words.shift();
  const [first, ...rest] = words;
  if (!first) return { type: "help" };
  const word = first.toLowerCase();
  const sub = (Object.keys(SUBCOMMANDS) as Subcommand[]).find((k) =>
    (SUBCOMMANDS[k] as readonly string[]).includes(word),
  );
  if (!sub) return { type: "unknown", word: first.slice(0, 40) };
  if (rest.length === 0) return { type: sub };
  const argument = rest.join(" ").slice(0, 40);
  if (sub === "delete" && rest.length === 1 && /^[0-9A-Fa-f]{6}$/.test(rest[0] as string)) {
    return { type: "delete", code: (rest[0] as string).toUpperCase() };
  }
  if (TAKES_YEAR.includes(sub) && rest.length === 1 && /^\d{4}$/.test(rest[0] as string)) {
    const year = Number(rest[0]);
    if (year >= 2000 && year <= 2200) return { type: sub, year };
  }
  return { type: "bad_argument", subcommand: sub, argument };
}
