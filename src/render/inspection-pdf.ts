import type { InspectionFolder } from "../domain/inspection.ts";
import { type FolderSection, inspectionOutline, type Table } from "../domain/inspection-outline.ts";
import { t } from "../i18n/index.ts";
import { GREY, openPdf, PdfWriter } from "./pdf-writer.ts";
import { yearChartSvg } from "./year-chart.ts";

const TABLE_FONT_SIZE = 8.5;
/** A SHA-256 on one line: its column's width and the size its 64 digits fit in. */
const HASH = { width: 238, size: 6.1 };
const NARROW_WIDTH = 42;

/** The inspection folder as one PDF: the readiness check on the first page, the referat at the back. */
export async function renderInspectionPdf(folder: InspectionFolder): Promise<Buffer> {
  const outline = inspectionOutline(folder);
  // The yearly figures get a chart beside their table once there is more than one year to compare.
  const chart = folder.figures.length > 1 ? await yearChartSvg(folder.figures, folder.language) : null;
  const { pdf, finish } = openPdf({
    language: folder.language,
    title: outline.title,
    author: folder.workspaceName,
    head: t(folder.language, "inspection.running_head", { workspace: folder.workspaceName }),
  });
  const w = new FolderPdfWriter(pdf);
  w.title(outline.title);
  w.facts(outline.facts);
  for (const section of outline.sections) {
    w.folderSection(section);
    if (chart && section.title === t(folder.language, "inspection.figures")) w.picture(chart, 320);
  }
  return finish();
}

/** The referat's writer, with tables (pdfkit's own) and sections that start a page. */
class FolderPdfWriter extends PdfWriter {
  folderSection(section: FolderSection) {
    if (section.newPage) this.pdf.addPage();
    this.heading(section);
    for (const block of section.blocks) {
      if (block.type === "table") this.table(block);
      else this.block(block);
    }
  }

  private table(table: Table) {
    const pdf = this.pdf;
    this.room(TABLE_FONT_SIZE * 6);
    pdf.x = this.left;
    pdf.font("Body").fontSize(TABLE_FONT_SIZE).fillColor("black");
    const hash = table.headers.indexOf("SHA-256");
    pdf.table({
      position: { x: this.left, y: pdf.y },
      maxWidth: this.width,
      columnStyles: (i) =>
        i === hash ? { width: HASH.width } : table.narrow?.includes(i) ? { width: NARROW_WIDTH } : undefined,
      defaultStyle: { border: 0.5, borderColor: GREY, padding: [3, 4, 3, 4] },
      data: [
        table.headers.map((h) => ({ text: this.printable(h), font: { src: "Bold" }, type: "TH" as const })),
        ...table.rows.map((row) =>
          row.map((cell, i) =>
            i === hash ? { text: cell, font: { size: HASH.size } } : { text: this.printable(cell) },
          ),
        ),
      ],
    });
    pdf.x = this.left;
    pdf.moveDown(0.5);
  }
}
