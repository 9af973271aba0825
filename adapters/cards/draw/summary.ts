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
import { formatDateTime } from "../../../src/i18n/index.ts";
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
import { may, refreshOf } from "./refresh.ts";

const LINE = { spacing: "None" };
const DETAIL = { isSubtle: true, spacing: "None" };

const factSet = (facts: Fact[]): Element => ({
  type: "FactSet",
  facts: facts.map((f) => ({ title: escapeMd(f.label), value: escapeMd(f.value) })),
});

function blockElements(block: Block): Element[] {
  switch (block.type) {
    case "facts":
      return [factSet(block.facts)];
    case "text":
      return paragraphs(escapeMd(block.text), LINE);
    case "meta": {
      const status = textBlock(`_${escapeMd(block.text)}_`, { isSubtle: true, spacing: "None" });
      const link = block.link
        ? [textBlock(`[${escapeMd(block.link.text)}](${block.link.url})`, { spacing: "None" })]
        : [];
      return [status, ...link];
    }
    case "items":
      return block.items.flatMap((item) => {
        const label = item.label ? `**${escapeMd(item.label)}:** ` : "";
        const elements = paragraphs(`- ${label}${escapeMd(item.text)}`, LINE);
        for (const detail of item.details) elements.push(...paragraphs(escapeMd(detail), DETAIL));
        return elements;
      });
  }
}

const sectionElements = (section: Section): Element[] => [
  subheading(section.title),
  ...section.blocks.flatMap(blockElements),
];

/** The whole written summary as card elements, in the order of the Markdown document. */
export function summaryElements(doc: SummaryDocument): Element[] {
  const outline = summaryOutline(doc);
  return [factSet(outline.facts), ...outline.sections.flatMap(sectionElements)];
}

/**
 * The summary as cards: the first holds the title, status, approvals and the approve button (for `viewer`, when they
 * may approve; the card everyone sees asks Teams for each approver's own); the versions close it.
 */
export function summaryCards(view: SummaryView, viewer?: string, note: Element[] = []): AdaptiveCard[] {
  const doc = view.document;
  const l = view.language;
  const record: RecordState = {
    version: view.version,
    sha256: view.sha256,
    approvals: view.approvals,
    approved: view.approved,
    versions: view.versions ?? [],
  };
  const title = t(l, "summary.title", { year: doc.year });
  const meta = [
    `${t(l, "summary.version")} ${view.version}`,
    statusWord(doc, record),
    doc.heldAt ? formatDateTime(l, doc.heldAt, doc.timeZone) : t(l, "summary.not_held"),
    t(l, "summary.sha", { sha: view.sha256.slice(0, 16) }),
  ].join(" · ");
  const head: Element[] = [
    heading(title),
    subtle(meta),
    ...sectionElements(approvalSection(doc, record)),
    ...note,
  ];
  const refresh =
    view.rights && !view.approved ? refreshOf(l, view.rights, { d: view.discussionId, s: 1 }) : null;
  const approve = execute(
    t(l, "button.approve"),
    ACTIONS.approve,
    { d: view.discussionId, v: view.version },
    "positive",
  );
  const actions = view.approved
    ? []
    : may(view.rights?.approve, viewer)
      ? [approve]
      : (refresh?.manual ?? []);
  const body = [...summaryElements(doc), ...sectionElements(versionsSection(doc, record))];
  const cards = paginate(head, body, actions, (page) => t(l, "teams.continued", { title, page }));
  if (refresh && cards[0]) cards[0].refresh = refresh.refresh;
  return cards;
}
