import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { rememberWordWidths } from "../../src/render/pdf.ts";

describe("word widths remembered while a PDF is written", () => {
  it("measures every word as pdfkit does, at every size and in every font, also when asked again", () => {
    const plain = new PDFDocument();
    const remembering = new PDFDocument();
    rememberWordWidths(remembering);
    const words = ["Ærlig", "snak", "om", "støj,", "lys", "ørepropper", "AVAWAY", "Søren Østergaard", ""];
    for (const font of ["Helvetica", "Helvetica-Bold"]) {
      for (const size of [8, 10, 13, 18]) {
        plain.font(font).fontSize(size);
        remembering.font(font).fontSize(size);
        for (let round = 0; round < 2; round++)
          for (const word of words) expect(remembering.widthOfString(word)).toBe(plain.widthOfString(word));
      }
    }
    // Kerning is in it: a kerned pair is narrower than its letters apart.
    remembering.font("Helvetica").fontSize(10);
    expect(remembering.widthOfString("AV")).toBeLessThan(
      remembering.widthOfString("A") + remembering.widthOfString("V"),
    );
  });
});
