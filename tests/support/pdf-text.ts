// Extract the text of a PDF, page by page, the way a reader (or a screen reader) would get it.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: string[];
  /** All pages joined, with runs of whitespace collapsed to one space. */
  text: string;
  info: Record<string, unknown>;
  /** The size (in points) of every piece of text, with its text and distance from the page's bottom edge. */
  sizes: { size: number; text: string; fromBottom: number }[];
}

export async function readPdfText(data: Uint8Array): Promise<PdfText> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  const sizes: PdfText['sizes'] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    for (const item of content.items) {
      if ('str' in item && item.str.trim() !== '')
        sizes.push({ size: Math.hypot(item.transform[0], item.transform[1]), text: item.str, fromBottom: item.transform[5] });
    }
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, text: pages.join('\n').replace(/\s+/g, ' '), info: info as Record<string, unknown>, sizes };
}
