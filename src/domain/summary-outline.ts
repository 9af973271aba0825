import { formatDate, formatDateTime, type MessageKey, t } from "../i18n/index.ts";
import { REQUIREMENT_POINT } from "./completeness.ts";
import { cooperationLines, type DescribedEntry, describeEntry } from "./describe-entry.ts";
import { type RoundDigest, roundLines } from "./round-digest.ts";
import type { SummaryDocument, SummaryEntry } from "./summary.ts";
import type { Language } from "./types.ts";

/**
 * The referat as one outline of sections, blocks and plain texts: Markdown, the PDF, Slack's blocks and the Adaptive
 * Cards all lay out this same outline, so every format says the same things in the same order.
 */
export interface Fact {
  label: string;
  value: string;
}
export interface Item {
  /** The entry's kind, where the list mixes kinds (an agenda point's entries). */
  label?: string;
  text: string;
  details: string[];
}
export type Block =
  | { type: "facts"; facts: Fact[] }
  | { type: "text"; text: string }
  | { type: "items"; items: Item[] }
  /** A point's status, with a link to its thread where the platform has one. */
  | { type: "meta"; text: string; link: { text: string; url: string } | null };
export interface Section {
  level: 2 | 3;
  title: string;
  blocks: Block[];
}
export interface Outline {
  title: string;
  facts: Fact[];
  sections: Section[];
}

type Tr = (key: MessageKey, params?: Record<string, string | number>) => string;
type Describe = (entry: SummaryEntry) => DescribedEntry;

/** Describes each entry once: decisions and goals stand under their point and again in their own lists. */
function describer(doc: SummaryDocument): Describe {
  const described = new Map<string, DescribedEntry>();
  return (entry) => {
    let d = described.get(entry.id);
    if (!d) {
      d = describeEntry(entry, doc.language, doc.timeZone);
      described.set(entry.id, d);
    }
    return d;
  };
}

/** The outline of what a version of the referat says (the text its SHA-256 is taken over). */
export function summaryOutline(doc: SummaryDocument): Outline {
  const tr: Tr = (key, params) => t(doc.language, key, params);
  const describe = describer(doc);
  return {
    title: tr("summary.title", { year: doc.year }),
    facts: headerFacts(doc, tr),
    sections: [
      participants(doc, tr),
      { level: 2, title: tr("summary.outcomes"), blocks: [] },
      cooperation(doc, tr),
      entryList(tr("summary.decisions"), describe, doc.decisions, tr("summary.no_decisions")),
      entryList(tr("summary.goals"), describe, doc.goals, tr("summary.no_goals")),
      lastYearGoals(doc, tr),
      followUp(doc, tr),
      findAgain(doc, tr),
      { level: 2, title: tr("summary.agenda"), blocks: [] },
      ...doc.points.map((point) => agendaPoint(describe, tr, point, doc.round ?? null)),
      completeness(doc, tr),
      legalBasis(doc, tr),
    ],
  };
}

/** When and where it was held, by whom it was written down, and which version this is. */
function headerFacts(doc: SummaryDocument, tr: Tr): Fact[] {
  const when = (at: Date) => formatDateTime(doc.language, at, doc.timeZone);
  const facts: Fact[] = [{ label: tr("summary.workspace"), value: doc.workspaceName || "-" }];
  facts.push({ label: tr("summary.held"), value: doc.heldAt ? when(doc.heldAt) : tr("summary.not_held") });
  if (doc.concludedAt) facts.push({ label: tr("summary.concluded_at"), value: when(doc.concludedAt) });
  if (doc.plannedAt) facts.push({ label: tr("summary.planned_for"), value: when(doc.plannedAt) });
  if (doc.location) facts.push({ label: tr("summary.place"), value: doc.location });
  if (doc.channelName) facts.push({ label: tr("summary.channel"), value: doc.channelName });
  facts.push({ label: tr("summary.minute_taker"), value: doc.minuteTaker ?? tr("summary.none") });
  if (doc.version !== null) facts.push({ label: tr("summary.version"), value: String(doc.version) });
  return facts;
}

