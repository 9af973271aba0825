import type { KnownBlock } from "@slack/types";
import type { SummaryView } from "../../../src/app/chat-port.ts";
import { ACTIONS } from "../../../src/app/index.ts";
import { REQUIREMENT_POINT } from "../../../src/domain/completeness.ts";
import { cooperationLines, describeEntry } from "../../../src/domain/describe-entry.ts";
import type { SummaryDocument, SummaryEntry } from "../../../src/domain/summary.ts";
import { formatDateTime, type MessageKey, t } from "../../../src/i18n/index.ts";
import { encodeValue } from "./actions.ts";
import { context, divider, escapeMrkdwn, header, paginate, sections } from "./mrkdwn.ts";

const line = (doc: SummaryDocument, e: SummaryEntry, withLabel: boolean) => {
  const d = describeEntry(e, doc.language, doc.timeZone);
  const head = withLabel ? `*${escapeMrkdwn(d.label)}:* ` : "";
  return `• ${head}${escapeMrkdwn(d.text)}${d.details.map((x) => `\n      ${escapeMrkdwn(x)}`).join("")}`;
};

type Part = [title: string, body: string];
type Tr = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The whole written summary as blocks (any number; the chat port pages them into messages of 50). */
export function summaryContentBlocks(doc: SummaryDocument): KnownBlock[] {
  const tr: Tr = (key, params) => t(doc.language, key, params);
  const part = ([title, body]: Part) => sections(`*${title}*\n${body}`);
  const blocks: KnownBlock[] = [
    ...overviewParts(doc, tr).flatMap(part),
    divider(),
    ...pointParts(doc, tr).flatMap(part),
    ...part(completenessPart(doc, tr)),
  ];
  if (doc.overrideReason && doc.concludedBy) {
    // The reason is part of the record: sections, so none of it is cut.
    const override = tr("summary.override", { who: doc.concludedBy, reason: doc.overrideReason });
    blocks.push(...sections(`_${escapeMrkdwn(override)}_`));
  }
  return blocks;
}

/** Who took part, the minute-taker, the cooperation, the decisions and goals, last year's goals, the follow-up. */
function overviewParts(doc: SummaryDocument, tr: Tr): Part[] {
  const participants = [
    escapeMrkdwn(doc.participation),
    ...doc.participants.map((p) => `• ${escapeMrkdwn(p.name)} (${tr(`role.${p.role}`)})`),
  ];
  const cooperation = doc.cooperation
    ? cooperationLines(doc.cooperation, doc.language)
        .map((x) => `• ${escapeMrkdwn(x)}`)
        .join("\n")
    : tr("summary.cooperation_missing");
  const entries = (list: SummaryEntry[], none: MessageKey) =>
    list.length ? list.map((e) => line(doc, e, false)).join("\n") : tr(none);
  const verdict = (g: SummaryDocument["lastYearGoals"][number]) =>
    `• ${escapeMrkdwn(g.text)}: ${g.verdict ? tr(`verdict.${g.verdict}`) : tr("summary.no_verdict")}`;
  return [
    [tr("summary.participants"), participants.join("\n")],
    [tr("summary.minute_taker"), doc.minuteTaker ? escapeMrkdwn(doc.minuteTaker) : tr("summary.none")],
    [tr("summary.cooperation"), cooperation],
    [tr("summary.decisions"), entries(doc.decisions, "summary.no_decisions")],
    [tr("summary.goals"), entries(doc.goals, "summary.no_goals")],
    ...(doc.lastYearGoals.length > 0
      ? [[tr("summary.last_year_goals"), doc.lastYearGoals.map(verdict).join("\n")] as Part]
      : []),
    [tr("summary.follow_up"), tr("summary.follow_up_text")],
  ];
}

/** Each agenda point: its status, a link to its thread, and what was recorded there. */
function pointParts(doc: SummaryDocument, tr: Tr): Part[] {
  return doc.points.map((point) => {
    const link = point.threadUrl ? ` · <${point.threadUrl}|${tr("summary.thread")}>` : "";
    const body = point.entries.length
      ? point.entries.map((e) => line(doc, e, true)).join("\n")
      : tr("summary.nothing_recorded");
    return [
      `${point.number}. ${escapeMrkdwn(point.title)}`,
      `_${tr(`point.${point.status}`)}_${link}\n${body}`,
    ];
  });
}

/** What the law asks for and good practice recommends that the discussion did not cover. */
function completenessPart(doc: SummaryDocument, tr: Tr): Part {
  const { legal, goodPractice } = doc.completeness;
  const missing = [
    ...legal.map(
      (r) => `• ${tr(`legal.${r}`)} (${tr("completeness.see_point", { point: REQUIREMENT_POINT[r] })})`,
    ),
    ...goodPractice.map((r) => `• ${tr(`practice.${r}`)}`),
  ];
  return [tr("summary.completeness"), missing.length ? missing.join("\n") : tr("completeness.all_good")];
}

/** The summary's first message (title, version, approvals, the approve button) and its content, paged. */
export function summaryPages(view: SummaryView): { text: string; pages: KnownBlock[][] } {
  const doc = view.document;
  const l = view.language;
  const title = t(l, "summary.title", { year: doc.year });
  const approvals = view.approvals.length
    ? view.approvals
        .map((a) =>
          t(l, "summary.approved_by", {
            name: escapeMrkdwn(a.name),
            role: t(l, `role.${a.role}`),
            when: formatDateTime(l, a.at, doc.timeZone),
          }),
        )
        .join("\n")
    : t(l, "summary.not_approved");
  const head: KnownBlock[] = [
    header(title),
    context(
      [
        `${t(l, "summary.version")} ${view.version}`,
        t(l, `status.${doc.status}`),
        doc.heldAt ? formatDateTime(l, doc.heldAt, doc.timeZone) : t(l, "summary.not_held"),
        t(l, "summary.sha", { sha: view.sha256.slice(0, 16) }),
      ].join(" · "),
    ),
    ...sections(`*${t(l, "summary.approvals")}*\n${approvals}`),
  ];
  if (!view.approved) {
    head.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: ACTIONS.approve.id,
          style: "primary",
          text: { type: "plain_text", text: t(l, "button.approve") },
          value: encodeValue(ACTIONS.approve, { d: view.discussionId, v: view.version }),
        },
      ],
    });
  }
  head.push(divider());
  return {
    text: `${title} (${t(l, "summary.version")} ${view.version})`,
    pages: paginate([...head, ...summaryContentBlocks(doc)]),
  };
}

/** For the benchmark: the blocks a large summary becomes. */
export function renderSummaryForBench(doc: SummaryDocument) {
  return paginate(summaryContentBlocks(doc));
}
