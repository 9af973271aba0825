import type { PointForm } from "../domain/agenda.ts";
import { parseUserDate } from "../domain/dates.ts";
import { type FieldProblem, LIMITS } from "../domain/entries.ts";
import type { Language } from "../domain/types.ts";
import { type MessageKey, t } from "../i18n/index.ts";
import type { PointView } from "./chat-port.ts";

export type FormKind = "note" | "decision" | "goal" | PointForm;

export type FieldSpec = { id: string; label: string; hint?: string; required: boolean } & (
  | { type: "text"; multiline: boolean; maxLength: number }
  | { type: "number" }
  | { type: "date" }
  | { type: "select"; options: { value: string; label: string }[] }
  | { type: "person" }
);

export interface FormSpec {
  kind: FormKind;
  title: string;
  intro: string | null;
  submit: string;
  fields: FieldSpec[];
}

/** A submitted value: text, a chosen option, or a person from a user picker. */
export type FieldValue = string | { id?: string; name: string } | null | undefined;

export interface FormContext {
  language: Language;
  members: { userId: string; name: string; role: string }[];
  carriedGoals: PointView["carriedGoals"];
}

/** The fields of each form, platform-neutral: Slack renders them as a modal, Teams as an Adaptive Card. */
export function formSpec(kind: FormKind, ctx: FormContext): FormSpec {
  const l = ctx.language;
  const tr = (key: MessageKey) => t(l, key);
  const text = (
    id: string,
    label: MessageKey,
    required: boolean,
    max: number = LIMITS.medium,
    multiline = true,
  ): FieldSpec => ({
    id,
    label: tr(label),
    required,
    type: "text",
    multiline,
    maxLength: max,
  });
  const date = (id: string, label: MessageKey, required = false): FieldSpec => ({
    id,
    label: tr(label),
    required,
    type: "date",
  });
  const person = (id: string, label: MessageKey, required = false): FieldSpec => ({
    id,
    label: tr(label),
    required,
    type: "person",
  });
  const select = (
    id: string,
    label: MessageKey,
    values: string[],
    prefix: string,
    required = true,
  ): FieldSpec => ({
    id,
    label: tr(label),
    required,
    type: "select",
    options: values.map((v) => ({ value: v, label: tr(`${prefix}${v}` as MessageKey) })),
  });
  const count = (id: string, label: MessageKey): FieldSpec => ({
    id,
    label: tr(label),
    required: true,
    type: "number",
  });
  const spec = (fields: FieldSpec[], intro: MessageKey | null = null): FormSpec => ({
    kind,
    title: tr(`form.${kind}.title` as MessageKey),
    intro: intro ? tr(intro) : null,
    submit: tr("form.submit"),
    fields,
  });

  switch (kind) {
    case "note":
      return spec([text("text", "form.note.text", true, LIMITS.long)]);
    case "decision":
      return spec([
        text("text", "form.decision.text", true),
        person("owner", "form.owner"),
        date("deadline", "form.deadline"),
      ]);
    case "goal":
      return spec([
        text("text", "form.goal.text", true),
        { ...text("successCriterion", "form.goal.criterion", true), hint: tr("form.goal.criterion_hint") },
        person("owner", "form.owner"),
        date("deadline", "form.deadline"),
      ]);
    case "minute_taker":
      return spec([person("person", "form.minute_taker.person", true)]);
    case "amo_member":
      return spec([
        person("person", "form.amo_member.person", true),
        select(
          "role",
          "form.amo_member.role",
          ["amo_representative", "work_leader", "employer", "employer_representative"],
          "role.",
        ),
        { ...date("joinedOn", "form.amo_member.joined"), hint: tr("form.amo_member.joined_hint") },
      ]);
    case "apv_status":
      return spec(
        [
          date("lastApvDate", "form.apv.last"),
          text("actionPlanStatus", "form.apv.action_plan", true, LIMITS.long),
          text("focusPoints", "form.apv.focus", false, LIMITS.long),
          date("nextApvPlanned", "form.apv.next"),
        ],
        "form.apv.intro",
      );
    case "accident_overview":
      return spec(
        [
          count("accidents", "form.accidents.accidents"),
          count("nearMisses", "form.accidents.near_misses"),
          count("poisonings", "form.accidents.poisonings"),
          count("healthDamage", "form.accidents.health_damage"),
          select(
            "causesInvestigated",
            "form.accidents.causes",
            ["yes", "partly", "no", "none_occurred"],
            "answer.",
          ),
          select(
            "preventionWorked",
            "form.accidents.prevention",
            ["yes", "partly", "no", "not_assessed"],
            "answer.",
          ),
          { ...text("comment", "form.accidents.comment", false), hint: tr("form.accidents.no_names") },
        ],
        "form.accidents.intro",
      );
    case "goal_verdict":
      return spec([
        ...(ctx.carriedGoals.length > 0
          ? [
              {
                id: "goalId",
                label: tr("form.verdict.goal"),
                required: false,
                type: "select" as const,
                options: ctx.carriedGoals.map((g) => ({ value: g.id, label: g.text.slice(0, 75) })),
              },
            ]
          : []),
        {
          ...text("goalText", "form.verdict.goal_text", ctx.carriedGoals.length === 0, LIMITS.medium, false),
          hint: tr("form.verdict.goal_text_hint"),
        },
        select("verdict", "form.verdict.verdict", ["reached", "partly", "not_reached"], "verdict."),
        text("reason", "form.verdict.reason", false),
        select("carryOn", "form.verdict.carry_on", ["yes", "no"], "answer."),
      ]);
    case "focus_area":
      return spec([
        text("area", "form.focus.area", true, LIMITS.short, false),
        text("actions", "form.focus.actions", true, LIMITS.long),
      ]);
    case "cooperation_plan":
      return spec([
        text("meetingInterval", "field.meeting_interval", true, LIMITS.short, false),
        text("meetingForm", "field.meeting_form", false),
        text("convener", "field.convener", true, LIMITS.short, false),
        text("acuteHandling", "field.acute_handling", true),
        text("informAmo", "field.inform_amo", true),
        text("informEveryone", "field.inform_everyone", true),
        text("taskDistribution", "field.task_distribution", false),
      ]);
    case "competences":
      return spec(
        [
          select("expertisePresent", "form.competences.expertise", ["yes", "partly", "no"], "answer.", false),
          text("expertisePlan", "form.competences.expertise_plan", false),
          text("supplementaryTraining", "form.competences.training", false, LIMITS.long),
          ...amoMembers(ctx).flatMap((m): FieldSpec[] => [
            {
              id: `member.${m.userId}.firstCourseDone`,
              label: t(l, "form.competences.first_course", { name: m.name }),
              required: false,
              type: "select",
              options: ["yes", "no"].map((v) => ({ value: v, label: tr(`answer.${v}` as MessageKey) })),
            },
            {
              id: `member.${m.userId}.supplementaryPlanned`,
              label: t(l, "form.competences.planned", { name: m.name }),
              required: false,
              type: "text",
              multiline: false,
              maxLength: LIMITS.short,
            },
          ]),
          text("plan", "form.competences.plan", false, LIMITS.long),
        ],
        "form.competences.intro",
      );
  }
}