function participants(doc: SummaryDocument, tr: Tr): Section {
  const blocks: Block[] = [{ type: "text", text: doc.participation }];
  if (doc.participants.length === 0) blocks.push({ type: "text", text: tr("summary.no_participants") });
  else
    blocks.push({
      type: "items",
      items: doc.participants.map((p) => ({ text: `${p.name} (${tr(`role.${p.role}`)})`, details: [] })),
    });
  if (doc.absent?.length) {
    const names = doc.absent.map((p) => `${p.name} (${tr(`role.${p.role}`)})`).join(", ");
    blocks.push({ type: "text", text: tr("summary.absent", { names }) });
  }
  if (doc.employerStandIn)
    blocks.push({ type: "text", text: tr("summary.stand_in", { name: doc.employerStandIn }) });
  // The guidance asks for the employer, or someone who can decide for the employer: the record says when neither was.
  else if (doc.employerMissing) blocks.push({ type: "text", text: tr("summary.no_employer") });
  if (doc.round) {
    const counts = tr("round.summary", { asked: doc.round.asked, answered: doc.round.answered });
    const text = doc.round.anonymous ? `${counts} ${tr("round.summary_anonymous")}` : counts;
    blocks.push({ type: "text", text });
  }
  return { level: 2, title: tr("summary.participants"), blocks };
}

function cooperation(doc: SummaryDocument, tr: Tr): Section {
  const lines = doc.cooperation ? cooperationLines(doc.cooperation, doc.language) : [];
  return {
    level: 3,
    title: tr("summary.cooperation"),
    blocks: lines.length
      ? [{ type: "items", items: lines.map((text) => ({ text, details: [] })) }]
      : [{ type: "text", text: tr("summary.cooperation_missing") }],
  };
}

const itemOf = (describe: Describe, e: SummaryEntry, withLabel: boolean): Item => {
  const d = describe(e);
  return { ...(withLabel ? { label: d.label } : {}), text: d.text, details: d.details };
};

function entryList(title: string, describe: Describe, entries: SummaryEntry[], none: string): Section {
  return {
    level: 3,
    title,
    blocks: entries.length
      ? [{ type: "items", items: entries.map((e) => itemOf(describe, e, false)) }]
      : [{ type: "text", text: none }],
  };
}

function lastYearGoals(doc: SummaryDocument, tr: Tr): Section {
  const items = doc.lastYearGoals.map((g) => {
    const verdict = g.verdict ? tr(`verdict.${g.verdict}`) : tr("summary.no_verdict");
    const done = g.status === "done" ? `, ${tr("summary.done_during_year")}` : "";
    return {
      text: `${g.text}: ${verdict}${done}`,
      details: [`${tr("summary.criterion")}: ${g.successCriterion}`],
    };
  });
  return {
    level: 3,
    title: tr("summary.last_year_goals"),
    blocks: items.length
      ? [{ type: "items", items }]
      : [{ type: "text", text: tr("summary.no_last_year_goals") }],
  };
}

/** Who follows up and how, as the workplace's reminders are set now; and when the next discussion is due. */
function followUp(doc: SummaryDocument, tr: Tr): Section {
  const f = doc.followUp;
  const lines = [tr("summary.follow_up_duty")];
  if (f.daysBefore !== null && f.daysBefore > 0) {
    const days = countText(doc.language, f.daysBefore, "summary.day_one", "summary.day_other");
    lines.push(tr(f.onDeadline ? "summary.follow_up_before_and_on" : "summary.follow_up_before", { days }));
  } else if (f.onDeadline) lines.push(tr("summary.follow_up_on_day"));
  else lines.push(tr("summary.follow_up_no_reminders"));
  if (f.quarterly) lines.push(tr("summary.follow_up_quarterly"));
  lines.push(tr("summary.follow_up_command", { command: doc.command }));
  if (f.nextYear) lines.push(tr("summary.follow_up_next_year"));
  const blocks: Block[] = [{ type: "text", text: lines.join(" ") }];
  if (doc.nextDueBy)
    blocks.push({
      type: "text",
      text: tr("summary.next_due", { date: formatDate(doc.language, doc.nextDueBy, doc.timeZone) }),
    });
  return { level: 3, title: tr("summary.follow_up"), blocks };
}

