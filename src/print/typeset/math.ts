// Math on paper: each formula is MathJax's SVG drawn as vector shapes, over its TeX source set in invisible text of the
// same width, so the line breaks around it like a word and text extraction, search and screen readers find the TeX.
import SVGtoPDF from 'svg-to-pdfkit';
import type { Math } from 'mdast-util-math';
import { texToSvg, type RenderedMath } from '../../math/tex-to-svg.ts';
import { givenSpeech } from '../../math/tex-to-speech.ts';
import { INK, ensureSpace, taggedContent, type TypesetContext } from './context.ts';
import { fontPieces, useFont, type FontPiece, type Pdf } from './font-runs.ts';

/** A piece of a formula's invisible TeX: spaced so that the formula's pieces together are as wide as its drawing. */
export interface MathPiece extends FontPiece {
  characterSpacing: number;
  /** The drawing and the size it is drawn at, and the formula's TeX, on the formula's first piece only. */
  math?: RenderedMath;
  mathSize?: number;
  tex?: string;
}

/**
 * MathJax's em is that of Computer Modern, whose letters are small beside Pretendard's (x-height 0.44 against 0.53 em):
 * formulas are drawn this much larger, as a browser does when it matches the x-heights.
 */
const INLINE_SCALE = 1.1;
const DISPLAY_SCALE = 1.2;

/** The TeX as one unbreakable word: its spaces become no-break spaces. */
const unbreakable = (tex: string) => tex.trim().replace(/\s+/g, '\u00a0');

/** The pieces of an inline formula in text of `size` points; one longer than the line (`width`) is drawn smaller. */
export function mathPieces(doc: Pdf, tex: string, size: number, width: number): MathPiece[] {
  const math = texToSvg(tex, false);
  const mathSize = Math.min(size * INLINE_SCALE, (0.98 * width) / math.width);
  const pieces = fontPieces(doc, unbreakable(tex), { bold: false, code: true });
  const characters = pieces.reduce((count, piece) => count + piece.text.length, 0);
  const natural = pieces.reduce((sum, piece) => sum + useFont(doc, piece.font).fontSize(size).widthOfString(piece.text), 0);
  // PDFKit's line breaking adds the spacing after every character, the last one too. Each character keeps a little
  // advance of its own, so extracted text keeps the TeX's order.
  const spacing = characters > 0 ? Math.max((math.width * mathSize - natural) / characters, (-0.9 * natural) / characters) : 0;
  return pieces.map((piece, index) => ({ ...piece, characterSpacing: spacing, ...(index === 0 ? { math, mathSize, tex } : {}) }));
}

const pending = new WeakMap<Pdf, { math: RenderedMath; size: number; color: string; alt: string }>();
const hooked = new WeakSet<Pdf>();

type Fragment = (text: string, x: number, y: number, options: object) => void;

/**
 * Set a formula's first piece: PDFKit places it (wrapping the line as needed), and where it lands, the drawing goes.
 * PDFKit tells where a piece of continued text lands only to its own `_fragment`, so that is where we listen.
 */
export function withMathDrawing(doc: Pdf, piece: MathPiece, color: string, draw: () => void): void {
  if (!hooked.has(doc)) {
    hooked.add(doc);
    const internals = doc as unknown as { _fragment: Fragment; _font: { ascender: number }; _fontSize: number };
    const original = internals._fragment.bind(doc);
    internals._fragment = (text, x, y, options) => {
      const formula = pending.get(doc);
      if (!formula || text.trim() === '') return original(text, x, y, options);
      pending.delete(doc);
      asFormula(doc, formula.alt, () => {
        original(text, x, y, options);
        const baseline = y + (internals._font.ascender / 1000) * internals._fontSize;
        drawSvg(doc, formula.math, x, baseline, formula.size, formula.color);
      });
    };
  }
  doc.fillOpacity(0);
  if (piece.math && piece.mathSize)
    pending.set(doc, { math: piece.math, size: piece.mathSize, color, alt: givenSpeech(piece.tex ?? piece.text, false) ?? piece.tex ?? piece.text });
  draw();
  pending.delete(doc);
  doc.fillOpacity(1);
}

interface OpenMarking {
  tag: string;
  options?: Record<string, unknown>;
  structContent?: { refs: unknown[]; push: (other: unknown) => void };
}

