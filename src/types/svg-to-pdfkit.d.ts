// svg-to-pdfkit ships no types: the one function Lectern calls.
declare module 'svg-to-pdfkit' {
  interface SvgOptions {
    width?: number;
    height?: number;
    assumePt?: boolean;
    preserveAspectRatio?: string;
  }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgOptions): void;
}
