import type { Discussion } from "../domain/entities.ts";
import type { EntryData, EntryKind, FieldProblem } from "../domain/entries.ts";
import { accidentTextProblem } from "../domain/sensitive.ts";
import type { Ctx } from "./context.ts";
import { AppError } from "./errors.ts";
import type { Repos } from "./ports.ts";

/**
 * Every name the bot knows for the workplace: the roster, the discussion's participants, and the people its entries
 * name (owners, minute-taker, members presented). What an accident text must not mention.
 */
export async function knownNames(r: Repos, ctx: Ctx, discussion: Discussion): Promise<string[]> {
  const names = new Set<string>();
  for (const m of await r.members.list(ctx.workspace.id)) if (m.name) names.add(m.name);
  for (const p of discussion.participants) if (p.name) names.add(p.name);
  for (const e of await r.entries.forDiscussion(ctx.workspace.id, discussion.id)) {
    const data = e.data as { owner?: { name?: string }; person?: { name?: string } };
    if (data.owner?.name) names.add(data.owner.name);
    if (data.person?.name) names.add(data.person.name);
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
