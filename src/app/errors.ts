import type { FieldProblem } from "../domain/entries.ts";
import { type MessageKey, type Params, t } from "../i18n/index.ts";
import type { PointView } from "./chat-port.ts";
import type { Logger } from "./context.ts";

export type ErrorCode =
  | "stale"
  | "forbidden"
  | "not_found"
  | "not_set_up"
  | "no_discussion"
  | "already_exists"
  | "not_editable"
  | "invalid"
  | "not_author"
  | "override_reason"
  | "refused"
  /** A warning the user may override: the same request, confirmed, goes through. */
  | "unconfirmed"
  | "temporary";

/**
 * A failure the user can be told about. `message` is a catalogue key so each adapter answers in the user's
 * language; `retryable` says whether trying again can help.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: MessageKey;
  readonly params: Params;
  readonly problems: Record<string, FieldProblem>;
  readonly retryable: boolean;
  constructor(
    code: ErrorCode,
    messageKey: MessageKey,
    params: Params = {},
    problems: Record<string, FieldProblem> = {},
    retryable = false,
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.problems = problems;
    this.retryable = retryable;
  }
}

/**
 * A click from a view that is behind (someone moved first), refused; with the point that view showed as it is now,
 * when the click said which point that was.
 */
export class StaleError extends AppError {
  constructor(readonly view: PointView | null = null) {
    super("stale", "error.stale", {}, {}, true);
  }
}

/** A row that already exists under a unique key (PostgreSQL's 23505). */
export const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: string } | null)?.code === "23505";

/** A deadlock PostgreSQL broke by cancelling this statement (40P01). */
export const isDeadlock = (error: unknown): boolean => (error as { code?: string } | null)?.code === "40P01";

/** Errors from the database that mean "try again": connection loss, serialisation, deadlock. */
export function isTransientDbError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? "";
  return (
    [
      "40001",
      "40P01",
      "55000",
      "57P01",
      "57P02",
      "57P03",
      "08000",
      "08001",
      "08003",
      "08004",
      "08006",
      "53300",
    ].includes(code) ||
    ["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"].includes(code) ||
    /Connection terminated|connect ECONNREFUSED|not currently accepting connections|timeout exceeded when trying to connect/.test(
      String((error as Error)?.message),
    )
  );
}

/** The error as one sentence in the reader's language. */
export function errorText(language: import("../domain/types.ts").Language, error: AppError): string {
  const params: Record<string, string | number> = { ...error.params };
  if (error.messageKey === "error.forbidden") {
    params.action = t(language, String(error.params.action) as MessageKey);
    params.roles = new Intl.ListFormat(language, { type: "disjunction" }).format(
      String(error.params.roles)
        .split("|")
        .map((r) => t(language, `role.${r}` as MessageKey).toLowerCase()),
    );
  }
  return t(language, error.messageKey, params);
}

/**
 * Whatever went wrong handling a user's command or click, as one polite sentence in their language: a refusal in its
 * own words, anything else (a fault) logged and answered as a passing problem to try again.
 */
export function failureText(
  log: Logger,
  language: import("../domain/types.ts").Language,
  error: unknown,
): string {
  if (error instanceof AppError) return errorText(language, error);
  log.error("user request failed", { error: String(error), stack: (error as Error)?.stack });
  return t(language, "error.temporary");
}

export function problemText(language: import("../domain/types.ts").Language, problem: FieldProblem): string {
  if ("max" in problem) return t(language, `problem.${problem.code}`, { max: problem.max });
  if ("name" in problem) return t(language, `problem.${problem.code}`, { name: problem.name });
  if ("example" in problem && problem.example) {
    const [y, m, d] = problem.example.split("-");
    return t(language, `problem.${problem.code}_example`, { example: `${d}-${m}-${y}` });
  }
  return t(language, `problem.${problem.code}`);
}
