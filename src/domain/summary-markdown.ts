import { formatDateTime, type MessageKey, t } from "../i18n/index.ts";
import { REQUIREMENT_POINT } from "./completeness.ts";
import { cooperationLines, describeEntry } from "./describe-entry.ts";
import type { SummaryDocument } from "./summary.ts";

/** Escapes what Markdown would read as formatting, and folds line breaks so one value stays one list item. */
export function mdText(value: string): string {
  return value
    .replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`)
    .replace(/\r?\n+/g, " ")
    .trim();
}

type Entry = SummaryDocument["points"][number]["entries"][number];
type Tr = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The lines of a summary being written, in the document's language. */
class Lines {
  private readonly out: string[] = [];
  readonly tr: Tr;
  constructor(readonly doc: SummaryDocument) {
    this.tr = (key, params) => t(doc.language, key, params);
  }
  line(s = "") {
    this.out.push(s);
  }
  /** A heading and the blank line after it. */
  heading(level: number, text: string) {
    this.line(`${"#".repeat(level)} ${text}`);
    this.line();
  }
  /** An entry as a list item, its details indented under it. */
  entry(e: Entry, withLabel = false) {
    const d = describeEntry(e, this.doc.language, this.doc.timeZone);
    this.line(`- ${withLabel ? `**${d.label}:** ` : ""}${mdText(d.text)}`);
    for (const detail of d.details) this.line(`  - ${mdText(detail)}`);
  }
  text(): string {
    return `${this.out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd()}\n`;
  }
}

export function renderMarkdown(doc: SummaryDocument): string {
  const md = new Lines(doc);
  header(md);
  participants(md);
  outcomes(md);
  lastYearAndAfter(md);
  agenda(md);
  completeness(md);
  closing(md);
  return md.text();
}

function header(md: Lines) {
  const { doc, tr } = md;
  md.heading(1, tr("summary.title", { year: doc.year }));
  md.line(`- **${tr("summary.workspace")}:** ${mdText(doc.workspaceName)}`);
  const held = doc.heldAt ? formatDateTime(doc.language, doc.heldAt, doc.timeZone) : tr("summary.not_held");
  md.line(`- **${tr("summary.date")}:** ${held}`);
  if (doc.location) md.line(`- **${tr("summary.place")}:** ${mdText(doc.location)}`);
  md.line(`- **${tr("summary.status")}:** ${tr(`status.${doc.status}`)}`);
  if (doc.version !== null) md.line(`- **${tr("summary.version")}:** ${doc.version}`);
  const taker = doc.minuteTaker ? mdText(doc.minuteTaker) : tr("summary.none");
  md.line(`- **${tr("summary.minute_taker")}:** ${taker}`);
  md.line();
}

function participants(md: Lines) {
  const { doc, tr } = md;
  md.heading(2, tr("summary.participants"));
  md.line(mdText(doc.participation));
  md.line();
  if (doc.participants.length === 0) md.line(tr("summary.no_participants"));
  for (const p of doc.participants) md.line(`- ${mdText(p.name)} (${tr(`role.${p.role}`)})`);
  md.line();
}

/** What was agreed: cooperation, decisions and goals. */
function outcomes(md: Lines) {
  const { doc, tr } = md;
  md.heading(2, tr("summary.outcomes"));
  md.heading(3, tr("summary.cooperation"));
  if (doc.cooperation)
    for (const l of cooperationLines(doc.cooperation, doc.language)) md.line(`- ${mdText(l)}`);
  else md.line(tr("summary.cooperation_missing"));
  md.line();
  md.heading(3, tr("summary.decisions"));
  if (doc.decisions.length === 0) md.line(tr("summary.no_decisions"));
  for (const d of doc.decisions) md.entry(d);
  md.line();
  md.heading(3, tr("summary.goals"));
  if (doc.goals.length === 0) md.line(tr("summary.no_goals"));
  for (const g of doc.goals) md.entry(g);
  md.line();
}

/** Last year's goals judged, how decisions are followed up, and where to find all this again. */
function lastYearAndAfter(md: Lines) {
  const { doc, tr } = md;
  if (doc.lastYearGoals.length > 0) {
    md.heading(3, tr("summary.last_year_goals"));
    for (const g of doc.lastYearGoals) {
      const done = g.status === "done" ? `, ${tr("summary.done_during_year")}` : "";
      const verdict = g.verdict ? tr(`verdict.${g.verdict}`) : tr("summary.no_verdict");
      md.line(`- ${mdText(g.text)}: ${verdict}${done}`);
    }
    md.line();
  }
  md.heading(3, tr("summary.follow_up"));
  md.line(tr("summary.follow_up_text"));
  md.line();
  md.heading(3, tr("summary.find_again"));
  md.line(
    doc.channelName
      ? tr("summary.find_again_text", { channel: mdText(doc.channelName), year: doc.year })
      : tr("summary.find_again_text_no_channel", { year: doc.year }),
  );
  md.line();
}

/** Each agenda point with what was recorded at it. */
function agenda(md: Lines) {
  const { doc, tr } = md;
  md.heading(2, tr("summary.agenda"));
  for (const point of doc.points) {
    md.heading(3, `${point.number}. ${mdText(point.title)}`);
    const meta = [tr(`point.${point.status}`)];
    if (point.threadUrl) meta.push(`[${tr("summary.thread")}](${point.threadUrl})`);
    md.line(`_${meta.join(" · ")}_`);
    md.line();
    if (point.entries.length === 0) md.line(tr("summary.nothing_recorded"));
    for (const e of point.entries) md.entry(e, true);
    md.line();
  }
}

/** What the law asks for and good practice suggests that is still missing, each with its point. */
function completeness(md: Lines) {
  const { doc, tr } = md;
  md.heading(2, tr("summary.completeness"));
  const { legal, goodPractice } = doc.completeness;
  if (legal.length === 0 && goodPractice.length === 0) md.line(tr("completeness.all_good"));
  const missing = (
    title: MessageKey,
    items: readonly (keyof typeof REQUIREMENT_POINT)[],
    prefix: "legal." | "practice.",
  ) => {
    if (items.length === 0) return;
    md.line(`**${tr(title)}:**`);
    md.line();
    for (const r of items) {
      const point = REQUIREMENT_POINT[r];
      md.line(`- ${tr(`${prefix}${r}` as MessageKey)} (${tr("completeness.see_point", { point })})`);
    }
    md.line();
  };
  missing("completeness.legal", legal, "legal.");
  missing("completeness.practice", goodPractice, "practice.");
}

/** Who concluded it (and why, when something was missing), and the footer. */
function closing(md: Lines) {
  const { doc, tr } = md;
  if (doc.concludedBy) {
    md.line(
      doc.overrideReason
        ? tr("summary.override", { who: mdText(doc.concludedBy), reason: mdText(doc.overrideReason) })
        : tr("summary.concluded_by", { who: mdText(doc.concludedBy) }),
    );
    md.line();
  }
  md.line("---");
  md.line();
  md.line(`_${tr("summary.footer")}_`);
}
