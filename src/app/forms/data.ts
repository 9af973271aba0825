import { parseUserDate } from "../../domain/dates.ts";
import { APV_ACTION_ROWS } from "../../domain/entries.ts";
import type { FieldValue, FormContext, FormKind } from "../forms.ts";
import { amoMembers } from "./specs.ts";

/** Names written in a box, separated by commas or lines: each a person known by name only. */
export const writtenNames = (text: string | undefined): { name: string }[] =>
  (text ?? "")
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => ({ name }));

/** Readers of a form's submitted values; each gives undefined for a field left empty. */
function valuesOf(values: Record<string, FieldValue>) {
  const str = (id: string) => {
    const v = values[id];
    if (v === null || v === undefined) return undefined;
    if (Array.isArray(v)) return undefined;
    const s = typeof v === "string" ? v : v.name;
    return s.trim() === "" ? undefined : s;
  };
  return {
    str,
    /** A date as the user wrote it, made ISO where it can be read. */
    date: (id: string) => {
      const s = str(id);
      return s === undefined ? undefined : (parseUserDate(s) ?? s);
    },
    /** A person picked (with their id) or written in by name. */
    person: (id: string) => {
      const v = values[id];
      if (!v) return undefined;
      if (Array.isArray(v)) return undefined;
      if (typeof v === "string") return v.trim() ? { name: v.trim() } : undefined;
      return v.id ? { id: v.id, name: v.name || v.id } : { name: v.name };
    },
    /** People picked (with their ids) or written by name, one per line or comma; none gives undefined. */
    people: (id: string) => {
      const v = values[id];
      const list = Array.isArray(v)
        ? v.map((p) => (p.id ? { id: p.id, name: p.name || p.id } : { name: p.name.trim() }))
        : typeof v === "string"
          ? writtenNames(v)
          : [];
      return list.length > 0 ? list : undefined;
    },
    yesNo: (id: string) => (str(id) === undefined ? undefined : str(id) === "yes"),
    /** The fields given, as text. */
    pick: (ids: string[]) => clean(Object.fromEntries(ids.map((id) => [id, str(id)]))),
  };
}

type Values = ReturnType<typeof valuesOf>;

/** The object without its undefined fields, so the validation reports what is missing. */
const clean = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The action plan's rows that hold anything, in order; none gives undefined. */
function apvActions(v: Values) {
  const rows = Array.from({ length: APV_ACTION_ROWS }, (_, i) => i + 1)
    .map((n) =>
      clean({
        text: v.str(`action.${n}.text`),
        owner: v.person(`action.${n}.owner`),
        deadline: v.date(`action.${n}.deadline`),
      }),
    )
    .filter((row) => Object.keys(row).length > 0);
  return rows.length > 0 ? rows : undefined;
}

/** How each kind of form's values become entry data. */
const DATA: Record<FormKind, (v: Values, ctx: FormContext) => Record<string, unknown>> = {
  note: (v) => v.pick(["text"]),
  decision: (v) => clean({ text: v.str("text"), owner: v.person("owner"), deadline: v.date("deadline") }),
  goal: (v) =>
    clean({
      text: v.str("text"),
      successCriterion: v.str("successCriterion"),
      owner: v.person("owner"),
      deadline: v.date("deadline"),
    }),
  minute_taker: (v) => clean({ person: v.person("person"), attendees: v.people("attendees") }),
  amo_member: (v) => clean({ person: v.person("person"), role: v.str("role"), joinedOn: v.date("joinedOn") }),
  apv_status: (v) =>
    clean({
      lastApvDate: v.date("lastApvDate"),
      actionPlanStatus: v.str("actionPlanStatus"),
      focusPoints: v.str("focusPoints"),
      nextApvPlanned: v.date("nextApvPlanned"),
      actions: apvActions(v),
    }),
  accident_overview: (v) =>
    v.pick([
      "accidents",
      "nearMisses",
      "poisonings",
      "healthDamage",
      "causesInvestigated",
      "preventionWorked",
      "comment",
    ]),
  goal_verdict: (v, ctx) => {
    const goal = ctx.carriedGoals.find((g) => g.id === v.str("goalId"));
    return clean({
      goalId: goal?.id,
      goalText: v.str("goalText") ?? goal?.text,
      verdict: v.str("verdict"),
      reason: v.str("reason"),
      carryOn: v.yesNo("carryOn"),
    });
  },
  focus_area: (v) => v.pick(["area", "actions"]),
  cooperation_plan: (v) =>
    v.pick([
      "meetingInterval",
      "meetingForm",
      "convener",
      "acuteHandling",
      "informAmo",
      "informEveryone",
      "taskDistribution",
    ]),
  competences: (v, ctx) => {
    // Every member the duty covers is listed, with the role and joining date the roster gives them now.
    const members = amoMembers(ctx).map((m) =>
      clean({
        person: { id: m.userId, name: m.name || m.userId },
        role: m.role,
        joinedOn: m.joinedAmoOn ?? undefined,
        firstCourseDone: v.yesNo(`member.${m.userId}.firstCourseDone`),
        supplementaryOffered: v.yesNo(`member.${m.userId}.supplementaryOffered`),
        supplementaryTakenDays: v.str(`member.${m.userId}.supplementaryTakenDays`),
        supplementaryPlanned: v.str(`member.${m.userId}.supplementaryPlanned`),
      }),
    );
    return clean({
      expertisePresent: v.str("expertisePresent"),
      expertisePlan: v.str("expertisePlan"),
      supplementaryTraining: v.str("supplementaryTraining"),
      members: members.length > 0 ? members : undefined,
      plan: v.str("plan"),
    });
  },
};

/**
 * Turns submitted field values into the entry data the core validates. Empty fields are left out so the
 * validation reports what is required; nothing here decides what is valid.
 */
export function formData(
  kind: FormKind,
  values: Record<string, FieldValue>,
  ctx: FormContext,
): Record<string, unknown> {
  return DATA[kind](valuesOf(values), ctx);
}
