import { addToDate, localDateOf, shiftToWorkingDay } from "../domain/calendar.ts";
import type { FieldProblem } from "../domain/entries.ts";
import type { Ctx, Deps } from "./context.ts";
import { AppError } from "./errors.ts";

/** How far ahead the example in a date refusal lies: far enough to be a real choice, never in the past. */
const EXAMPLE_DAYS_AHEAD = 14;

/** A working day two weeks from today in the workspace's time zone, as the example a date refusal gives. */
export function exampleDate(deps: Deps, ctx: Ctx): string {
  const today = localDateOf(deps.now(), ctx.workspace.timeZone);
  return shiftToWorkingDay(addToDate(today, { days: EXAMPLE_DAYS_AHEAD }), 1);
}

/** The problems with a future example date put on every date problem, so the refusal shows how to write one. */
export function withDateExamples(
  deps: Deps,
  ctx: Ctx,
  problems: Record<string, FieldProblem>,
): Record<string, FieldProblem> {
  const dated = Object.entries(problems).map(([field, problem]): [string, FieldProblem] =>
    problem.code === "invalid_date" || problem.code === "date_in_past"
      ? [field, { ...problem, example: exampleDate(deps, ctx) }]
      : [field, problem],
  );
  return Object.fromEntries(dated);
}

/** The refusal of invalid input, with a future example on each date problem. */
export function invalidInput(deps: Deps, ctx: Ctx, problems: Record<string, FieldProblem>): AppError {
  return new AppError("invalid", "error.invalid", {}, withDateExamples(deps, ctx, problems));
}
