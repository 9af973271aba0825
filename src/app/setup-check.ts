import { problemsOf } from "../domain/entries.ts";
import { AppError } from "./errors.ts";
import { type SetupInput, setupSchema } from "./setup.ts";

/**
 * The checks setupWorkspace makes before it touches the database (the form's values, an employer named): what a
 * form can be told at once, such as a Slack modal before its answer. Throws the same AppError setupWorkspace would.
 */
export function precheckSetup(input: SetupInput): void {
  const parsed = setupSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "error.invalid", {}, problemsOf(parsed.error));
  if (!parsed.data.members.some((m) => m.role === "employer"))
    throw new AppError("invalid", "error.invalid", {}, { members: { code: "employer_required" } });
}
