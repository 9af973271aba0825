import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import type { Block, Fact, Item, Section } from "../domain/summary-outline.ts";
import type { Language } from "../domain/types.ts";
import { t } from "../i18n/index.ts";
import { FONT_FILES } from "./fonts.ts";
import { PageTotal } from "./page-count.ts";
import { rememberWordWidths } from "./pdf-measure.ts";

export const MARGIN = { top: 72, bottom: 64, left: 56, right: 56 };
const LEVEL_INDENT = 14;
const LABEL_WIDTH = 118;
export const GREY = "#555555";

/** What every page of a document carries: its language, title and author, and the running head at the top. */
export interface PdfFrame {
  language: Language;
  title: string;
  author: string;
  head: string;
}

/**
 * An A4 document in the embedded Noto Sans, the running head and "side x af y" drawn on every page. `finish` ends
 * it and gives the bytes.
 */
export function openPdf(frame: PdfFrame): { pdf: PDFKit.PDFDocument; finish: () => Promise<Buffer> } {
  const pdf = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    lang: frame.language === "da" ? "da-DK" : "en-GB",
    info: { Title: frame.title, Author: frame.author },
  });
  pdf.registerFont("Body", FONT_FILES.regular);
  pdf.registerFont("Bold", FONT_FILES.bold);
  rememberWordWidths(pdf);
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const furniture = pageFurniture(pdf, frame.language, frame.head);
  return {
    pdf,
    finish: () => {
      furniture.finish();
      pdf.end();
      return done;
    },
  };
}

/** Lays the outline's parts out on the pages: headings, fact tables, paragraphs, and bullets with hanging indents. */
export class PdfWriter {
  protected readonly printable: (text: string) => string;
  constructor(protected readonly pdf: PDFKit.PDFDocument) {
    this.printable = printableIn(pdf);
  }
  protected get left() {
    return this.pdf.page.margins.left;
  }
  protected get width() {
    return this.pdf.page.width - this.pdf.page.margins.left - this.pdf.page.margins.right;
  }
  /** Starts a new page when fewer than `points` are left on this one, so a heading never ends a page. */
  protected room(points: number) {
    if (this.pdf.y + points > this.pdf.page.height - this.pdf.page.margins.bottom) this.pdf.addPage();
  }
  title(s: string) {
    this.pdf.font("Bold").fontSize(17).fillColor("black").text(this.printable(s), { width: this.width });
    this.pdf.moveDown(0.5);
  }
  section(section: Section) {
    this.heading(section);
    for (const block of section.blocks) this.block(block);
  }
  /** A section in a frame: the approval block. */
  boxed(section: Section) {
    this.room(150);
    this.heading(section);
    const top = this.pdf.y - 4;
    const page = this.pdf.page;
    for (const block of section.blocks) this.block(block);
    if (this.pdf.page === page) {
      this.pdf
        .rect(this.left - 6, top, this.width + 12, this.pdf.y - top + 4)
        .lineWidth(0.7)
        .strokeColor(GREY)
        .stroke();
      this.pdf.moveDown(0.5);
    }
  }
  protected heading(section: Pick<Section, "level" | "title">) {
    const size = section.level === 2 ? 13 : 11;
    this.pdf.moveDown(section.level === 2 ? 0.8 : 0.4);
    this.room(size * 4);
    this.pdf.x = this.left;
    this.pdf.font("Bold").fontSize(size).fillColor("black").text(this.printable(section.title), {
      width: this.width,
    });
    this.pdf.moveDown(0.2);
  }
  protected block(block: Block) {
    switch (block.type) {
      case "facts":
        return this.facts(block.facts);
      case "text":
        return this.paragraph(block.text);
      case "meta":
        return this.paragraph(block.text, GREY);
      case "items":
        for (const item of block.items) this.item(item);
        this.pdf.moveDown(0.2);
    }
  }
  /** Label and value side by side; a long value wraps within its own column. */
  /** A picture from SVG (a chart), `width` wide at the left margin, its text in the body's font. */
  picture(svg: string, width: number) {
    const size = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
    const height = size ? (width * Number(size[2])) / Number(size[1]) : width / 2;
    this.room(height + 12);
    SVGtoPDF(this.pdf, svg, this.left, this.pdf.y, {
      width,
      height,
      fontCallback: (_family, bold) => (bold ? "Bold" : "Body"),
    });
    this.pdf.y += height + 12;
    this.pdf.x = this.left;
  }

