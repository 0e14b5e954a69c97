// A printable's pages drawn from its PDF (pdf.js), so the teacher sees exactly what will print.
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js is loaded the first time a printable is shown. */
function loadPdfJs(base: string) {
  pdfjs ??= import('pdfjs-dist').then((module) => {
    module.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.min.mjs', base).href;
    return module;
  });
  return pdfjs;
}

/** Draw every page of the PDF into `container`, replacing what it showed, `width` CSS pixels wide. */
export async function showPdfPages(container: HTMLElement, pdf: Uint8Array, title: string, base: string, width: number): Promise<number> {
  const { getDocument } = await loadPdfJs(base);
  const document: PDFDocumentProxy = await getDocument({ data: pdf.slice(), isEvalSupported: false }).promise;
  const canvases: HTMLCanvasElement[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const unscaled = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / unscaled.width) * ratio });
      const canvas = window.document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${title}, page ${number} of ${document.numPages}`);
      await page.render({ canvas, viewport }).promise;
      canvases.push(canvas);
    }
  } finally {
    await document.destroy();
  }
  container.replaceChildren(...canvases);
  return canvases.length;
}
