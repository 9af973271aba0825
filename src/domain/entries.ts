import { z } from "zod";
import { isValidIsoDate } from "./dates.ts";
import { ROLES } from "./types.ts";

export const ENTRY_KINDS = [
  "note",
  "decision",
  "goal",
  "minute_taker",
  "amo_member",
  "apv_status",
  "accident_overview",
  "goal_verdict",
  "focus_area",
  "cooperation_plan",
  "competences",
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Decisions and goals are followed up through the year; they carry an owner, a deadline and a status. */
export const ACTIONABLE_KINDS: readonly EntryKind[] = ["decision", "goal"];

export const LIMITS = { short: 200, medium: 1000, long: 3000 } as const;

/** How many of the APV action plan's items the point 4 form takes at a time. */
export const APV_ACTION_ROWS = 3;

/**
 * Removes control characters (PostgreSQL cannot store NUL, and the rest only hides text) but keeps line breaks and
 * tabs, and puts the text in its composed Unicode form.
 */
export function cleanText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return value.normalize("NFC").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

export const text = (max: number) => z.preprocess(cleanText, z.string().trim().min(1).max(max));
export const optionalText = (max: number) =>
  z
    .preprocess(cleanText, z.string().trim().max(max))
    .transform((v) => (v ? v : undefined))
    .optional();
const isoDate = z.string().trim().refine(isValidIsoDate, { message: "invalid_date" });
const count = z.coerce.number().int().min(0).max(100_000);
/** Days of training, in halves ("1,5" as Danes write it). */
const trainingDays = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().replace(",", ".") : v),
  z.coerce.number().refine((n) => Number.isFinite(n) && n >= 0 && n <= 30 && Number.isInteger(n * 2), {
    message: "invalid_days",
  }),
);

/** A person as the platform knows them: the id where there is one, the name for the written record. */
export const personSchema = z.strictObject({
  id: z.string().trim().max(64).optional(),
  name: text(LIMITS.short),
});
export type Person = z.infer<typeof personSchema>;

/** Point 6's four figures. Checks on them run even when a figure was refused: one not read is neither 0 nor above. */
function incidentFigures(v: Record<"accidents" | "nearMisses" | "poisonings" | "healthDamage", number>) {
  return [v.accidents, v.nearMisses, v.poisonings, v.healthDamage];
}

export const entrySchemas = {
  note: z.strictObject({ text: text(LIMITS.long) }),
  // Without an owner and a deadline nothing follows a decision up; a goal needs a way to judge it and a date.
  decision: z.strictObject({
    text: text(LIMITS.medium),
    owner: personSchema,
    deadline: isoDate,
  }),
  goal: z.strictObject({
    text: text(LIMITS.medium),
    successCriterion: text(LIMITS.medium),
    owner: personSchema.optional(),
    deadline: isoDate,
  }),
  // Who was present, where point 1 records it: the referat then names them, and who was invited but absent.
  minute_taker: z.strictObject({
    person: personSchema,
    attendees: z.array(personSchema).min(1).max(200).optional(),
  }),
  amo_member: z.strictObject({
    person: personSchema,
    role: z.enum(["amo_representative", "work_leader", "employer", "employer_representative"]),
    joinedOn: isoDate.optional(),
  }),
  apv_status: z.strictObject({
    lastApvDate: isoDate.optional(),
    actionPlanStatus: text(LIMITS.long),
    focusPoints: optionalText(LIMITS.long),
    nextApvPlanned: isoDate.optional(),
    /** The action plan's items: each becomes a decision at point 4, followed up with its owner and deadline. */
    actions: z
      .array(z.strictObject({ text: text(LIMITS.medium), owner: personSchema, deadline: isoDate }))
      .max(APV_ACTION_ROWS)
      .optional(),
  }),
  // "No incidents" answers whether causes were investigated exactly when every figure is 0: the two must agree.
  accident_overview: z
    .strictObject({
      accidents: count,
      nearMisses: count,
      poisonings: count,
      healthDamage: count,
      causesInvestigated: z.enum(["yes", "partly", "no", "none_occurred"]),
      preventionWorked: z.enum(["yes", "partly", "no", "not_assessed"]),
      comment: optionalText(LIMITS.medium),
    })
    .refine((v) => !(incidentFigures(v).some((n) => n > 0) && v.causesInvestigated === "none_occurred"), {
      path: ["causesInvestigated"],
      message: "incidents_recorded",
    })
    .refine((v) => !(incidentFigures(v).every((n) => n === 0) && v.causesInvestigated !== "none_occurred"), {
      path: ["causesInvestigated"],
      message: "no_incidents_recorded",
    }),
  goal_verdict: z
    .strictObject({
      goalId: z.uuid().optional(),
      goalText: text(LIMITS.medium),
      verdict: z.enum(["reached", "partly", "not_reached"]),
      reason: optionalText(LIMITS.medium),
      carryOn: z.boolean(),
    })
    .refine((v) => v.verdict === "reached" || v.reason !== undefined, {
      path: ["reason"],
      message: "reason_required",
    }),
  focus_area: z.strictObject({ area: text(LIMITS.short), actions: text(LIMITS.long) }),
  cooperation_plan: z.strictObject({
    meetingInterval: text(LIMITS.short),
    meetingForm: optionalText(LIMITS.medium),
    convener: text(LIMITS.short),
    acuteHandling: text(LIMITS.medium),
    // Asked only where there is an AMO to inform: sizeProblems asks for it there.
    informAmo: optionalText(LIMITS.medium),
    informEveryone: text(LIMITS.medium),
    taskDistribution: optionalText(LIMITS.medium),
  }),
  competences: z.strictObject({
    expertisePresent: z.enum(["yes", "partly", "no"]).optional(),
    expertisePlan: optionalText(LIMITS.medium),
    supplementaryTraining: optionalText(LIMITS.long),
    members: z
      .array(
        z.strictObject({
          person: personSchema,
          /** The member's role and joining date as the roster had them when the form was filled in. */
          role: z.enum(ROLES).optional(),
          joinedOn: isoDate.optional(),
          firstCourseDone: z.boolean().optional(),
          supplementaryOffered: z.boolean().optional(),
          supplementaryTakenDays: trainingDays.optional(),
          supplementaryPlanned: optionalText(LIMITS.short),
        }),
      )
      .max(100)
      .optional(),
    plan: optionalText(LIMITS.long),
  }),
} satisfies Record<EntryKind, z.ZodType>;

