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

export function renderMarkdown(doc: SummaryDocument): string {
  const lang = doc.language;
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const out: string[] = [];
  const line = (s = "") => out.push(s);

  line(`# ${tr("summary.title", { year: doc.year })}`);
  line();
  line(`- **${tr("summary.workspace")}:** ${mdText(doc.workspaceName)}`);
  line(
    `- **${tr("summary.date")}:** ${doc.heldAt ? formatDateTime(lang, doc.heldAt, doc.timeZone) : tr("summary.not_held")}`,
  );
  if (doc.location) line(`- **${tr("summary.place")}:** ${mdText(doc.location)}`);
  line(`- **${tr("summary.status")}:** ${tr(`status.${doc.status}`)}`);
  if (doc.version !== null) line(`- **${tr("summary.version")}:** ${doc.version}`);
  line(
    `- **${tr("summary.minute_taker")}:** ${doc.minuteTaker ? mdText(doc.minuteTaker) : tr("summary.none")}`,
  );
  line();
  line(`## ${tr("summary.participants")}`);
  line();
  line(mdText(doc.participation));
  line();
  if (doc.participants.length === 0) line(tr("summary.no_participants"));
  for (const p of doc.participants) line(`- ${mdText(p.name)} (${tr(`role.${p.role}`)})`);
  line();

  line(`## ${tr("summary.outcomes")}`);
  line();
  line(`### ${tr("summary.cooperation")}`);
  line();
  if (doc.cooperation) for (const l of cooperationLines(doc.cooperation, lang)) line(`- ${mdText(l)}`);
  else line(tr("summary.cooperation_missing"));
  line();
  line(`### ${tr("summary.decisions")}`);
  line();
  if (doc.decisions.length === 0) line(tr("summary.no_decisions"));
  for (const d of doc.decisions) entryItem(d);
  line();
  line(`### ${tr("summary.goals")}`);
  line();
  if (doc.goals.length === 0) line(tr("summary.no_goals"));
  for (const g of doc.goals) entryItem(g);
  line();
  if (doc.lastYearGoals.length > 0) {
    line(`### ${tr("summary.last_year_goals")}`);
    line();
    for (const g of doc.lastYearGoals) {
      const done = g.status === "done" ? `, ${tr("summary.done_during_year")}` : "";
      line(
        `- ${mdText(g.text)}: ${g.verdict ? tr(`verdict.${g.verdict}`) : tr("summary.no_verdict")}${done}`,
      );
    }
    line();
  }
  line(`### ${tr("summary.follow_up")}`);
  line();
  line(tr("summary.follow_up_text"));
  line();
  line(`### ${tr("summary.find_again")}`);
  line();
  line(
    doc.channelName
      ? tr("summary.find_again_text", { channel: mdText(doc.channelName), year: doc.year })
      : tr("summary.find_again_text_no_channel", { year: doc.year }),
  );
  line();

  line(`## ${tr("summary.agenda")}`);
  line();
  for (const point of doc.points) {
    line(`### ${point.number}. ${mdText(point.title)}`);
    line();
    const meta = [tr(`point.${point.status}`)];
    if (point.threadUrl) meta.push(`[${tr("summary.thread")}](${point.threadUrl})`);
    line(`_${meta.join(" · ")}_`);
    line();
    if (point.entries.length === 0) line(tr("summary.nothing_recorded"));
    for (const e of point.entries) entryItem(e, true);
    line();
  }

  line(`## ${tr("summary.completeness")}`);
  line();
  const { legal, goodPractice } = doc.completeness;
  if (legal.length === 0 && goodPractice.length === 0) line(tr("completeness.all_good"));
  if (legal.length > 0) {
    line(`**${tr("completeness.legal")}:**`);
    line();
    for (const r of legal)
      line(`- ${tr(`legal.${r}`)} (${tr("completeness.see_point", { point: REQUIREMENT_POINT[r] })})`);
    line();
  }
  if (goodPractice.length > 0) {
    line(`**${tr("completeness.practice")}:**`);
    line();
    for (const r of goodPractice) {
      line(`- ${tr(`practice.${r}`)} (${tr("completeness.see_point", { point: REQUIREMENT_POINT[r] })})`);
    }
    line();
  }
  if (doc.concludedBy) {
    line(
      doc.overrideReason
        ? tr("summary.override", { who: mdText(doc.concludedBy), reason: mdText(doc.overrideReason) })
        : tr("summary.concluded_by", { who: mdText(doc.concludedBy) }),
    );
    line();
  }
  line("---");
  line();
  line(`_${tr("summary.footer")}_`);
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;

  function entryItem(e: SummaryDocument["points"][number]["entries"][number], withLabel = false) {
    const d = describeEntry(e, lang, doc.timeZone);
    line(`- ${withLabel ? `**${d.label}:** ` : ""}${mdText(d.text)}`);
    for (const detail of d.details) line(`  - ${mdText(detail)}`);
  }
}
