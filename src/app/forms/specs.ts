import { APV_ACTION_ROWS, LIMITS } from "../../domain/entries.ts";
import { needsTraining } from "../../domain/training.ts";
import type { Role } from "../../domain/types.ts";
import { type MessageKey, t } from "../../i18n/index.ts";
import type { FieldSpec, FormContext, FormKind } from "../forms.ts";
import type { Fields } from "./fields.ts";

/** A form's fields, and the catalogue key of the text shown above them. */
type Layout = { fields: FieldSpec[]; intro?: MessageKey };

/** The people whose training the competences form asks about (at most fifteen, to keep the form within Slack's 100 blocks). */
export const amoMembers = (ctx: FormContext) =>
  ctx.members.filter((m) => needsTraining(m.role as Role)).slice(0, 15);

/** The fields of each kind of form. */
export const LAYOUTS: Record<FormKind, (f: Fields, ctx: FormContext) => Layout> = {
  note: (f) => ({ fields: [f.text("text", "form.note.text", true, LIMITS.long)] }),
  decision: (f) => ({
    intro: "form.decision.why",
    fields: [
      f.text("text", "form.decision.text", true),
      f.person("owner", "form.owner", true),
      f.date("deadline", "form.deadline", true),
    ],
  }),
  goal: (f) => ({
    intro: "form.goal.why",
    fields: [
      f.text("text", "form.goal.text", true),
      { ...f.text("successCriterion", "form.goal.criterion", true), hint: f.tr("form.goal.criterion_hint") },
      f.person("owner", "form.owner"),
      f.date("deadline", "form.deadline", true),
    ],
  }),
  minute_taker: (f, ctx) => ({
    fields: [
      f.person("person", "form.minute_taker.person", true),
      {
        ...f.people("attendees", "form.minute_taker.attendees", ctx.invited ?? []),
        hint: f.tr("form.minute_taker.attendees_hint"),
      },
    ],
  }),
  amo_member: (f) => ({
    fields: [
      f.person("person", "form.amo_member.person", true),
      f.select(
        "role",
        "form.amo_member.role",
        ["amo_representative", "work_leader", "employer", "employer_representative"],
        "role.",
      ),
      { ...f.date("joinedOn", "form.amo_member.joined"), hint: f.tr("form.amo_member.joined_hint") },
    ],
  }),
  apv_status: (f, ctx) => ({
    intro: "form.apv.intro",
    fields: [
      f.date("lastApvDate", "form.apv.last"),
      f.text("actionPlanStatus", "form.apv.action_plan", true, LIMITS.long),
      f.text("focusPoints", "form.apv.focus", false, LIMITS.long),
      f.date("nextApvPlanned", "form.apv.next"),
      ...apvActionFields(f, ctx),
    ],
  }),
  accident_overview: (f) => ({
    intro: "form.accidents.intro",
    fields: [
      f.count("accidents", "form.accidents.accidents"),
      f.count("nearMisses", "form.accidents.near_misses"),
      f.count("poisonings", "form.accidents.poisonings"),
      f.count("healthDamage", "form.accidents.health_damage"),
      f.select(
        "causesInvestigated",
        "form.accidents.causes",
        ["yes", "partly", "no", "none_occurred"],
        "answer.",
      ),
      f.select(
        "preventionWorked",
        "form.accidents.prevention",
        ["yes", "partly", "no", "not_assessed"],
        "answer.",
      ),
      { ...f.text("comment", "form.accidents.comment", false), hint: f.tr("form.accidents.no_names") },
    ],
  }),
  goal_verdict: (f, ctx) => ({ fields: verdictFields(f, ctx) }),
  focus_area: (f) => ({
    fields: [
      f.text("area", "form.focus.area", true, LIMITS.short, false),
      f.text("actions", "form.focus.actions", true, LIMITS.long),
    ],
  }),
  cooperation_plan: (f, ctx) => ({
    fields: [
      f.text("meetingInterval", "field.meeting_interval", true, LIMITS.short, false),
      f.text("meetingForm", "field.meeting_form", false),
      f.text("convener", "field.convener", true, LIMITS.short, false),
      f.text("acuteHandling", "field.acute_handling", true),
      // With 1-9 employees there is no AMO to keep informed: everyone is, on the next line.
      ...(ctx.hasAmo === false ? [] : [f.text("informAmo", "field.inform_amo", true)]),
      f.text("informEveryone", "field.inform_everyone", true),
      f.text("taskDistribution", "field.task_distribution", false),
    ],
  }),
  competences: (f, ctx) => ({
    intro: "form.competences.intro",
    fields: [
      f.select("expertisePresent", "form.competences.expertise", ["yes", "partly", "no"], "answer.", false),
      f.text("expertisePlan", "form.competences.expertise_plan", false),
      f.text("supplementaryTraining", "form.competences.training", false, LIMITS.long),
      ...amoMembers(ctx).flatMap((m) => memberTrainingFields(f, ctx, m)),
      f.text("plan", "form.competences.plan", false, LIMITS.long),
    ],
  }),
};

