import type { SummaryView } from "../../../src/app/chat-port.ts";
import { ACTIONS } from "../../../src/app/index.ts";
import { REQUIREMENT_POINT } from "../../../src/domain/completeness.ts";
import { cooperationLines, describeEntry } from "../../../src/domain/describe-entry.ts";
import type { SummaryDocument, SummaryEntry } from "../../../src/domain/summary.ts";
import { formatDateTime, type MessageKey } from "../../../src/i18n/index.ts";
import { t } from "../texts.ts";
import {
  type AdaptiveCard,
  type Element,
  escapeMd,
  execute,
  heading,
  paginate,
  paragraphs,
  subheading,
  subtle,
  textBlock,
} from "./card.ts";

const LINE = { spacing: "None" };
const DETAIL = { isSubtle: true, spacing: "None" };

const entry = (doc: SummaryDocument, e: SummaryEntry, withLabel: boolean): Element[] => {
  const d = describeEntry(e, doc.language, doc.timeZone);
  const label = withLabel ? `**${escapeMd(d.label)}:** ` : "";
  const elements = paragraphs(`- ${label}${escapeMd(d.text)}`, LINE);
  for (const detail of d.details) elements.push(...paragraphs(escapeMd(detail), DETAIL));
  return elements;
};

/** The whole written summary as card elements, in the order of the Markdown document. */
export function summaryElements(doc: SummaryDocument): Element[] {
  const l = doc.language;
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(l, key, params);
  const out: Element[] = [];
  const part = (title: string, lines: Element[]) => out.push(subheading(title), ...lines);
  const plain = (text: string) => paragraphs(escapeMd(text), LINE);
  part(tr("summary.participants"), [
    ...plain(doc.participation),
    ...doc.participants.flatMap((p) => plain(`${p.name} (${tr(`role.${p.role}`)})`)),
  ]);
  part(tr("summary.minute_taker"), plain(doc.minuteTaker ?? tr("summary.none")));
  part(
    tr("summary.cooperation"),
    doc.cooperation
      ? cooperationLines(doc.cooperation, l).flatMap((x) => plain(x))
      : plain(tr("summary.cooperation_missing")),
  );
  part(
    tr("summary.decisions"),
    doc.decisions.length
      ? doc.decisions.flatMap((e) => entry(doc, e, false))
      : plain(tr("summary.no_decisions")),
  );
  part(
    tr("summary.goals"),
    doc.goals.length ? doc.goals.flatMap((e) => entry(doc, e, false)) : plain(tr("summary.no_goals")),
  );
  if (doc.lastYearGoals.length > 0) {
    part(
      tr("summary.last_year_goals"),
      doc.lastYearGoals.flatMap((g) =>
        plain(`${g.text}: ${g.verdict ? tr(`verdict.${g.verdict}`) : tr("summary.no_verdict")}`),
      ),
    );
  }
  part(tr("summary.follow_up"), plain(tr("summary.follow_up_text")));
  for (const point of doc.points) {
    const status = textBlock(`_${tr(`point.${point.status}`)}_`, { isSubtle: true, spacing: "None" });
    const link = point.threadUrl
      ? [textBlock(`[${tr("summary.thread")}](${point.threadUrl})`, { spacing: "None" })]
      : [];
    const lines = point.entries.length
      ? point.entries.flatMap((e) => entry(doc, e, true))
      : plain(tr("summary.nothing_recorded"));
    part(`${point.number}. ${point.title}`, [status, ...link, ...lines]);
  }
  const { legal, goodPractice } = doc.completeness;
  const missing = [
    ...legal.map(
      (r) => `${tr(`legal.${r}`)} (${tr("completeness.see_point", { point: REQUIREMENT_POINT[r] })})`,
    ),
    ...goodPractice.map((r) => tr(`practice.${r}`)),
  ];
  part(
    tr("summary.completeness"),
    missing.length ? missing.flatMap((m) => plain(`- ${m}`)) : plain(tr("completeness.all_good")),
  );
  if (doc.overrideReason && doc.concludedBy) {
    out.push(
      ...paragraphs(escapeMd(tr("summary.override", { who: doc.concludedBy, reason: doc.overrideReason })), {
        isSubtle: true,
      }),
    );
  }
  return out;
}

/** The summary as cards: the first holds the title, version, approvals and the approve button. */
export function summaryCards(view: SummaryView): AdaptiveCard[] {
  const doc = view.document;
  const l = view.language;
  const title = t(l, "summary.title", { year: doc.year });
  const meta = [
    `${t(l, "summary.version")} ${view.version}`,
    t(l, `status.${doc.status}`),
    doc.heldAt ? formatDateTime(l, doc.heldAt, doc.timeZone) : t(l, "summary.not_held"),
    t(l, "summary.sha", { sha: view.sha256.slice(0, 16) }),
  ].join(" · ");
  const approvals = view.approvals.length
    ? view.approvals.map((a) =>
        t(l, "summary.approved_by", {
          name: a.name,
          role: t(l, `role.${a.role}`),
          when: formatDateTime(l, a.at, doc.timeZone),
        }),
      )
    : [t(l, "summary.not_approved")];
  const head: Element[] = [
    heading(title),
    subtle(meta),
    subheading(t(l, "summary.approvals")),
    ...approvals.map((a) => textBlock(escapeMd(a), { spacing: "None" })),
  ];
  const actions = view.approved
    ? []
    : [
        execute(
          t(l, "button.approve"),
          ACTIONS.approve,
          { d: view.discussionId, v: view.version },
          "positive",
        ),
      ];
  return paginate(head, summaryElements(doc), actions, (page) => t(l, "teams.continued", { title, page }));
}
