import type { KnownBlock } from "@slack/types";
import type { SummaryView } from "../../../src/app/chat-port.ts";
import { REQUIREMENT_POINT } from "../../../src/domain/completeness.ts";
import { cooperationLines, describeEntry } from "../../../src/domain/describe-entry.ts";
import type { SummaryDocument, SummaryEntry } from "../../../src/domain/summary.ts";
import { formatDateTime, type MessageKey, t } from "../../../src/i18n/index.ts";
import { APPROVE_ACTION } from "../listeners/actions/approve.ts";
import { encodeValue } from "./actions.ts";
import { context, divider, escapeMrkdwn, header, paginate, sections } from "./mrkdwn.ts";

const line = (doc: SummaryDocument, e: SummaryEntry, withLabel: boolean) => {
  const d = describeEntry(e, doc.language, doc.timeZone);
  const head = withLabel ? `*${escapeMrkdwn(d.label)}:* ` : "";
  return `• ${head}${escapeMrkdwn(d.text)}${d.details.map((x) => `\n      ${escapeMrkdwn(x)}`).join("")}`;
};

/** The whole written summary as blocks (any number; the chat port pages them into messages of 50). */
export function summaryContentBlocks(doc: SummaryDocument): KnownBlock[] {
  const l = doc.language;
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(l, key, params);
  const blocks: KnownBlock[] = [];
  const part = (title: string, body: string) => blocks.push(...sections(`*${title}*\n${body}`));
  part(
    tr("summary.participants"),
    [
      escapeMrkdwn(doc.participation),
      ...doc.participants.map((p) => `• ${escapeMrkdwn(p.name)} (${tr(`role.${p.role}`)})`),
    ].join("\n"),
  );
  part(tr("summary.minute_taker"), doc.minuteTaker ? escapeMrkdwn(doc.minuteTaker) : tr("summary.none"));
  part(
    tr("summary.cooperation"),
    doc.cooperation
      ? cooperationLines(doc.cooperation, l)
          .map((x) => `• ${escapeMrkdwn(x)}`)
          .join("\n")
      : tr("summary.cooperation_missing"),
  );
  part(
    tr("summary.decisions"),
    doc.decisions.length
      ? doc.decisions.map((e) => line(doc, e, false)).join("\n")
      : tr("summary.no_decisions"),
  );
  part(
    tr("summary.goals"),
    doc.goals.length ? doc.goals.map((e) => line(doc, e, false)).join("\n") : tr("summary.no_goals"),
  );
  if (doc.lastYearGoals.length > 0) {
    part(
      tr("summary.last_year_goals"),
      doc.lastYearGoals
        .map(
          (g) =>
            `• ${escapeMrkdwn(g.text)}: ${g.verdict ? tr(`verdict.${g.verdict}`) : tr("summary.no_verdict")}`,
        )
        .join("\n"),
    );
  }
  part(tr("summary.follow_up"), tr("summary.follow_up_text"));
  blocks.push(divider());
  for (const point of doc.points) {
    const link = point.threadUrl ? ` · <${point.threadUrl}|${tr("summary.thread")}>` : "";
    const body = point.entries.length
      ? point.entries.map((e) => line(doc, e, true)).join("\n")
      : tr("summary.nothing_recorded");
    part(`${point.number}. ${escapeMrkdwn(point.title)}`, `_${tr(`point.${point.status}`)}_${link}\n${body}`);
  }
  const { legal, goodPractice } = doc.completeness;
  const missing = [
    ...legal.map(
      (r) => `• ${tr(`legal.${r}`)} (${tr("completeness.see_point", { point: REQUIREMENT_POINT[r] })})`,
    ),
    ...goodPractice.map((r) => `• ${tr(`practice.${r}`)}`),
  ];
  part(tr("summary.completeness"), missing.length ? missing.join("\n") : tr("completeness.all_good"));
  if (doc.overrideReason && doc.concludedBy) {
    // The reason is part of the record: sections, so none of it is cut.
    blocks.push(
      ...sections(
        `_${escapeMrkdwn(tr("summary.override", { who: doc.concludedBy, reason: doc.overrideReason }))}_`,
      ),
    );
  }
  return blocks;
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
          action_id: APPROVE_ACTION,
          style: "primary",
          text: { type: "plain_text", text: t(l, "button.approve") },
          value: encodeValue({ d: view.discussionId, v: view.version }),
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