const amoMembers = (ctx: FormContext) => ctx.members.filter((m) => m.role !== "other").slice(0, 20);

/**
 * Turns submitted field values into the entry data the core validates. Empty fields are left out so the
 * validation reports what is required; nothing here decides what is valid.
 */
export function formData(
  kind: FormKind,
  values: Record<string, FieldValue>,
  ctx: FormContext,
): Record<string, unknown> {
  const str = (id: string) => {
    const v = values[id];
    if (v === null || v === undefined) return undefined;
    const s = typeof v === "string" ? v : v.name;
    return s.trim() === "" ? undefined : s;
  };
  const dateOf = (id: string) => {
    const s = str(id);
    return s === undefined ? undefined : (parseUserDate(s) ?? s);
  };
  const personOf = (id: string) => {
    const v = values[id];
    if (!v) return undefined;
    if (typeof v === "string") return v.trim() ? { name: v.trim() } : undefined;
    return v.id ? { id: v.id, name: v.name || v.id } : { name: v.name };
  };
  const yesNo = (id: string) => (str(id) === undefined ? undefined : str(id) === "yes");
  const pick = (ids: string[]) =>
    Object.fromEntries(ids.map((id) => [id, str(id)]).filter(([, v]) => v !== undefined));
  const clean = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

  switch (kind) {
    case "note":
      return pick(["text"]);
    case "decision":
      return clean({ text: str("text"), owner: personOf("owner"), deadline: dateOf("deadline") });
    case "goal":
      return clean({
        text: str("text"),
        successCriterion: str("successCriterion"),
        owner: personOf("owner"),
        deadline: dateOf("deadline"),
      });
    case "minute_taker":
      return clean({ person: personOf("person") });
    case "amo_member":
      return clean({ person: personOf("person"), role: str("role"), joinedOn: dateOf("joinedOn") });
    case "apv_status":
      return clean({
        lastApvDate: dateOf("lastApvDate"),
        actionPlanStatus: str("actionPlanStatus"),
        focusPoints: str("focusPoints"),
        nextApvPlanned: dateOf("nextApvPlanned"),
      });
    case "accident_overview":
      return pick([
        "accidents",
        "nearMisses",
        "poisonings",
        "healthDamage",
        "causesInvestigated",
        "preventionWorked",
        "comment",
      ]);
    case "goal_verdict": {
      const goal = ctx.carriedGoals.find((g) => g.id === str("goalId"));
      return clean({
        goalId: goal?.id,
        goalText: str("goalText") ?? goal?.text,
        verdict: str("verdict"),
        reason: str("reason"),
        carryOn: yesNo("carryOn"),
      });
    }
    case "focus_area":
      return pick(["area", "actions"]);
    case "cooperation_plan":
      return pick([
        "meetingInterval",
        "meetingForm",
        "convener",
        "acuteHandling",
        "informAmo",
        "informEveryone",
        "taskDistribution",
      ]);
    case "competences": {
      const members = amoMembers(ctx)
        .map((m) =>
          clean({
            person: { id: m.userId, name: m.name || m.userId },
            firstCourseDone: yesNo(`member.${m.userId}.firstCourseDone`),
            supplementaryPlanned: str(`member.${m.userId}.supplementaryPlanned`),
          }),
        )
        .filter((m) => "firstCourseDone" in m || "supplementaryPlanned" in m);
      return clean({
        expertisePresent: str("expertisePresent"),
        expertisePlan: str("expertisePlan"),
        supplementaryTraining: str("supplementaryTraining"),
        members: members.length > 0 ? members : undefined,
        plan: str("plan"),
      });
    }
  }
}

/** Maps the core's problems (by data path) onto the form's fields, as sentences in the user's language. */
export function fieldErrors(
  kind: FormKind,
  problems: Record<string, FieldProblem>,
  ctx: FormContext,
  text: (p: FieldProblem) => string,
): Record<string, string> {
  const spec = formSpec(kind, ctx);
  const ids = new Set(spec.fields.map((f) => f.id));
  const errors: Record<string, string> = {};
  const members = amoMembers(ctx);
  for (const [path, problem] of Object.entries(problems)) {
    const parts = path.split(".");
    let id = parts[0] ?? "";
    if (id === "members" && parts.length >= 3) id = `member.${members[Number(parts[1])]?.userId}.${parts[2]}`;
    if (kind === "goal_verdict" && id === "goalId") id = ids.has("goalId") ? "goalId" : "goalText";
    if (!ids.has(id)) id = spec.fields[0]?.id ?? "_";
    errors[id] ??= text(problem);
  }
  return errors;
}
