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

/** One entry as plain text in the reader's language, shared by every renderer. */
export function describeEntry(
  entry: { kind: EntryKind; data: unknown; status?: "open" | "done" | null },
  language: Language,
  zone: string,
): DescribedEntry {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(language, key, params);
  const date = (iso: string) => formatDate(language, iso, zone);
  const label = tr(`entry.${entry.kind}` as MessageKey);
  const answer = (value: string) => tr(`answer.${value}` as MessageKey);
  const status = entry.status ? ` (${tr(`entry.${entry.status}`)})` : "";
  switch (entry.kind) {
    case "note":
      return { label, text: (entry.data as EntryData["note"]).text, details: [] };
    case "decision": {
      const d = entry.data as EntryData["decision"];
      const meta = [
        d.owner && `${tr("summary.owner")}: ${d.owner.name}`,
        d.deadline && `${tr("summary.deadline")}: ${date(d.deadline)}`,
      ].filter(Boolean);
      return { label, text: d.text + status, details: meta.length ? [meta.join(", ")] : [] };
    }
    case "goal": {
      const d = entry.data as EntryData["goal"];
      const meta = [
        d.owner && `${tr("summary.owner")}: ${d.owner.name}`,
        d.deadline && `${tr("summary.deadline")}: ${date(d.deadline)}`,
      ].filter(Boolean);
      return {
        label,
        text: d.text + status,
        details: [
          `${tr("summary.criterion")}: ${d.successCriterion}`,
          ...(meta.length ? [meta.join(", ")] : []),
        ],
      };
    }
    case "minute_taker":
      return { label, text: (entry.data as EntryData["minute_taker"]).person.name, details: [] };
    case "amo_member": {
      const d = entry.data as EntryData["amo_member"];
      const joined = d.joinedOn ? `, ${tr("field.joined_on")} ${date(d.joinedOn)}` : "";
      return { label, text: `${d.person.name} (${tr(`role.${d.role}`)}${joined})`, details: [] };
    }
    case "apv_status": {
      const d = entry.data as EntryData["apv_status"];
      return {
        label,
        text: d.actionPlanStatus,
        details: [
          d.lastApvDate && `${tr("field.last_apv")}: ${date(d.lastApvDate)}`,
          d.focusPoints && `${tr("field.focus_points")}: ${d.focusPoints}`,
          d.nextApvPlanned && `${tr("field.next_apv")}: ${date(d.nextApvPlanned)}`,
        ].filter((x): x is string => Boolean(x)),
      };
    }
    case "accident_overview": {
      const d = entry.data as EntryData["accident_overview"];
      return {
        label,
        text: tr("field.accidents", {
          accidents: d.accidents,
          nearMisses: d.nearMisses,
          poisonings: d.poisonings,
          healthDamage: d.healthDamage,
        }),
        details: [
          `${tr("field.causes_investigated")}: ${answer(d.causesInvestigated)}; ${tr("field.prevention_worked")}: ${answer(d.preventionWorked)}`,
          ...(d.comment ? [`${tr("field.comment")}: ${d.comment}`] : []),
        ],
      };
    }
    case "goal_verdict": {
      const d = entry.data as EntryData["goal_verdict"];
      return {
        label,
        text: `${d.goalText}: ${tr(`verdict.${d.verdict}`)}`,
        details: [
          ...(d.reason ? [`${tr("field.reason")}: ${d.reason}`] : []),
          d.carryOn ? tr("field.carry_on") : tr("field.not_carried_on"),
        ],
      };
    }
    case "focus_area": {
      const d = entry.data as EntryData["focus_area"];
      return { label, text: d.area, details: [`${tr("field.actions")}: ${d.actions}`] };
    }
    case "cooperation_plan": {
      const d = entry.data as EntryData["cooperation_plan"];
      return {
        label,
        text: `${tr("field.meeting_interval")}: ${d.meetingInterval}`,
        details: cooperationLines(d, language).slice(1),
      };
    }
    case "competences": {
      const d = entry.data as EntryData["competences"];
      const members = (d.members ?? []).map(
        (m) =>
          `${m.person.name}: ${m.firstCourseDone ? tr("field.first_course_done") : tr("field.first_course_missing")}` +
          (m.supplementaryPlanned
            ? `; ${tr("field.supplementary_training")}: ${m.supplementaryPlanned}`
            : ""),
      );
      const lines = [
        d.expertisePresent && `${tr("field.expertise_present")}: ${answer(d.expertisePresent)}`,
        d.expertisePlan && `${tr("field.expertise_plan")}: ${d.expertisePlan}`,
        d.supplementaryTraining && `${tr("field.supplementary_training")}: ${d.supplementaryTraining}`,
        ...members,
        d.plan && `${tr("field.plan")}: ${d.plan}`,
      ].filter((x): x is string => Boolean(x));
      return { label, text: lines[0] ?? "", details: lines.slice(1) };
    }
  }
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
