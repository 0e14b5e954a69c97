// Create an accessible (tagged, PDF/UA) PDF for a lesson, and finish it with footers into bytes.
import type { LessonLabels } from '../labels/lesson-labels.ts';
import { pdfLabel, setPdfLabels } from './pdf-labels.ts';
import PDFDocument from 'pdfkit';
import type { LessonMeta } from '../lesson/model.ts';
import { concatBytes } from '../shared/zip-files.ts';
import { embeddedFont } from './embedded-fonts.ts';
import { printable } from '../shared/fonts.ts';
import { RIGHT_TO_LEFT, drawTextLine, isRightToLeft } from './typeset/bidi-lines.ts';
import { setTextLanguage, widthOfText, type Pdf } from './typeset/font-runs.ts';

export type { Pdf };

export const MARGIN = { top: 54, bottom: 60, left: 58, right: 58 };

export interface TaggedPdf {
  doc: Pdf;
  /** The root of the structure tree: everything printed belongs under it. */
  root: PDFKit.PDFStructureElement;
}

/**
 * A new PDF whose every page gets a footer (lesson title, page number) as it is added, so that pages can be written out
 * as soon as they are full: a 700-page printable never has to be held in memory whole.
 */
/** `date` is the document's date (shared/document-date.ts). */
export function createPdf(meta: LessonMeta, documentTitle: string, date: Date, labels: LessonLabels, lang = meta.lang ?? 'en'): TaggedPdf {
  const doc = new PDFDocument({
    size: meta.pageSize === 'A4' ? 'A4' : 'LETTER',
    margins: MARGIN,
    pdfVersion: '1.7',
    // No standard font (Helvetica) is loaded: every text is set in the embedded fonts below.
    font: null,
    tagged: true,
    subset: 'PDF/UA',
    lang,
    displayTitle: true,
    info: { Title: `${documentTitle} — ${meta.title}`, Author: meta.author ?? 'Lectern', Creator: 'Lectern', CreationDate: date, ModDate: date },
  } as unknown as PDFKit.PDFDocumentOptions); // @types/pdfkit does not know subset 'PDF/UA' yet
  // PDFKit accepts an opened font; its types only know files and buffers
  doc.registerFont('body', embeddedFont('pretendard-regular') as never);
  doc.registerFont('bold', embeddedFont('pretendard-bold') as never);
  setTextLanguage(doc, lang);
  setPdfLabels(doc, labels);
  doc.font('body').fontSize(11.5).fillColor('black');
  const footerTitle = `${meta.title} — ${documentTitle}`;
  let pageNumber = 1;
  drawFooter(doc, footerTitle, pageNumber);
  doc.on('pageAdded', () => drawFooter(doc, footerTitle, ++pageNumber));
  const root = doc.struct('Document');
  doc.addStructure(root);
  tagLinks(doc);
  markSpans(doc);
  return { doc, root };
}

/**
 * Glyphs whose text a PDF reader cannot work out from the glyphs alone: Arabic letters take joined shapes that letters
 * share, and Indic and Thai vowel signs and marks are reordered, stacked or merged into one glyph with their letter.
 */
const SHAPED = /[\p{M}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}]/u;

/**
 * Each piece of a line PDFKit sets is put in a marked span when it needs one: with its own language (`spanLang`, a
 * passage in another language than the PDF's), and with its text as written (ActualText) when its glyphs are shaped,
 * so copying, searching and screen readers get the words as written. A span never crosses a line or a page.
 */
function markSpans(doc: Pdf): void {
  type Fragment = (text: string, x: number, y: number, options: { spanLang?: string | null }) => void;
  type AddContent = (data: string) => Pdf;
  const internals = doc as unknown as {
    _fragment: Fragment;
    _font: { font: { layout: (text: string) => { glyphs: { codePoints: number[] }[] } } };
    page: { markings: unknown[] };
    addContent: AddContent;
  };
  const fragment = internals._fragment.bind(doc);
  const addContent = internals.addContent.bind(doc);
  const open = (options: { lang?: string; actual?: string }) => doc.markContent('Span' as never, options as never);
  // Not endMarkedContent: it also drops the link and underline of continued text, whose next lines need them.
  const close = () => {
    internals.page.markings.pop();
    addContent('EMC');
  };
  internals._fragment = (text, x, y, options) => {
    const lang = options.spanLang ?? undefined;
    const shaped = SHAPED.test(text);
    if (!lang && !shaped) return fragment(text, x, y, options);
    // Right-to-left glyphs are set in visual order, and a reader puts them back in reading order by their places:
    // each glyph gets the letters it stands for. Other shaped text gets its text as written, as one span.
    const glyphTexts =
      shaped && RIGHT_TO_LEFT.test(text) ? internals._font.font.layout(text).glyphs.map((glyph) => String.fromCodePoint(...glyph.codePoints)) : undefined;
    const actual = shaped && !glyphTexts ? text.replace(/\n/g, '') : undefined;
    let glyph = 0;
    // The spans go inside the text object (BT … ET), where the text's position and font are set: a reader that
    // places the ActualText does so with them.
    internals.addContent = (data) => {
      if (data === 'ET' && (lang || actual)) close();
      const shown = glyphTexts && /^\[(.*)\] TJ$/.exec(data);
      if (shown) {
        for (const [, hex, number] of shown[1].matchAll(/<([0-9a-f]*)>|(-?[\d.]+)/gi)) {
          if (number !== undefined) addContent(`[${number}] TJ`);
          else
            for (const code of hex.match(/.{4}/g) ?? []) {
              open({ actual: glyphTexts[glyph++] ?? '' });
              addContent(`[<${code}>] TJ`);
              close();
            }
        }
      } else addContent(data);
      if (data === 'BT' && (lang || actual)) open({ ...(lang ? { lang } : {}), ...(actual ? { actual } : {}) });
      return doc;
    };
    try {
      fragment(text, x, y, options);
    } finally {
      internals.addContent = addContent;
    }
  };
}

