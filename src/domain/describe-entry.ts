import { formatDate, type MessageKey, t } from "../i18n/index.ts";
import type { EntryData, EntryKind } from "./entries.ts";
import type { Language } from "./types.ts";

export interface DescribedEntry {
  label: string;
  /** The main line. */
  text: string;
  /** Further lines (plain text; renderers escape them). */
  details: string[];
}

/** What describing an entry needs: its status, and texts and dates in the reader's language and time zone. */
interface Describing {
  language: Language;
  label: string;
  /** " (Åben)" for a decision or goal, else empty. */
  status: string;
  tr(key: MessageKey, params?: Record<string, string | number>): string;
  date(iso: string): string;
  answer(value: string): string;
}

type Describers = { [K in EntryKind]: (data: EntryData[K], d: Describing) => DescribedEntry };

/** One entry as plain text in the reader's language, shared by every renderer. */
export function describeEntry(
  entry: { kind: EntryKind; data: unknown; status?: "open" | "done" | null },
  language: Language,
  zone: string,
): DescribedEntry {
  const tr: Describing["tr"] = (key, params) => t(language, key, params);
  const describing: Describing = {
    language,
    label: tr(`entry.${entry.kind}` as MessageKey),
    status: entry.status ? ` (${tr(`entry.${entry.status}`)})` : "",
    tr,
    date: (iso) => formatDate(language, iso, zone),
    answer: (value) => tr(`answer.${value}` as MessageKey),
  };
  const describe = DESCRIBERS[entry.kind] as (data: unknown, d: Describing) => DescribedEntry;
  return describe(entry.data, describing);
}

/** "owner: …, deadline: …" for a decision or goal, saying so where either is missing (nothing follows it up then). */
function ownerAndDeadline(d: { owner?: { name: string }; deadline?: string }, x: Describing): string[] {
  const none = x.tr("summary.not_given");
  const owner = `${x.tr("summary.owner")}: ${d.owner?.name || none}`;
  return [`${owner}, ${x.tr("summary.deadline")}: ${d.deadline ? x.date(d.deadline) : none}`];
}

const present = (lines: (string | false | undefined | null)[]): string[] =>
  lines.filter((x): x is string => Boolean(x));

const DESCRIBERS: Describers = {
  note: (d, x) => ({ label: x.label, text: d.text, details: [] }),
  decision: (d, x) => ({ label: x.label, text: d.text + x.status, details: ownerAndDeadline(d, x) }),
  goal: (d, x) => ({
    label: x.label,
    text: d.text + x.status,
    details: [`${x.tr("summary.criterion")}: ${d.successCriterion}`, ...ownerAndDeadline(d, x)],
  }),
  minute_taker: (d, x) => ({
    label: x.label,
    text: d.person.name,
    details: d.attendees
      ? [`${x.tr("summary.attendees")}: ${d.attendees.map((p) => p.name).join(", ")}`]
      : [],
  }),
  amo_member: (d, x) => {
    const joined = d.joinedOn ? `, ${x.tr("field.joined_on")} ${x.date(d.joinedOn)}` : "";
    return { label: x.label, text: `${d.person.name} (${x.tr(`role.${d.role}`)}${joined})`, details: [] };
  },
  apv_status: (d, x) => ({
    label: x.label,
    text: d.actionPlanStatus,
    details: present([
      d.lastApvDate && `${x.tr("field.last_apv")}: ${x.date(d.lastApvDate)}`,
      d.focusPoints && `${x.tr("field.focus_points")}: ${d.focusPoints}`,
      d.nextApvPlanned && `${x.tr("field.next_apv")}: ${x.date(d.nextApvPlanned)}`,
      ...(d.actions ?? []).map(
        (a) => `${x.tr("field.apv_action")}: ${a.text} (${ownerAndDeadline(a, x).join("")})`,
      ),
    ]),
  }),
  accident_overview: (d, x) => ({
    label: x.label,
    text: x.tr("field.accidents", {
      accidents: d.accidents,
      nearMisses: d.nearMisses,
      poisonings: d.poisonings,
      healthDamage: d.healthDamage,
    }),
    details: [
      `${x.tr("field.causes_investigated")}: ${x.answer(d.causesInvestigated)}; ${x.tr("field.prevention_worked")}: ${x.answer(d.preventionWorked)}`,
      ...(d.comment ? [`${x.tr("field.comment")}: ${d.comment}`] : []),
    ],
  }),
  goal_verdict: (d, x) => ({
    label: x.label,
    text: `${d.goalText}: ${x.tr(`verdict.${d.verdict}`)}`,
    details: [
      ...(d.reason ? [`${x.tr("field.reason")}: ${d.reason}`] : []),
      d.carryOn ? x.tr("field.carry_on") : x.tr("field.not_carried_on"),
    ],
  }),
  focus_area: (d, x) => ({
    label: x.label,
    text: d.area,
    details: [`${x.tr("field.actions")}: ${d.actions}`],
  }),
  cooperation_plan: (d, x) => ({
    label: x.label,
    text: `${x.tr("field.meeting_interval")}: ${d.meetingInterval}`,
    details: cooperationLines(d, x.language).slice(1),
  }),
  competences: (d, x) => {
    const lines = present([
      d.expertisePresent && `${x.tr("field.expertise_present")}: ${x.answer(d.expertisePresent)}`,
      d.expertisePlan && `${x.tr("field.expertise_plan")}: ${d.expertisePlan}`,
      d.supplementaryTraining && `${x.tr("field.supplementary_training")}: ${d.supplementaryTraining}`,
      ...(d.members ?? []).map((m) => trainingRow(m, x)),
      d.plan && `${x.tr("field.plan")}: ${d.plan}`,
    ]);
    return { label: x.label, text: lines[0] ?? "", details: lines.slice(1) };
  },
};

type TrainingMember = NonNullable<EntryData["competences"]["members"]>[number];

/** One member's row of the training table: who, role, joined, the course, this year's supplementary training. */
function trainingRow(m: TrainingMember, x: Describing): string {
  const yesNoUnknown = (value: boolean | undefined, key: "course" | "offered") =>
    x.tr(`field.${key}_${value === undefined ? "unknown" : value ? "yes" : "no"}` as MessageKey);
  const who = present([
    m.role && x.tr(`role.${m.role}` as MessageKey),
    m.joinedOn && `${x.tr("field.joined_on")} ${x.date(m.joinedOn)}`,
  ]).join(", ");
  const cells = present([
    yesNoUnknown(m.firstCourseDone, "course"),
    yesNoUnknown(m.supplementaryOffered, "offered"),
    m.supplementaryTakenDays !== undefined && x.tr("field.taken", { days: m.supplementaryTakenDays }),
    m.supplementaryPlanned && `${x.tr("field.planned")}: ${m.supplementaryPlanned}`,
  ]);
  return `${m.person.name}${who ? ` (${who})` : ""}: ${cells.join("; ")}`;
}

/** The cooperation plan as "Field: value" lines, in a fixed order. */
export function cooperationLines(d: EntryData["cooperation_plan"], language: Language): string[] {
  const rows: [MessageKey, string | undefined][] = [
    ["field.meeting_interval", d.meetingInterval],
    ["field.meeting_form", d.meetingForm],
    ["field.convener", d.convener],
    ["field.acute_handling", d.acuteHandling],
    ["field.inform_amo", d.informAmo],
    ["field.inform_everyone", d.informEveryone],
    ["field.task_distribution", d.taskDistribution],
  ];
  return rows.filter(([, v]) => v).map(([k, v]) => `${t(language, k)}: ${v}`);
}
