// What pdfkit 0.20 has that @types/pdfkit 0.17 does not describe yet.
declare namespace PDFKit {
  interface PDFImage {
    width: number;
    height: number;
  }
  interface PDFDocument {
    openImage(src: Uint8Array | string): PDFImage;
    image(src: PDFImage | Uint8Array | string, x?: number, y?: number, options?: Mixins.ImageOption): this;
  }
}