/**
 * Draw a formula inside a line of text as a Formula element of its own, between the text before it and the text after
 * it, with its spoken form as its alternate text (PDF/UA): the element whose text is being drawn gets three children,
 * in reading order, where it had one.
 */
function asFormula(doc: Pdf, alt: string, draw: () => void): void {
  const internals = doc as unknown as {
    page: { markings: OpenMarking[] };
    _currentStructureElement?: PDFKit.PDFStructureElement;
    markStructureContent: (tag: string, options?: Record<string, unknown>) => NonNullable<OpenMarking['structContent']>;
    addContent: (data: string) => Pdf;
  };
  const marking = internals.page.markings.at(-1);
  const parent = internals._currentStructureElement;
  const content = marking?.structContent;
  if (!marking || !parent || !content) return draw();
  // The text so far becomes a child of its own, before the formula; the element's content goes on after it.
  const before = Object.assign(Object.create(Object.getPrototypeOf(content) as object), { refs: content.refs }) as typeof content;
  content.refs = [];
  parent.add(before as never);
  // Not endMarkedContent: it also drops the link and underline of the continued text.
  internals.page.markings.pop();
  internals.addContent('EMC');
  const formula = doc.struct('Formula' as never, { alt });
  parent.add(formula);
  formula.add(draw);
  formula.end();
  const rest = internals.markStructureContent(marking.tag, marking.options);
  content.push(rest);
  internals.page.markings.at(-1)!.structContent = content;
}

/** Draw a formula with its baseline at `baseline`, scaled to text of `size` points. */
function drawSvg(doc: Pdf, math: RenderedMath, x: number, baseline: number, size: number, color: string): void {
  const width = math.width * size;
  const height = (math.ascent + math.descent) * size;
  // The drawing's own size is in ex of a browser's font: here it is given in points.
  const svg = math.svg
    .replace(/currentColor/g, color)
    .replace(/^<svg([^>]*?) style="[^"]*"/, '<svg$1')
    .replace(/^<svg([^>]*?) width="[^"]*"/, `<svg$1 width="${width}"`)
    .replace(/^<svg([^>]*?) height="[^"]*"/, `<svg$1 height="${height}"`);
  doc.save();
  doc.fillOpacity(1);
  SVGtoPDF(doc, svg, x, baseline - math.ascent * size, { width, height, assumePt: true });
  doc.restore();
}

/** The size display math is drawn at: a little larger than the text, and never wider than the column. */
function displaySize(math: RenderedMath, context: TypesetContext): number {
  const size = context.size * DISPLAY_SCALE;
  return math.width * size > context.width ? context.width / math.width : size;
}

export function displayMathHeight(node: Math, context: TypesetContext): number {
  const math = texToSvg(node.value, true);
  return (math.ascent + math.descent) * displaySize(math, context) + 12;
}

/** A display formula: centred on its own lines, never split by a page break, tagged as a formula with its TeX. */
export function typesetDisplayMath(node: Math, context: TypesetContext): void {
  const { doc } = context;
  const math = texToSvg(node.value, true);
  const size = displaySize(math, context);
  const height = (math.ascent + math.descent) * size;
  ensureSpace(context, height + 12);
  const top = doc.y + 4;
  const x = context.x + (context.width - math.width * size) / 2;
  taggedContent(
    context,
    'Formula',
    () => {
      // The TeX, invisible, on one line across the drawing (smaller when it is longer than the column).
      const tex = unbreakable(node.value);
      const font = fontPieces(doc, tex, { bold: false, code: true })[0]?.font ?? 'mono-regular';
      const natural = useFont(doc, font).fontSize(context.size).widthOfString(tex);
      const texSize = natural > context.width ? Math.max(1, (context.size * context.width) / natural) : context.size;
      useFont(doc, font).fontSize(texSize).fillOpacity(0);
      doc.text(tex, context.x, top + (height - texSize) / 2, { width: context.width, align: 'center', lineBreak: false });
      doc.fillOpacity(1);
      drawSvg(doc, math, x, top + math.ascent * size, size, INK);
    },
    // A screen reader says the formula in words ("v equals d over t"); its TeX stays the text to select and copy.
    { alt: givenSpeech(node.value, true) ?? node.value },
  );
  doc.x = context.x;
  doc.y = top + height + 8;
}