/** The APV action plan's items, a row each: what, who, by when (each row becomes a decision to follow up). */
function apvActionFields(f: Fields, ctx: FormContext): FieldSpec[] {
  const l = ctx.language;
  return Array.from({ length: APV_ACTION_ROWS }, (_, i) => i + 1).flatMap((n): FieldSpec[] => [
    {
      id: `action.${n}.text`,
      label: t(l, "form.apv.action", { n }),
      required: false,
      type: "text",
      multiline: false,
      maxLength: LIMITS.medium,
      ...(n === 1 ? { hint: f.tr("form.apv.action_hint") } : {}),
    },
    { id: `action.${n}.owner`, label: t(l, "form.apv.action_owner", { n }), required: false, type: "person" },
    {
      id: `action.${n}.deadline`,
      label: t(l, "form.apv.action_deadline", { n }),
      required: false,
      type: "date",
    },
  ]);
}

/** Last year's goal to judge: picked from those carried over, or written in when there are none. */
function verdictFields(f: Fields, ctx: FormContext): FieldSpec[] {
  const carried = ctx.carriedGoals;
  const pick: FieldSpec[] =
    carried.length > 0
      ? [
          {
            id: "goalId",
            label: f.tr("form.verdict.goal"),
            required: false,
            type: "select",
            options: carried.map((g) => ({ value: g.id, label: g.text.slice(0, 75) })),
          },
        ]
      : [];
  return [
    ...pick,
    {
      ...f.text("goalText", "form.verdict.goal_text", carried.length === 0, LIMITS.medium, false),
      hint: f.tr("form.verdict.goal_text_hint"),
    },
    f.select("verdict", "form.verdict.verdict", ["reached", "partly", "not_reached"], "verdict."),
    f.text("reason", "form.verdict.reason", false),
    f.select("carryOn", "form.verdict.carry_on", ["yes", "no"], "answer."),
  ];
}

/**
 * One AMO member's training: whether the 3-day course is done, whether this year's supplementary training was
 * offered, how many days were taken, and what is planned.
 */
function memberTrainingFields(f: Fields, ctx: FormContext, m: FormContext["members"][number]): FieldSpec[] {
  const l = ctx.language;
  const yesNo = (field: string, label: MessageKey): FieldSpec => ({
    id: `member.${m.userId}.${field}`,
    label: t(l, label, { name: m.name }),
    required: false,
    type: "select",
    options: ["yes", "no"].map((v) => ({ value: v, label: f.tr(`answer.${v}` as MessageKey) })),
  });
  return [
    yesNo("firstCourseDone", "form.competences.first_course"),
    yesNo("supplementaryOffered", "form.competences.offered"),
    {
      id: `member.${m.userId}.supplementaryTakenDays`,
      label: t(l, "form.competences.taken", { name: m.name }),
      required: false,
      type: "text",
      multiline: false,
      maxLength: 4,
    },
    {
      id: `member.${m.userId}.supplementaryPlanned`,
      label: t(l, "form.competences.planned", { name: m.name }),
      required: false,
      type: "text",
      multiline: false,
      maxLength: LIMITS.short,
    },
  ];
}
