/**
 * "side 2 af 3" on every page without holding every page in memory until the count is known: each footer draws one
 * shared form (a PDF Form XObject) where the total goes, and the form's content, the total, is written when the
 * document ends. pdfkit has no API for this; it uses pdfkit's own references, page resources and font encoding,
 * kept in this one file (test/app/documentation.test.ts reads the numbers back out of a PDF).
 */

type EmbeddedFont = {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], unknown[]];
};
type Internals = {
  _font: EmbeddedFont;
  _fontSize: number;
  ref(data: Record<string, unknown>): { data: Record<string, unknown>; end(content: string): void };
  addContent(content: string): void;
  page: { height: number; xobjects: Record<string, unknown> };
};

const NAME = "PageTotal";

export class PageTotal {
  private readonly form: ReturnType<Internals["ref"]>;
  private font: EmbeddedFont | null = null;
  private size = 8;
  constructor(private readonly pdf: PDFKit.PDFDocument) {
    this.form = internals(pdf).ref({
      Type: "XObject",
      Subtype: "Form",
      BBox: [0, -100, 1000, 100],
      Resources: { Font: {} },
    });
  }

  /** Draws the total (later filled in) at x, y, in the current font and size, as pdfkit would place text there. */
  place(x: number, y: number) {
    const pdf = internals(this.pdf);
    this.font = pdf._font;
    this.size = pdf._fontSize;
    pdf.page.xobjects[NAME] = this.form;
    const baseline = pdf.page.height - y - (pdf._font.ascender / 1000) * pdf._fontSize;
    pdf.addContent(`q 1 0 0 -1 0 ${pdf.page.height} cm 1 0 0 1 ${x} ${baseline} cm /${NAME} Do Q`);
  }

  /** Writes the total into the form: before the document ends, so its digits are in the embedded font. */
  finish(total: number) {
    const font = this.font;
    if (!font) return this.form.end("");
    const [glyphs] = font.encode(` ${total}`); // the space, so a reader copying the text gets "af 3"
    (this.form.data.Resources as { Font: Record<string, unknown> }).Font[font.id] = font.ref();
    this.form.end(`BT /${font.id} ${this.size} Tf 0 0 Td <${glyphs.join("")}> Tj ET`);
  }
}

const internals = (pdf: PDFKit.PDFDocument) => pdf as unknown as Internals;
