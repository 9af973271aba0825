/**
 * pdfkit measures and lays out every word of every line, and a summary says the same words again and again. Two
 * shortcuts for one document's fonts, kept here with their test (test/unit/pdf-widths.test.ts): a word's width is
 * remembered, and an embedded font's line is put together from its remembered words in one pass (pdfkit's own
 * copies the line's glyphs again for every word, which made a long summary's PDF spend its time collecting garbage).
 */

type Run = { glyphs: unknown[]; positions: unknown[]; advanceWidth: number };
type PdfFont = {
  widthOfString(text: string, size: number, features?: unknown): number;
  layout?(text: string, features?: unknown, onlyWidth?: boolean): Run;
  layoutCached?(text: string): Run;
};

export function rememberWordWidths(pdf: PDFKit.PDFDocument) {
  const select = pdf.font.bind(pdf);
  const remembering = new WeakSet<object>();
  const remember = () => {
    const font = (pdf as unknown as { _font?: PdfFont })._font;
    if (font && !remembering.has(font)) {
      remembering.add(font);
      rememberWidths(font);
      layOutInOnePass(font);
    }
  };
  remember();
  pdf.font = ((...args: Parameters<typeof pdf.font>) => {
    select(...args);
    remember();
    return pdf;
  }) as typeof pdf.font;
}

/** A word's width at 1000 points, scaled to the size asked. */
function rememberWidths(font: PdfFont) {
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

/** An embedded font's layout as pdfkit does it (split after each space or tab, each piece cached), in one pass. */
function layOutInOnePass(font: PdfFont) {
  const original = font.layout?.bind(font);
  const cached = font.layoutCached?.bind(font);
  if (!original || !cached) return; // a standard font: nothing to lay out
  font.layout = (text, features, onlyWidth) => {
    if (features) return original(text, features, onlyWidth);
    const glyphs: unknown[] = [];
    const positions: unknown[] = [];
    let advanceWidth = 0;
    let last = 0;
    for (let i = 0; i <= text.length; i++) {
      const code = text.charCodeAt(i);
      if (i === text.length ? last < i : code === 32 || code === 9) {
        const run = cached(text.slice(last, i + 1));
        if (!onlyWidth) {
          for (const g of run.glyphs) glyphs.push(g);
          for (const p of run.positions) positions.push(p);
        }
        advanceWidth += run.advanceWidth;
        last = i + 1;
      }
    }
    return onlyWidth
      ? { glyphs: null as never, positions: null as never, advanceWidth }
      : { glyphs, positions, advanceWidth };
  };
}
