import type { RecordVersion, SummaryDocument } from "../domain/summary.ts";
import { summaryOutline } from "../domain/summary-outline.ts";
import { recordSections } from "../domain/summary-record.ts";
import type { Role } from "../domain/types.ts";
import { t } from "../i18n/index.ts";
import { openPdf, PdfWriter } from "./pdf-writer.ts";
import { yearChartSvg } from "./year-chart.ts";

/** The agenda point of the accident overview, under which the chart stands. */
const ACCIDENT_POINT = 6;

export { rememberWordWidths } from "./pdf-measure.ts";

export interface PdfExtras {
  sha256: string;
  approvals: { name: string; role: Role; at: Date }[];
  /** Both sides have approved this version (the status word says so). */
  approved?: boolean;
  /** Every version, oldest first. */
  versions?: RecordVersion[];
}

/** The summary as the PDF a user hands an inspector: its text, then its status, approvals and versions. */
export async function renderPdf(doc: SummaryDocument, extras: PdfExtras): Promise<Buffer> {
  // Point 6 gets a chart of the yearly figures once there is more than one year to compare.
  const figures = doc.yearFigures ?? [];
  const chart = figures.length > 1 ? await yearChartSvg(figures, doc.language) : null;
  const { pdf, finish } = openPdf({
    language: doc.language,
    title: t(doc.language, "summary.title", { year: doc.year }),
    author: doc.workspaceName,
    head: t(doc.language, "summary.running_head", { workspace: doc.workspaceName, year: doc.year }),
  });
  const w = new PdfWriter(pdf);
  const outline = summaryOutline(doc);
  w.title(outline.title);
  w.facts(outline.facts);
  for (const section of outline.sections) {
    w.section(section);
    if (chart && section.title.startsWith(`${ACCIDENT_POINT}. `)) w.picture(chart, 320);
  }
  const record = {
    version: doc.version ?? 1,
    sha256: extras.sha256,
    approvals: extras.approvals,
    approved: extras.approved ?? false,
    versions: extras.versions ?? [],
  };
  const [approval, ...rest] = recordSections(doc, record);
  if (approval) w.boxed(approval);
  for (const section of rest) w.section(section);
  return finish();
}