  facts(facts: Fact[]) {
    for (const fact of facts) {
      this.room(14);
      const y = this.pdf.y;
      this.pdf.font("Bold").fontSize(10).fillColor("black");
      this.pdf.text(this.printable(fact.label), this.left, y, { width: LABEL_WIDTH - 8 });
      const below = this.pdf.y;
      this.pdf.font("Body").text(this.printable(fact.value), this.left + LABEL_WIDTH, y, {
        width: this.width - LABEL_WIDTH,
      });
      this.pdf.y = Math.max(below, this.pdf.y);
      this.pdf.x = this.left;
    }
    this.pdf.moveDown(0.3);
  }
  private paragraph(text: string, color = "black") {
    this.pdf.x = this.left;
    this.pdf
      .font("Body")
      .fontSize(10)
      .fillColor(color)
      .text(this.printable(unbrokenCommands(text)), {
        width: this.width,
      });
    this.pdf.fillColor("black").moveDown(0.3);
  }
  private item(item: Item) {
    this.bullet(item.label ? `${item.label}: ${item.text}` : item.text, 0);
    for (const detail of item.details) this.bullet(detail, 1);
  }
  /**
   * The mark and its text in one run, the mark hanging out to the left (a negative first-line indent), so every
   * wrapped line starts under the text's first letter, not back at the margin.
   */
  private bullet(text: string, level: number) {
    const pdf = this.pdf;
    // Black is the colour every other block leaves behind; setting it again for each of thousands of lines costs.
    pdf.font("Body").fontSize(10);
    this.room(pdf.currentLineHeight(true));
    const mark = level === 0 ? "•   " : "–   ";
    const hang = pdf.widthOfString(mark);
    const x = this.left + level * LEVEL_INDENT + hang;
    pdf.text(mark + this.printable(unbrokenCommands(text)), x, pdf.y, {
      width: this.width - level * LEVEL_INDENT - hang,
      indent: -hang,
    });
    pdf.x = this.left;
  }
}

/**
 * On every page, drawn as the page begins: the workplace and year at the top, "side 2 af 3" at the bottom (the total
 * filled in at the end). The text being laid out when a page begins goes on in its own font, size and colour.
 */
function pageFurniture(pdf: PDFKit.PDFDocument, language: Language, head: string) {
  const printable = printableIn(pdf);
  const total = new PageTotal(pdf);
  const state = pdf as unknown as { _font: unknown; _fontSize: number; _fillColor: unknown };
  let pages = 0;
  const draw = () => {
    pages++;
    const { x, y, _font, _fontSize, _fillColor } = { x: pdf.x, y: pdf.y, ...state };
    const { width, height, margins } = pdf.page;
    const bottom = margins.bottom;
    margins.bottom = 0; // writing in the margin must not start a page of its own
    pdf.font("Body").fontSize(8).fillColor(GREY);
    pdf.text(printable(head), MARGIN.left, 40, {
      width: width - MARGIN.left - MARGIN.right,
      lineBreak: false,
    });
    pdf
      .moveTo(MARGIN.left, 54)
      .lineTo(width - MARGIN.right, 54)
      .lineWidth(0.5)
      .strokeColor(GREY)
      .stroke();
    const [before, after = ""] = t(language, "summary.page", { page: pages, pages: "\u0000" }).split(
      "\u0000",
    );
    const footerY = height - 40;
    pdf.text(before ?? "", MARGIN.left, footerY, { lineBreak: false });
    total.place(MARGIN.left + pdf.widthOfString(before?.trimEnd() ?? ""), footerY);
    if (after)
      pdf.text(after, MARGIN.left + pdf.widthOfString(`${before}000`), footerY, { lineBreak: false });
    margins.bottom = bottom;
    Object.assign(state, { _font, _fontSize, _fillColor });
    pdf.x = x;
    pdf.y = y;
  };
  draw();
  pdf.on("pageAdded", draw);
  return { finish: () => total.finish(pages) };
}

/** A command is never broken after its slash ("/" then "arbejdsmiljø referat" on the next line): a word joiner. */
const unbrokenCommands = (text: string) => text.replace(/(^|\s)\/(?=\p{L})/gu, "$1/\u2060");

type Glyphs = { font?: { hasGlyphForCodePoint(code: number): boolean } };

/**
 * The text as the embedded font can print it: what it has no letter for (an emoji, a rare script) becomes a question
 * mark rather than an empty box, and control characters become spaces. Most text is Latin and passes untouched.
 */
function printableIn(pdf: PDFKit.PDFDocument): (text: string) => string {
  const covered = /^[\n\u0020-\u007e\u00a0-\u024f\u2013-\u2026\u2060§€]*$/;
  return (text) => {
    const nfc = text.normalize("NFC");
    if (covered.test(nfc)) return nfc;
    const font = (pdf as unknown as { _font?: Glyphs })._font?.font;
    return [...nfc]
      .map((c) => {
        const code = c.codePointAt(0) ?? 0;
        if (c === "\n") return c;
        if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return " ";
        return !font || font.hasGlyphForCodePoint(code) ? c : "?";
      })
      .join("");
  };
}
