import { expect } from "vitest";
import { AppError } from "../../src/app/errors.ts";

/** The AppError `work` is refused with; fails the test when it succeeds or fails otherwise. */
export async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
