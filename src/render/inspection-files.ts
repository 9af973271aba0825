import { strToU8, zipSync } from "fflate";
import { inspectionFileName } from "../domain/file-names.ts";
import type { InspectionFolder } from "../domain/inspection.ts";
import {
  type FolderBlock,
  type FolderSection,
  inspectionOutline,
  type Table,
} from "../domain/inspection-outline.ts";
import { blockLines, mdText } from "../domain/summary-markdown.ts";
import { csvText } from "./csv.ts";

/** The inspection folder as one Markdown file: the same outline as the PDF, its tables as Markdown tables. */
export function renderInspectionMarkdown(folder: InspectionFolder): string {
  const { title, facts, sections } = inspectionOutline(folder);
  const out = [`# ${mdText(title)}`, "", ...facts.map((f) => `- **${mdText(f.label)}:** ${mdText(f.value)}`)];
  for (const section of sections) out.push("", ...sectionLines(section));
  return `${out.join("\n").trimEnd()}\n`;
}

function sectionLines(section: FolderSection): string[] {
  const out = [`${"#".repeat(section.level)} ${mdText(section.title)}`];
  for (const block of section.blocks) out.push("", ...folderBlockLines(block));
  return out;
}

function folderBlockLines(block: FolderBlock): string[] {
  if (block.type !== "table") return blockLines(block);
  const row = (cells: string[]) => `| ${cells.map((c) => mdText(c) || " ").join(" | ")} |`;
  return [row(block.headers), `|${block.headers.map(() => " --- |").join("")}`, ...block.rows.map(row)];
}

/** The tables of the folder, each as the CSV file a spreadsheet opens. */
export function inspectionTables(folder: InspectionFolder): Table[] {
  return inspectionOutline(folder).sections.flatMap((s) =>
    s.blocks.filter((b): b is Table => b.type === "table"),
  );
}

/**
 * The ZIP an inspector or a spreadsheet takes apart: the folder in Markdown and each table as CSV, in a folder named
 * like the ZIP, the files dated as the folder was made.
 */
export function renderInspectionZip(folder: InspectionFolder): Uint8Array {
  const root = inspectionFileName(folder.today, null);
  const mtime = folder.createdAt;
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {
    [`${root}/${inspectionFileName(folder.today, "md")}`]: [
      strToU8(renderInspectionMarkdown(folder)),
      { mtime },
    ],
  };
  for (const table of inspectionTables(folder))
    files[`${root}/${table.file}.csv`] = [strToU8(csvText(table.headers, table.rows)), { mtime }];
  return zipSync(files, { level: 6 });
}