/**
 * Every link PDFKit makes for linked text is put in the structure tree, in a Link element beside the text it belongs
 * to, with a description of where it goes (PDF/UA: a screen reader announces the link and its destination).
 */
function tagLinks(doc: Pdf): void {
  type LinkMaker = (x: number, y: number, width: number, height: number, url: unknown, options?: Record<string, unknown>) => Pdf;
  const patched = doc as unknown as { link: LinkMaker; _currentStructureElement?: PDFKit.PDFStructureElement };
  const link = patched.link.bind(doc);
  patched.link = (x, y, width, height, url, options = {}) => {
    const parent = patched._currentStructureElement;
    if (options.structParent || !parent || typeof url !== 'string') return link(x, y, width, height, url, options);
    const element = doc.struct('Link' as never);
    parent.add(element);
    link(x, y, width, height, url, { ...options, structParent: element, Contents: new String(pdfLabel(doc, 'link.to', { url })) });
    element.end();
    return doc;
  };
}

/** The footer, drawn when a page is added, as a pagination artifact; the text in progress keeps its font and place. */
function drawFooter(doc: Pdf, footerTitle: string, pageNumber: number): void {
  // A page can be added in the middle of continued text (a line of bold and plain runs): the footer must not join that
  // text's line wrapper, or the rest of the paragraph is drawn into the footer's state and lost (and the page's
  // graphics state is left unbalanced).
  const state = doc as unknown as { _font: unknown; _fontSize: number; x: number; y: number; _wrapper: unknown; _textOptions: unknown };
  const { _font: font, _fontSize: fontSize, x, y, _wrapper: wrapper, _textOptions: textOptions } = state;
  state._wrapper = null;
  state._textOptions = null;
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0; // drawing inside the bottom margin must not start a new page
  const top = doc.page.height - 38;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  doc.save();
  doc.markContent('Artifact', { type: 'Pagination' } as never);
  doc.font('body').fontSize(9).fillColor('#333333');
  // The page number on the outer side: the right, or the left in a right-to-left language.
  const page = pdfLabel(doc, 'page.number', { number: pageNumber });
  const pageWidth = widthOfText(doc.font('body').fontSize(9), page, { bold: false });
  const rightToLeft = isRightToLeft(page);
  drawFooterTitle(doc, footerTitle, top, width - 90, rightToLeft ? MARGIN.left + 90 : MARGIN.left);
  drawTextLine(doc, page, rightToLeft ? MARGIN.left : MARGIN.left + width - pageWidth, top, 9);
  doc.endMarkedContent();
  doc.restore();
  doc.page.margins.bottom = bottom;
  Object.assign(state, { _font: font, _fontSize: fontSize, x, y, _wrapper: wrapper, _textOptions: textOptions });
}

/** The footer's title on one line, in as many fonts as its scripts need, shortened with "…" when it is too long. */
function drawFooterTitle(doc: Pdf, footerTitle: string, top: number, width: number, left: number): void {
  let title = printable(footerTitle);
  if (widthOfText(doc, title, { bold: false }) > width) {
    const characters = [...title];
    do characters.pop();
    while (characters.length > 0 && widthOfText(doc, `${characters.join('').trimEnd()}…`, { bold: false }) > width);
    title = `${characters.join('').trimEnd()}…`;
  }
  const drawn = widthOfText(doc, title, { bold: false });
  // A right-to-left title ends at the right margin.
  drawTextLine(doc, title, left === MARGIN.left ? left : left + width - drawn, top, 9);
}

/** Close the structure tree and collect the finished file. */
export function finishPdf({ doc, root }: TaggedPdf): Promise<Uint8Array> {
  root.end();
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(concatBytes(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
