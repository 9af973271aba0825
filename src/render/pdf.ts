import PDFDocument from "pdfkit";
import { REQUIREMENT_POINT } from "../domain/completeness.ts";
import { cooperationLines, describeEntry } from "../domain/describe-entry.ts";
import type { SummaryDocument, SummaryEntry } from "../domain/summary.ts";
import type { Role } from "../domain/types.ts";
import { formatDateTime, type MessageKey, t } from "../i18n/index.ts";

export interface PdfExtras {
  sha256: string;
  approvals: { name: string; role: Role; at: Date }[];
}

// pdfkit's built-in Helvetica covers Windows-1252 (æ, ø, å and the rest of Western Europe); anything beyond it
// (emoji, other scripts) would print as garbage, so it is replaced by a question mark.
const CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const printable = (text: string) =>
  [...text.normalize("NFC")]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (c === "\n") return c;
      if (code < 0x20) return " ";
      return code <= 0xff || CP1252_EXTRA.includes(c) ? c : "?";
    })
    .join("");

/** The summary as the PDF a user hands an inspector. */
export function renderPdf(doc: SummaryDocument, extras: PdfExtras): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: t(doc.language, "summary.title", { year: doc.year }), Author: doc.workspaceName },
  });
  rememberWordWidths(pdf);
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const w = new PdfWriter(pdf, doc);
  header(w);
  outcomes(w);
  agenda(w);
  completeness(w);
  approvals(w, extras);
  pdf.end();
  return done;
}

/** The summary's building blocks (headings, paragraphs, fields, bullets), in the document's language. */
class PdfWriter {
  readonly tr: (key: MessageKey, params?: Record<string, string | number>) => string;
  constructor(
    readonly pdf: PDFKit.PDFDocument,
    readonly doc: SummaryDocument,
  ) {
    this.tr = (key, params) => t(doc.language, key, params);
  }
  h1(s: string) {
    this.pdf.font("Helvetica-Bold").fontSize(18).text(printable(s)).moveDown(0.5);
  }
  h2(s: string) {
    this.pdf.moveDown(0.6).font("Helvetica-Bold").fontSize(13).text(printable(s)).moveDown(0.3);
  }
  h3(s: string) {
    this.pdf.moveDown(0.3).font("Helvetica-Bold").fontSize(11).text(printable(s)).moveDown(0.15);
  }
  p(s: string) {
    this.pdf.font("Helvetica").fontSize(10).text(printable(s)).moveDown(0.2);
  }
  field(label: string, value: string) {
    this.pdf
      .font("Helvetica-Bold")
      .fontSize(10)
      .text(`${printable(label)}: `, { continued: true })
      .font("Helvetica")
      .text(printable(value));
  }
  bullet(s: string, indent = 0) {
    this.pdf
      .font("Helvetica")
      .fontSize(10)
      .text(`•  ${printable(s)}`, { indent: 12 + indent });
  }
  entry(e: SummaryEntry, withLabel: boolean) {
    const d = describeEntry(e, this.doc.language, this.doc.timeZone);
    this.bullet(withLabel ? `${d.label}: ${d.text}` : d.text);
    for (const detail of d.details) this.bullet(detail, 16);
  }
}

/** The title, the meeting's facts, and who took part. */
function header(w: PdfWriter) {
  const { doc, tr } = w;
  w.h1(tr("summary.title", { year: doc.year }));
  w.field(tr("summary.workspace"), doc.workspaceName || "-");
  const held = doc.heldAt ? formatDateTime(doc.language, doc.heldAt, doc.timeZone) : tr("summary.not_held");
  w.field(tr("summary.date"), held);
  if (doc.location) w.field(tr("summary.place"), doc.location);
  w.field(tr("summary.status"), tr(`status.${doc.status}`));
  w.field(tr("summary.minute_taker"), doc.minuteTaker ?? tr("summary.none"));
  if (doc.version !== null) w.field(tr("summary.version"), String(doc.version));
  w.h2(tr("summary.participants"));
  w.p(doc.participation);
  if (doc.participants.length === 0) w.p(tr("summary.no_participants"));
  for (const person of doc.participants) w.bullet(`${person.name} (${tr(`role.${person.role}`)})`);
}

