// Create a PDF for a lesson (page size, embedded fonts, metadata) and finish it with footers into a Buffer.
import PDFDocument from 'pdfkit';
import type { LessonMeta } from '../lesson/model.ts';
import { FONT_FILES } from './fonts.ts';

export type Pdf = PDFKit.PDFDocument;

export const MARGIN = { top: 54, bottom: 60, left: 58, right: 58 };

/**
 * The PDF's date, so that building the same lesson twice gives the same bytes: the lesson's `date`, else the
 * standard SOURCE_DATE_EPOCH (seconds since 1970) when it is set, else a fixed date.
 */
export function pdfDate(meta: Pick<LessonMeta, 'date'>, sourceDateEpoch = process.env.SOURCE_DATE_EPOCH): Date {
  if (meta.date) return new Date(`${meta.date}T00:00:00Z`);
  const seconds = Number(sourceDateEpoch);
  if (sourceDateEpoch && Number.isInteger(seconds) && seconds >= 0) return new Date(seconds * 1000);
  return new Date(Date.UTC(2000, 0, 1));
}

export function createPdf(meta: LessonMeta, documentTitle: string): Pdf {
  const date = pdfDate(meta);
  const doc = new PDFDocument({
    size: meta.pageSize === 'A4' ? 'A4' : 'LETTER',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: `${documentTitle} — ${meta.title}`, Author: meta.author ?? 'Lectern', Creator: 'Lectern', CreationDate: date, ModDate: date },
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('body', FONT_FILES.body);
  doc.registerFont('bold', FONT_FILES.bold);
  doc.font('body').fontSize(11).fillColor('black');
  return doc;
}

/** Draw the footer (lesson title, page n of N) on every page, then collect the finished file. */
export function finishPdf(doc: Pdf, footerTitle: string): Promise<Buffer> {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // drawing inside the bottom margin must not start a new page
    const y = doc.page.height - 38;
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    doc.font('body').fontSize(9).fillColor('#333333');
    doc.text(footerTitle, MARGIN.left, y, { width: width - 90, lineBreak: false, ellipsis: true });
    doc.text(`Page ${index + 1} of ${range.count}`, MARGIN.left, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
