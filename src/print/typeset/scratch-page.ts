// A PDF no one sees, to measure text and blocks by drawing them: PDFKit's own measuring does not follow text set in
// several fonts, and an estimate a line short is a line lost at the foot of a box.
import PDFDocument from 'pdfkit';
import { embeddedFont } from '../embedded-fonts.ts';
import { MARGIN, type Pdf } from '../pdf-document.ts';
import { setTextLanguage, textLanguage } from './font-runs.ts';

/** Tall enough that nothing measured on it ever reaches its foot (no page is added while measuring). */
const HEIGHT = 1_000_000;
/**
 * After this much drawing (a measurement counts 1, and 1 more for each line of height) a new scratch PDF replaces the
 * old one, so that what was drawn on it does not pile up: a PDFKit document keeps every page and every structure
 * element it ever had (its page tree, its structure tree and the tree of marked content), even once they are written.
 */
const LOAD = 2_000;
const LINE = 16;

interface Scratch {
  doc: Pdf;
  root: PDFKit.PDFStructureElement;
  lang: string;
  /** How much has been drawn on it, counted in measurements and in lines of height. */
  load: number;
}

/** One scratch PDF per page width and language; it is never written out. */
const scratches = new Map<string, Scratch>();

/** How many measurements are under way: one that measures inside another gets a scratch PDF of its own. */
let depth = 0;

function scratchLike(like: Pdf): Scratch {
  const lang = textLanguage(like) ?? 'en';
  const key = `${like.page.width} ${lang} ${depth}`;
  let scratch = scratches.get(key);
  if (!scratch || scratch.load >= LOAD) {
    const doc = new PDFDocument({ size: [like.page.width, HEIGHT], margins: MARGIN, font: null, tagged: true } as unknown as PDFKit.PDFDocumentOptions);
    // Nothing drawn on it is written out (and a PDF that is written to stays in memory until the event loop turns,
    // which it does not while a PDF is typeset).
    (doc as unknown as { _write: (data: unknown) => void })._write = () => undefined;
    // PDFKit accepts an opened font; its types only know files and buffers
    doc.registerFont('body', embeddedFont('pretendard-regular') as never);
    doc.registerFont('bold', embeddedFont('pretendard-bold') as never);
    setTextLanguage(doc, lang);
    scratch = { doc, root: newRoot(doc), lang, load: 0 };
    scratches.set(key, scratch);
  }
  return scratch;
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
