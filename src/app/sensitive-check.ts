import type { Discussion } from "../domain/entities.ts";
import type { EntryData, EntryKind, FieldProblem } from "../domain/entries.ts";
import { accidentTextProblem, containsWord, HEALTH_WORDS, personWithHealth } from "../domain/sensitive.ts";
import type { Ctx } from "./context.ts";
import { AppError } from "./errors.ts";
import type { Repos } from "./ports.ts";

/**
 * Every name the bot knows for the workplace: the roster, the discussion's participants, and the people its entries
 * name (owners, minute-taker and those present, members presented). What an accident text must not mention.
 */
export async function knownNames(r: Repos, ctx: Ctx, discussion: Discussion): Promise<string[]> {
  const names = new Set<string>();
  for (const m of await r.members.list(ctx.workspace.id)) if (m.name) names.add(m.name);
  for (const p of discussion.participants) if (p.name) names.add(p.name);
  for (const e of await r.entries.forDiscussion(ctx.workspace.id, discussion.id)) {
    const data = e.data as {
      owner?: { name?: string };
      person?: { name?: string };
      attendees?: { name?: string }[];
    };
    if (data.owner?.name) names.add(data.owner.name);
    if (data.person?.name) names.add(data.person.name);
    for (const p of data.attendees ?? []) if (p.name) names.add(p.name);
  }
  return [...names];
}

/** The accident form's free text, refused when it names someone or reads as a diagnosis; null when it may be kept. */
export function accidentProblems(
  kind: EntryKind,
  data: unknown,
  names: readonly string[],
): Record<string, FieldProblem> | null {
  if (kind !== "accident_overview") return null;
  const comment = (data as EntryData["accident_overview"]).comment;
  const problem = comment ? accidentTextProblem(comment, names) : null;
  return problem ? { comment: problem } : null;
}

/** Refuses an accident text with names or diagnoses, as a field problem the form shows with its reason. */
export function refuseSensitive(kind: EntryKind, data: unknown, names: readonly string[]): void {
  const problems = accidentProblems(kind, data, names);
  if (problems) throw new AppError("invalid", "error.invalid", {}, problems);
}

/** An entry whose check needs the names the bot knows: an accident text, or a text with a health word not confirmed. */
export function needsNames(entry: { kind: EntryKind; data: unknown; healthConfirmed?: boolean }): boolean {
  if (entry.kind === "accident_overview") return true;
  return !entry.healthConfirmed && freeTexts(entry.data).some(([, text]) => containsWord(text, HEALTH_WORDS));
}

/**
 * Refuses an accident text that names someone or reads as a diagnosis, and holds back any other text that names a
 * person with a health word until confirmed. Names are read only when a text could need them.
 */
export async function checkSensitive(
  r: Repos,
  ctx: Ctx,
  discussion: Discussion,
  entry: { kind: EntryKind; data: unknown; healthConfirmed?: boolean },
): Promise<void> {
  if (!needsNames(entry)) return;
  namesChecked(entry, await knownNames(r, ctx, discussion));
}

/** The checks of an entry that needsNames, against those names. */
export function namesChecked(
  entry: { kind: EntryKind; data: unknown; healthConfirmed?: boolean },
  names: readonly string[],
): void {
  refuseSensitive(entry.kind, entry.data, names);
  if (!entry.healthConfirmed) warnOfHealth(entry.kind, entry.data, names);
}

/** Fields that name people on purpose (an owner, the member presented, those present): names are what they hold. */
const PERSON_FIELDS = new Set(["person", "owner", "attendees"]);

/** Every free text in an entry's data, by its data path ("text", "actions.0.text"), people's own fields left out. */
function freeTexts(data: unknown, path: string[] = []): [string, string][] {
  if (typeof data === "string") return [[path.join("."), data]];
  if (!data || typeof data !== "object") return [];
  return Object.entries(data).flatMap(([key, value]) =>
    PERSON_FIELDS.has(key) ? [] : freeTexts(value, [...path, key]),
  );
}

/**
 * The fields whose text names someone the bot knows together with a health word, each as a warning the form shows;
 * null when there is none. The accident text is refused outright instead (accidentProblems).
 */
export function healthWarnings(
  kind: EntryKind,
  data: unknown,
  names: readonly string[],
): Record<string, FieldProblem> | null {
  if (kind === "accident_overview" || names.length === 0) return null;
  const warnings: Record<string, FieldProblem> = {};
  for (const [path, text] of freeTexts(data)) {
    const name = personWithHealth(text, names);
    if (name) warnings[path] = { code: "names_health", name };
  }
  return Object.keys(warnings).length > 0 ? warnings : null;
}

/**
 * Holds back a text that names a person together with a health word until its writer confirms it: an AppError
 * "unconfirmed" with the warning under each field; sent again confirmed, the same entry is saved.
 */
export function warnOfHealth(kind: EntryKind, data: unknown, names: readonly string[]): void {
  const warnings = healthWarnings(kind, data, names);
  if (!warnings) return;
  const first = Object.values(warnings)[0] as { name: string };
  throw new AppError("unconfirmed", "warning.names_health", { name: first.name }, warnings);
}
