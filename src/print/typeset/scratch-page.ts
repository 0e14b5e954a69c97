// A PDF no one sees, to measure text and blocks by drawing them: PDFKit's own measuring does not follow text set in
// several fonts, and an estimate a line short is a line lost at the foot of a box.
import { pdfLabels, setPdfLabels } from '../pdf-labels.ts';
import PDFDocument from 'pdfkit';
import { embeddedFont } from '../embedded-fonts.ts';
import { MARGIN, type Pdf } from '../pdf-document.ts';
import { setTextLanguage, textLanguage } from './font-runs.ts';

/** Tall enough that nothing measured on it ever reaches its foot (no page is added while measuring). */
const HEIGHT = 1_000_000;
/**
 * After this much drawing (a measurement counts 1, and 1 more for each line of height) the scratch PDF turns to a new
 * page, which lets go of what was drawn on the last one.
 */
const LOAD = 2_000;
const LINE = 16;
/**
 * A scratch PDF that has turned this many pages is let go between two PDFs, and a new one made: a PDFKit document keeps
 * every page and structure element it ever had (its page tree, its structure tree and the tree of marked content), so a
 * worker's live heap grew from 30 to 67 MB over a library of 100 lessons.
 */
const PAGES = 4;

interface Scratch {
  doc: Pdf;
  root: PDFKit.PDFStructureElement;
  lang: string;
  /** How much has been drawn on its page, counted in measurements and in lines of height. */
  load: number;
  pages: number;
}

/** One scratch PDF per page width and language; it is never written out. */
const scratches = new Map<string, Scratch>();

/** How many measurements are under way: one that measures inside another gets a scratch PDF of its own. */
let depth = 0;

function scratchLike(like: Pdf): Scratch {
  const lang = textLanguage(like) ?? 'en';
  const key = `${like.page.width} ${lang} ${depth}`;
  let scratch = scratches.get(key);
  if (scratch && scratch.load >= LOAD) {
    scratch.root.end();
    scratch.doc.addPage();
    scratch.root = newRoot(scratch.doc);
    scratch.load = 0;
    scratch.pages++;
  }
  if (!scratch) {
    const doc = new PDFDocument({ size: [like.page.width, HEIGHT], margins: MARGIN, font: null, tagged: true } as unknown as PDFKit.PDFDocumentOptions);
    // Nothing drawn on it is written out (and a PDF that is written to stays in memory until the event loop turns,
    // which it does not while a PDF is typeset).
    (doc as unknown as { _write: (data: unknown) => void })._write = () => undefined;
    // Nor is its text set: PDFKit lays out each line (where it breaks, how far down it goes) before it hands the line
    // to `_fragment`, which only writes the line's glyphs into the page. Measuring needs the layout, not the glyphs.
    (doc as unknown as { _fragment: () => void })._fragment = () => undefined;
    // PDFKit accepts an opened font; its types only know files and buffers
    doc.registerFont('body', embeddedFont('pretendard-regular') as never);
    doc.registerFont('bold', embeddedFont('pretendard-bold') as never);
    setTextLanguage(doc, lang);
    scratch = { doc, root: newRoot(doc), lang, load: 0, pages: 1 };
    scratches.set(key, scratch);
  }
  // What it measures is written in the lesson's words, as on the real page.
  setPdfLabels(scratch.doc, pdfLabels(like));
  return scratch;
}

/**
 * Let go of the scratch PDFs that have turned PAGES pages. Only between two PDFs: a new PDFKit document (a readable
 * stream) queues a callback that holds it until the event loop turns, which it does not while a PDF is typeset; new
 * scratch PDFs made while a 2,000-slide PDF was typeset piled up until the worker ran out of memory.
 */
export function renewScratchPages(): void {
  for (const [key, scratch] of scratches) if (scratch.pages >= PAGES) scratches.delete(key);
}

/** A structure root attached to the document: PDFKit runs a tagged element's drawing only once it is attached. */
function newRoot(doc: Pdf): PDFKit.PDFStructureElement {
  const root = doc.struct('Document');
  doc.addStructure(root);
  return root;
}

/** Run `draw` at the top of a scratch page like `like`'s (same width and language) and give back what it returns. */
export function onScratchPage<T>(like: Pdf, draw: (page: { doc: Pdf; root: PDFKit.PDFStructureElement; top: number }) => T): T {
  const scratch = scratchLike(like);
  const { doc, root } = scratch;
  const state = doc as unknown as { _wrapper: unknown; _textOptions: unknown };
  state._wrapper = null;
  state._textOptions = null;
  doc.x = MARGIN.left;
  doc.y = MARGIN.top;
  depth++;
  try {
    return draw({ doc, root, top: MARGIN.top });
  } finally {
    depth--;
    scratch.load += 1 + (doc.y - MARGIN.top) / LINE;
  }
}
