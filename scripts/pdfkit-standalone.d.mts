/** The path of PDFKit's standalone build (see pdfkit-standalone.mjs). */
export declare const PDFKIT_STANDALONE: string;
