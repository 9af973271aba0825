import { agendaPoint } from "../domain/agenda.ts";
import { localDateOf } from "../domain/calendar.ts";
import { isValidIsoDate } from "../domain/dates.ts";
import type { Discussion } from "../domain/entities.ts";
import {
  ENTRY_KINDS,
  type EntryKind,
  type FieldProblem,
  sizeProblems,
  validateEntry,
} from "../domain/entries.ts";
import { type Ctx, type Deps, read } from "./context.ts";
import { invalidInput } from "./date-problems.ts";
import type { RecordInput } from "./entries.ts";
import { AppError } from "./errors.ts";
import { recordHasAmo } from "./record-size.ts";
import { knownNames, namesChecked, needsNames } from "./sensitive-check.ts";

/**
 * Checks an entry without changing anything or calling a chat platform: what a form can be told at once (adapters use
 * it to answer a submit before doing the work). Throws the same AppError the recording would; the names the bot knows
 * are read only for a text that could need them. What the record's size asks (point 9's line on the AMO) waits for
 * the recording, which reads the discussion.
 */
export async function precheck(deps: Deps, ctx: Ctx, input: RecordInput): Promise<void> {
  const kind = checkKind(input.kind, input.point);
  const valid = validateEntry(kind, input.data);
  if (!valid.ok) throw refusal(deps, ctx, valid.problems, input.data, null);
  refusePastDeadline(deps, ctx, valid.value, null);
  await checkNames(deps, ctx, input.discussionId, {
    kind,
    data: valid.value,
    healthConfirmed: input.healthConfirmed,
  });
}

/** The checks of names in an entry's texts, with the names read only when a text could need them. */
async function checkNames(
  deps: Deps,
  ctx: Ctx,
  discussionId: string,
  entry: { kind: EntryKind; data: unknown; healthConfirmed?: boolean },
): Promise<void> {
  if (!needsNames(entry)) return;
  const names = await read(deps, async (r) => {
    const discussion = await r.discussions.get(ctx.workspace.id, discussionId);
    return discussion ? knownNames(r, ctx, discussion) : [];
  });
  namesChecked(entry, names);
}

/** Refuses an entry that lacks what the record's size asks of it: with an AMO, how the AMO is kept informed. */
export function refuseForSize(
  deps: Deps,
  ctx: Ctx,
  kind: EntryKind,
  data: unknown,
  discussion: Discussion,
): void {
  const problems = sizeProblems(kind, data, recordHasAmo(ctx.workspace, discussion));
  if (Object.keys(problems).length > 0) throw invalidInput(deps, ctx, problems);
}

/**
 * As precheck, for a change to an entry: checked as its kind, and a deadline kept as it was is no problem even when
 * past. Reads the entry, but changes nothing and calls no chat platform.
 */
export async function precheckEdit(
  deps: Deps,
  ctx: Ctx,
  input: { entryId: string; data: unknown; healthConfirmed?: boolean },
) {
  const existing = await read(deps, (r) => r.entries.get(ctx.workspace.id, input.entryId));
  if (!existing) throw new AppError("not_found", "error.not_found");
  const valid = validateEntry(existing.kind, input.data);
  if (!valid.ok) throw refusal(deps, ctx, valid.problems, input.data, existing.deadline);
  refusePastDeadline(deps, ctx, valid.value, existing.deadline);
  await checkNames(deps, ctx, existing.discussionId, {
    kind: existing.kind,
    data: valid.value,
    healthConfirmed: input.healthConfirmed,
  });
}

/** A new deadline must not lie in the past (an unchanged old one may stay). */
export function refusePastDeadline(deps: Deps, ctx: Ctx, data: unknown, current: string | null): void {
  if (isPastDeadline(deps, ctx, data, current))
    throw invalidInput(deps, ctx, { deadline: { code: "date_in_past" } });
  // The APV action plan's items become decisions: their deadlines are checked as a decision's is.
  const today = localDateOf(deps.now(), ctx.workspace.timeZone);
  const actions = (data as { actions?: unknown }).actions;
  const past = Array.isArray(actions)
    ? actions.findIndex((a: { deadline: string }) => a.deadline < today)
    : -1;
  if (past >= 0) throw invalidInput(deps, ctx, { [`actions.${past}.deadline`]: { code: "date_in_past" } });
}

function isPastDeadline(deps: Deps, ctx: Ctx, data: unknown, current: string | null): boolean {
  const deadline = (data as { deadline?: unknown } | null)?.deadline;
  if (typeof deadline !== "string" || deadline === current || !isValidIsoDate(deadline)) return false;
  return deadline < localDateOf(deps.now(), ctx.workspace.timeZone);
}

/** Refused fields, with a past deadline named too, so every problem is told at once rather than one by one. */
export function refusal(
  deps: Deps,
  ctx: Ctx,
  problems: Record<string, FieldProblem>,
  data: unknown,
  current: string | null,
): AppError {
  const past = !problems.deadline && isPastDeadline(deps, ctx, data, current);
  return invalidInput(deps, ctx, past ? { ...problems, deadline: { code: "date_in_past" } } : problems);
}

export function checkKind(kind: string, point: number): EntryKind {
  if (!(ENTRY_KINDS as readonly string[]).includes(kind)) throw new AppError("invalid", "error.invalid");
  if (!Number.isInteger(point) || point < 1 || point > 11)
    throw new AppError("refused", "refusal.no_such_point");
  const k = kind as EntryKind;
  if (k !== "note" && k !== "decision" && k !== "goal" && agendaPoint(point).form !== k) {
    throw new AppError("invalid", "error.invalid");
  }
  return k;
}