function findAgain(doc: SummaryDocument, tr: Tr): Section {
  const text = doc.channelName
    ? tr("summary.find_again_text", { channel: doc.channelName, year: doc.year, command: doc.command })
    : tr("summary.find_again_text_no_channel", { year: doc.year, command: doc.command });
  return { level: 3, title: tr("summary.find_again"), blocks: [{ type: "text", text }] };
}

function agendaPoint(
  describe: Describe,
  tr: Tr,
  point: SummaryDocument["points"][number],
  round: RoundDigest | null,
): Section {
  const link = point.threadUrl ? { text: tr("summary.thread"), url: point.threadUrl } : null;
  return {
    level: 3,
    title: `${point.number}. ${point.title}`,
    blocks: [
      { type: "meta", text: tr(`point.${point.status}`), link },
      ...point.earlier.map((text) => ({ type: "text" as const, text })),
      point.entries.length
        ? { type: "items", items: point.entries.map((e) => itemOf(describe, e, true)) }
        : { type: "text", text: tr("summary.nothing_recorded") },
      ...roundBlocks(tr, point.number, round),
    ],
  };
}

/** The proposals that came in before the meeting, under the point they were written to. */
function roundBlocks(tr: Tr, point: number, round: RoundDigest | null): Block[] {
  if (!round || point === 1) return [];
  const { inputs } = roundLines(round, point, tr);
  if (inputs.length === 0) return [];
  return [
    { type: "text", text: `${tr("round.heading")}:` },
    { type: "items", items: inputs.map((text) => ({ text, details: [] })) },
  ];
}

/** What the law, the yearly duties and good practice ask that is missing, each with its point; who concluded anyway. */
function completeness(doc: SummaryDocument, tr: Tr): Section {
  const { legal, duties, goodPractice } = doc.completeness;
  const blocks: Block[] = [];
  if (legal.length === 0 && duties.length === 0 && goodPractice.length === 0)
    blocks.push({ type: "text", text: tr("completeness.all_good") });
  const missing = (title: MessageKey, keys: readonly string[], prefix: "legal." | "duty." | "practice.") => {
    if (keys.length === 0) return;
    blocks.push({ type: "text", text: `${tr(title)}:` });
    blocks.push({
      type: "items",
      items: keys.map((r) => {
        const see = tr("completeness.see_point", {
          point: REQUIREMENT_POINT[r as keyof typeof REQUIREMENT_POINT],
        });
        return { text: `${tr(`${prefix}${r}` as MessageKey)} (${see})`, details: [] };
      }),
    });
  };
  missing("completeness.legal", legal, "legal.");
  missing("completeness.duties", duties, "duty.");
  missing("completeness.practice", goodPractice, "practice.");
  if (doc.concludedBy)
    blocks.push({
      type: "text",
      text: doc.overrideReason
        ? tr("summary.override", { who: doc.concludedBy, reason: doc.overrideReason })
        : tr("summary.concluded_by", { who: doc.concludedBy }),
    });
  return { level: 2, title: tr("summary.completeness"), blocks };
}

function legalBasis(_doc: SummaryDocument, tr: Tr): Section {
  return {
    level: 2,
    title: tr("summary.legal_basis"),
    blocks: [{ type: "text", text: tr("summary.legal_basis_text") }],
  };
}

/** "1 dag", "7 dage": the count with its noun in the language's plural form. */
export function countText(language: Language, count: number, one: MessageKey, other: MessageKey): string {
  const form = new Intl.PluralRules(language === "da" ? "da-DK" : "en-GB").select(count);
  return t(language, form === "one" ? one : other, { count });
}
