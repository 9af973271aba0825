import type { KnownBlock } from "@slack/types";
import type { SummaryView } from "../../../src/app/chat-port.ts";
import { ACTIONS } from "../../../src/app/index.ts";
import type { SummaryDocument } from "../../../src/domain/summary.ts";
import { type Block, type Fact, type Section, summaryOutline } from "../../../src/domain/summary-outline.ts";
import {
  approvalSection,
  type RecordState,
  statusWord,
  versionsSection,
} from "../../../src/domain/summary-record.ts";
import { formatDateTime, t } from "../../../src/i18n/index.ts";
import { encodeValue } from "./actions.ts";
import { context, divider, escapeMrkdwn, header, paginate, sections } from "./mrkdwn.ts";

const facts = (list: Fact[]) =>
  list.map((f) => `*${escapeMrkdwn(f.label)}:* ${escapeMrkdwn(f.value)}`).join("\n");

function blockText(block: Block): string {
  switch (block.type) {
    case "facts":
      return facts(block.facts);
    case "text":
      return escapeMrkdwn(block.text);
    case "meta":
      return `_${escapeMrkdwn(block.text)}_${block.link ? ` · <${block.link.url}|${escapeMrkdwn(block.link.text)}>` : ""}`;
    case "items":
      return block.items
        .map((item) => {
          const label = item.label ? `*${escapeMrkdwn(item.label)}:* ` : "";
          const details = item.details.map((d) => `\n      ${escapeMrkdwn(d)}`).join("");
          return `• ${label}${escapeMrkdwn(item.text)}${details}`;
        })
        .join("\n");
  }
}

/** A section of the outline as mrkdwn sections (a title-only section becomes a divider with its title). */
function sectionBlocks(section: Section): KnownBlock[] {
  const title = `*${escapeMrkdwn(section.title)}*`;
  if (section.blocks.length === 0) return [divider(), ...sections(title)];
  return sections(`${title}\n${section.blocks.map(blockText).join("\n")}`);
}

/** The whole written summary as blocks (any number; the chat port pages them into messages of 50). */
export function summaryContentBlocks(doc: SummaryDocument): KnownBlock[] {
  const outline = summaryOutline(doc);
  return [...sections(facts(outline.facts)), ...outline.sections.flatMap(sectionBlocks)];
}

const recordOf = (view: SummaryView): RecordState => ({
  version: view.version,
  sha256: view.sha256,
  approvals: view.approvals,
  approved: view.approved,
  versions: view.versions ?? [],
});

/** The summary's first message (title, status, approvals, the approve button), its content and its versions, paged. */
export function summaryPages(view: SummaryView): { text: string; pages: KnownBlock[][] } {
  const doc = view.document;
  const l = view.language;
  const record = recordOf(view);
  const title = t(l, "summary.title", { year: doc.year });
  const head: KnownBlock[] = [
    header(title),
    context(
      [
        `${t(l, "summary.version")} ${view.version}`,
        statusWord(doc, record),
        doc.heldAt ? formatDateTime(l, doc.heldAt, doc.timeZone) : t(l, "summary.not_held"),
        t(l, "summary.sha", { sha: view.sha256.slice(0, 16) }),
      ].join(" · "),
    ),
    ...sectionBlocks(approvalSection(doc, record)),
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
    pages: paginate([
      ...head,
      ...summaryContentBlocks(doc),
      divider(),
      ...sectionBlocks(versionsSection(doc, record)),
    ]),
  };
}

/** For the benchmark: the blocks a large summary becomes. */
export function renderSummaryForBench(doc: SummaryDocument) {
  return paginate(summaryContentBlocks(doc));
}
