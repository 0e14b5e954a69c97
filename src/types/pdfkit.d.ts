// What pdfkit 0.20 has that @types/pdfkit 0.17 does not describe yet.
declare namespace PDFKit {
  interface PDFImage {
    width: number;
    height: number;
  }
  interface PDFDocument {
    openImage(src: Buffer | string): PDFImage;
    image(src: PDFImage | Buffer | string, x?: number, y?: number, options?: Mixins.ImageOption): this;
  }
}