export type EntryData = { [K in EntryKind]: z.output<(typeof entrySchemas)[K]> };

/** Why a field was refused, as a code the i18n catalogue turns into a sentence. */
export type FieldProblem =
  | { code: "required" }
  | { code: "too_long"; max: number }
  | { code: "invalid_date"; example?: string }
  | { code: "date_in_past"; example?: string }
  | { code: "invalid_number" }
  | { code: "invalid_days" }
  | { code: "invalid_choice" }
  | { code: "reason_required" }
  /** Point 6: figures above 0 answered "no incidents", or all 0 answered otherwise. */
  | { code: "incidents_recorded" }
  | { code: "no_incidents_recorded" }
  | { code: "unknown_field" }
  | { code: "employer_required" }
  | { code: "names_person" }
  | { code: "reads_as_diagnosis" }
  /** A warning, not a refusal: the text names a person together with a health word; saved anyway when confirmed. */
  | { code: "names_health"; name: string }
  | { code: "invalid" };

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: Record<string, FieldProblem> };

export function validateEntry<K extends EntryKind>(kind: K, input: unknown): Validation<EntryData[K]> {
  const result = entrySchemas[kind].safeParse(input);
  if (result.success) return { ok: true, value: result.data as EntryData[K] };
  return { ok: false, problems: problemsOf(result.error) };
}

/**
 * What the workplace's size asks of an entry beyond its shape: with an AMO, point 9 says how the AMO is kept informed;
 * with 1-9 employees there is no AMO, so that is not asked.
 */
export function sizeProblems(kind: EntryKind, data: unknown, hasAmo: boolean): Record<string, FieldProblem> {
  if (kind !== "cooperation_plan" || !hasAmo) return {};
  return (data as EntryData["cooperation_plan"]).informAmo ? {} : { informAmo: { code: "required" } };
}

export function problemsOf(error: z.ZodError): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) problems[[...issue.path, key].join(".")] ??= { code: "unknown_field" };
      continue;
    }
    problems[issue.path.join(".") || "_"] ??= problemOf(issue);
  }
  return problems;
}

function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  switch (issue.code) {
    case "too_small":
      return { code: "required" };
    case "too_big":
      return { code: "too_long", max: Number(issue.maximum) };
    case "invalid_value":
      return { code: "invalid_choice" };
    case "invalid_type":
      if (issue.input === undefined || issue.input === "") return { code: "required" };
      return issue.expected === "number" ? { code: "invalid_number" } : { code: "invalid" };
    case "custom":
      if (issue.message === "invalid_date") return { code: "invalid_date" };
      if (issue.message === "reason_required") return { code: "reason_required" };
      if (issue.message === "invalid_days") return { code: "invalid_days" };
      if (issue.message === "incidents_recorded") return { code: "incidents_recorded" };
      if (issue.message === "no_incidents_recorded") return { code: "no_incidents_recorded" };
      return { code: "invalid" };
    default:
      return { code: "invalid" };
  }
}
