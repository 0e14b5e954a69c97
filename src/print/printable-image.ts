// Which images the PDFs can show: PDFKit reads PNG and JPEG files, and only undamaged ones.
import PDFDocument from 'pdfkit';

let probe: PDFKit.PDFDocument | undefined;

export function isPrintableImage(data: Uint8Array): boolean {
  const png = data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47;
  const jpeg = data[0] === 0xff && data[1] === 0xd8;
  if (!png && !jpeg) return false;
  try {
    probe ??= new PDFDocument({ autoFirstPage: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
    probe.openImage(new Uint8Array(data));
    return true;
  } catch {
    return false;
  }
}
