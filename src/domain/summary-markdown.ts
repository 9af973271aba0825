import type { SummaryDocument } from "./summary.ts";
import { type Block, type Section, summaryOutline } from "./summary-outline.ts";
import { type RecordState, recordSections } from "./summary-record.ts";

/** Escapes what Markdown would read as formatting, and folds line breaks so one value stays one list item. */
export function mdText(value: string): string {
  return value
    .replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`)
    .replace(/\r?\n+/g, " ")
    .trim();
}

/** The text of a summary version: what is stored and hashed. */
export function renderMarkdown(doc: SummaryDocument): string {
  const { title, facts, sections } = summaryOutline(doc);
  const out = [`# ${mdText(title)}`, "", ...facts.map((f) => `- **${mdText(f.label)}:** ${mdText(f.value)}`)];
  for (const section of sections) out.push("", ...sectionLines(section));
  return finish(out);
}

/**
 * The version's status, approvals and versions, as they are now: written after the stored text in the file people
 * download, so the text above stays the one its SHA-256 was taken over.
 */
export function renderRecordMarkdown(doc: SummaryDocument, record: RecordState): string {
  const out = ["---"];
  for (const section of recordSections(doc, record)) out.push("", ...sectionLines(section));
  return finish(out);
}

/** The stored text followed by its record: the Markdown file a user downloads. */
export function markdownFile(content: string, doc: SummaryDocument, record: RecordState): string {
  return `${content}\n${renderRecordMarkdown(doc, record)}`;
}

function sectionLines(section: Section): string[] {
  const out = [`${"#".repeat(section.level)} ${mdText(section.title)}`];
  for (const block of section.blocks) out.push("", ...blockLines(block));
  return out;
}

export function blockLines(block: Block): string[] {
  switch (block.type) {
    case "facts":
      return block.facts.map((f) => `- **${mdText(f.label)}:** ${mdText(f.value)}`);
    case "text":
      return [mdText(block.text)];
    case "meta":
      return [
        `_${mdText(block.text)}${block.link ? ` · [${mdText(block.link.text)}](${block.link.url})` : ""}_`,
      ];
    case "items":
      return block.items.flatMap((item) => [
        `- ${item.label ? `**${mdText(item.label)}:** ` : ""}${mdText(item.text)}`,
        ...item.details.map((d) => `  - ${mdText(d)}`),
      ]);
  }
}

const finish = (lines: string[]) => `${lines.join("\n").trimEnd()}\n`;
