declare module "svg-to-pdfkit" {
  /** Draws an SVG document on a pdfkit page at (x, y). */
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: { width?: number; height?: number; fontCallback?: (family: string, bold: boolean) => string },
  ): void;
}