/** What was agreed, last year's goals judged, follow-up, and where to find it all again. */
function outcomes(w: PdfWriter) {
  const { doc, tr } = w;
  w.h2(tr("summary.outcomes"));
  w.h3(tr("summary.cooperation"));
  if (doc.cooperation) for (const line of cooperationLines(doc.cooperation, doc.language)) w.bullet(line);
  else w.p(tr("summary.cooperation_missing"));
  w.h3(tr("summary.decisions"));
  if (doc.decisions.length === 0) w.p(tr("summary.no_decisions"));
  for (const d of doc.decisions) w.entry(d, false);
  w.h3(tr("summary.goals"));
  if (doc.goals.length === 0) w.p(tr("summary.no_goals"));
  for (const g of doc.goals) w.entry(g, false);
  if (doc.lastYearGoals.length > 0) {
    w.h3(tr("summary.last_year_goals"));
    for (const g of doc.lastYearGoals)
      w.bullet(`${g.text}: ${g.verdict ? tr(`verdict.${g.verdict}`) : tr("summary.no_verdict")}`);
  }
  w.h3(tr("summary.follow_up"));
  w.p(tr("summary.follow_up_text"));
  w.h3(tr("summary.find_again"));
  w.p(
    doc.channelName
      ? tr("summary.find_again_text", { channel: doc.channelName, year: doc.year })
      : tr("summary.find_again_text_no_channel", { year: doc.year }),
  );
}

function agenda(w: PdfWriter) {
  const { doc, tr } = w;
  w.h2(tr("summary.agenda"));
  for (const point of doc.points) {
    w.h3(`${point.number}. ${point.title} (${tr(`point.${point.status}`)})`);
    if (point.entries.length === 0) w.p(tr("summary.nothing_recorded"));
    for (const e of point.entries) w.entry(e, true);
  }
}

/** What is still missing, and who concluded the discussion anyway (and why). */
function completeness(w: PdfWriter) {
  const { doc, tr } = w;
  w.h2(tr("summary.completeness"));
  const { legal, goodPractice } = doc.completeness;
  if (legal.length === 0 && goodPractice.length === 0) w.p(tr("completeness.all_good"));
  for (const r of legal) {
    const see = tr("completeness.see_point", { point: REQUIREMENT_POINT[r] });
    w.bullet(`${tr("completeness.legal")}: ${tr(`legal.${r}`)} (${see})`);
  }
  for (const r of goodPractice) w.bullet(`${tr("completeness.practice")}: ${tr(`practice.${r}`)}`);
  if (doc.concludedBy) {
    w.p(
      doc.overrideReason
        ? tr("summary.override", { who: doc.concludedBy, reason: doc.overrideReason })
        : tr("summary.concluded_by", { who: doc.concludedBy }),
    );
  }
}

/** Who approved this version, and the fingerprint that identifies it. */
function approvals(w: PdfWriter, extras: PdfExtras) {
  const { doc, tr, pdf } = w;
  w.h2(tr("summary.approvals"));
  if (extras.approvals.length === 0) w.p(tr("summary.not_approved"));
  for (const a of extras.approvals) {
    const when = formatDateTime(doc.language, a.at, doc.timeZone);
    w.bullet(tr("summary.approved_by", { name: a.name, role: tr(`role.${a.role}`), when }));
  }
  pdf.moveDown(1);
  pdf.font("Helvetica").fontSize(8).fillColor("#555555");
  pdf.text(printable(`${tr("summary.version")} ${doc.version ?? "-"} · SHA-256 ${extras.sha256}`));
  pdf.text(printable(tr("summary.footer")));
}

type MeasuringFont = { widthOfString(text: string, size: number, features?: unknown): number };

/**
 * pdfkit measures every word of every line to wrap it, letter by letter, and a summary says the same words again and
 * again: each font of this one document remembers a word's width (at 1000 points, scaled to the size asked).
 */
export function rememberWordWidths(pdf: PDFKit.PDFDocument) {
  const select = pdf.font.bind(pdf);
  const remembering = new WeakSet<object>();
  const remember = () => {
    const font = (pdf as unknown as { _font?: MeasuringFont })._font;
    if (font && !remembering.has(font)) {
      remembering.add(font);
      const measure = font.widthOfString.bind(font);
      const widths = new Map<string, number>();
      font.widthOfString = (text, size, features) => {
        if (features !== undefined) return measure(text, size, features);
        let width = widths.get(text);
        if (width === undefined) {
          width = measure(text, 1000);
          widths.set(text, width);
        }
        return width * (size / 1000);
      };
    }
  };
  remember();
  pdf.font = ((...args: Parameters<typeof pdf.font>) => {
    select(...args);
    remember();
    return pdf;
  }) as typeof pdf.font;
}
