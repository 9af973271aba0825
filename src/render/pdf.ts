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
  const lang = doc.language;
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const pdf = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: tr("summary.title", { year: doc.year }), Author: doc.workspaceName },
  });
  rememberWordWidths(pdf);
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  const h1 = (s: string) => pdf.font("Helvetica-Bold").fontSize(18).text(printable(s)).moveDown(0.5);
  const h2 = (s: string) =>
    pdf.moveDown(0.6).font("Helvetica-Bold").fontSize(13).text(printable(s)).moveDown(0.3);
  const h3 = (s: string) =>
    pdf.moveDown(0.3).font("Helvetica-Bold").fontSize(11).text(printable(s)).moveDown(0.15);
  const p = (s: string) => pdf.font("Helvetica").fontSize(10).text(printable(s)).moveDown(0.2);
  const field = (label: string, value: string) =>
    pdf
      .font("Helvetica-Bold")
      .fontSize(10)
      .text(`${printable(label)}: `, { continued: true })
      .font("Helvetica")
      .text(printable(value));
  const bullet = (s: string, indent = 0) =>
    pdf
      .font("Helvetica")
      .fontSize(10)
      .text(`•  ${printable(s)}`, { indent: 12 + indent });
  const entry = (e: SummaryEntry, withLabel: boolean) => {
    const d = describeEntry(e, lang, doc.timeZone);
    bullet(withLabel ? `${d.label}: ${d.text}` : d.text);
    for (const detail of d.details) bullet(detail, 16);
  };

  h1(tr("summary.title", { year: doc.year }));
  field(tr("summary.workspace"), doc.workspaceName || "-");
  field(
    tr("summary.date"),
    doc.heldAt ? formatDateTime(lang, doc.heldAt, doc.timeZone) : tr("summary.not_held"),
  );
  if (doc.location) field(tr("summary.place"), doc.location);
  field(tr("summary.status"), tr(`status.${doc.status}`));
  field(tr("summary.minute_taker"), doc.minuteTaker ?? tr("summary.none"));
  if (doc.version !== null) field(tr("summary.version"), String(doc.version));

  h2(tr("summary.participants"));
  p(doc.participation);
  if (doc.participants.length === 0) p(tr("summary.no_participants"));
  for (const person of doc.participants) bullet(`${person.name} (${tr(`role.${person.role}`)})`);

  h2(tr("summary.outcomes"));
  h3(tr("summary.cooperation"));
  if (doc.cooperation) for (const line of cooperationLines(doc.cooperation, lang)) bullet(line);
  else p(tr("summary.cooperation_missing"));
  h3(tr("summary.decisions"));
  if (doc.decisions.length === 0) p(tr("summary.no_decisions"));
  for (const d of doc.decisions) entry(d, false);
  h3(tr("summary.goals"));
  if (doc.goals.length === 0) p(tr("summary.no_goals"));
  for (const g of doc.goals) entry(g, false);
  if (doc.lastYearGoals.length > 0) {
    h3(tr("summary.last_year_goals"));
    for (const g of doc.lastYearGoals) {
      bullet(`${g.text}: ${g.verdict ? tr(`verdict.${g.verdict}`) : tr("summary.no_verdict")}`);
    }
  }
  h3(tr("summary.follow_up"));
  p(tr("summary.follow_up_text"));
  h3(tr("summary.find_again"));
  p(
    doc.channelName
      ? tr("summary.find_again_text", { channel: doc.channelName, year: doc.year })
      : tr("summary.find_again_text_no_channel", { year: doc.year }),
  );

  h2(tr("summary.agenda"));
  for (const point of doc.points) {
    h3(`${point.number}. ${point.title} (${tr(`point.${point.status}`)})`);
    if (point.entries.length === 0) p(tr("summary.nothing_recorded"));
    for (const e of point.entries) entry(e, true);
  }

  h2(tr("summary.completeness"));
  const { legal, goodPractice } = doc.completeness;
  if (legal.length === 0 && goodPractice.length === 0) p(tr("completeness.all_good"));
  for (const r of legal)
    bullet(
      `${tr("completeness.legal")}: ${tr(`legal.${r}`)} (${tr("completeness.see_point", { point: REQUIREMENT_POINT[r] })})`,
    );
  for (const r of goodPractice) bullet(`${tr("completeness.practice")}: ${tr(`practice.${r}`)}`);
  if (doc.concludedBy) {
    p(
      doc.overrideReason
        ? tr("summary.override", { who: doc.concludedBy, reason: doc.overrideReason })
        : tr("summary.concluded_by", { who: doc.concludedBy }),
    );
  }

  h2(tr("summary.approvals"));
  if (extras.approvals.length === 0) p(tr("summary.not_approved"));
  for (const a of extras.approvals) {
    bullet(
      tr("summary.approved_by", {
        name: a.name,
        role: tr(`role.${a.role}`),
        when: formatDateTime(lang, a.at, doc.timeZone),
      }),
    );
  }
  pdf.moveDown(1);
  pdf.font("Helvetica").fontSize(8).fillColor("#555555");
  pdf.text(printable(`${tr("summary.version")} ${doc.version ?? "-"} · SHA-256 ${extras.sha256}`));
  pdf.text(printable(tr("summary.footer")));
  pdf.end();
  return done;
}

type MeasuringFont = { widthOfString(text: string, size: number, features?: unknown): number };

/**
 * pdfkit measures every word of every line to wrap it, adding up each letter and kerning pair, and a summary says
 * the same words again and again: each font remembers a word's width (at 1000 points, scaled to the size asked).
 * With 3,300 entries this was the larger part of the PDF's time (bench/README.md).
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
