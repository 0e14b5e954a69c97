// Extract the text of a PDF, page by page, the way a reader (or a screen reader) would get it.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: string[];
  /** All pages joined, with runs of whitespace collapsed to one space. */
  text: string;
  info: Record<string, unknown>;
}

export async function readPdfText(data: Uint8Array): Promise<PdfText> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, text: pages.join('\n').replace(/\s+/g, ' '), info: info as Record<string, unknown> };
}
