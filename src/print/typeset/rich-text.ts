// Paragraph text with bold, emphasis and links, wrapped in the current column.
import type { PhrasingContent } from 'mdast';
import { printable } from '../../shared/fonts.ts';
import { keepUnitsTogether } from './keep-units-together.ts';
import { RIGHT_TO_LEFT, breakLines, isRightToLeft, visualOrder, type StyledPiece } from './bidi-lines.ts';
import { INK, LINE_GAP, MUTED, type TypesetContext } from './context.ts';
import { fontPieces, useFont, type FontPiece } from './font-runs.ts';
import { mathPieces, withMathDrawing, type MathPiece } from './math.ts';
import type { RenderedMath } from '../../math/tex-to-svg.ts';
import { onScratchPage } from './scratch-page.ts';

export interface Run {
  text: string;
  bold: boolean;
  /** Emphasis prints in grey: the fonts have no italic. */
  muted: boolean;
  link?: string;
  /** Code prints in the monospaced font. */
  code?: boolean;
  /** The text is a formula's TeX: drawn as the formula (see math.ts). */
  math?: boolean;
  /** A colour of its own (a kind of code token). */
  color?: string;
  /** The language of a passage the lesson marked (`[Guten Tag]{lang=de}`). */
  lang?: string;
}

export function runsOf(nodes: PhrasingContent[], style: Omit<Run, 'text'> = { bold: false, muted: false }): Run[] {
  return nodes.flatMap((node): Run[] => {
    switch (node.type) {
      case 'text':
        return [{ ...style, text: node.value.replace(/\s*\n\s*/g, ' '), ...(node.data?.lang ? { lang: node.data.lang } : {}) }];
      case 'inlineCode':
        return [{ ...style, code: true, text: node.value.replace(/\s*\n\s*/g, ' ') }];
      case 'inlineMath':
        return [{ ...style, math: true, text: node.value.replace(/\s+/g, ' ') }];
      case 'strong':
        return runsOf(node.children, { ...style, bold: true });
      case 'emphasis':
      case 'delete':
        return runsOf(node.children, { ...style, muted: true });
      case 'link':
        return runsOf(node.children, { ...style, link: node.url });
      case 'break':
        return [{ ...style, text: '\n' }];
      case 'image':
        return node.alt ? [{ ...style, text: `[${node.alt}]` }] : [];
      case 'html':
        // Print templates may break a line with <br>; any other HTML is ignored on paper.
        return /^<br\s*\/?>$/i.test(node.value) ? [{ ...style, text: '\n' }] : [];
      default:
        return 'children' in node ? runsOf(node.children as PhrasingContent[], style) : [];
    }
  });
}

export function plainOf(runs: Run[]): string {
  return runs.map((run) => run.text).join('');
}

/**
 * Heights already measured, by font, size, width and text: the same paragraph is measured to keep it with a heading,
 * then again to place it, and every PDF of a lesson sets much the same text. Cleared when full, to bound memory.
 */
const measured = new Map<string, number>();
const MAX_MEASURED = 20_000;
/** Longer texts are measured again when asked (a slide split word by word asks for many long, different texts). */
const MAX_MEASURED_KEY = 2_000;

/** The height the runs take in a column of `width` points (bold runs measured as bold when they are all bold). */
export function measureRuns(context: TypesetContext, runs: Run[], width = context.width, size = context.size): number {
  // Measured line by line (a <br> starts a line), each in bold when all of it is bold, as drawRuns will draw it.
  return splitLines(runs).reduce((total, line) => {
    const bold = line.length > 0 && line.every((run) => run.bold);
    const pieces = line.flatMap((run) => piecesOf(context.doc, run, size, width, bold));
    const key = `${size} ${width} ${pieces.map((piece) => `${piece.font}\u0001${piece.text}\u0001${piece.characterSpacing ?? ''}`).join('\u0002')}`;
    let height = measured.get(key);
    if (height === undefined) {
      height = measurePieces(context, pieces, width, size);
      if (measured.size >= MAX_MEASURED) measured.clear();
      if (key.length <= MAX_MEASURED_KEY) measured.set(key, height);
    }
    return total + height;
  }, 0);
}

/** The pieces a run is set in: its text, font by font, or a formula's invisible TeX. */
function piecesOf(
  doc: TypesetContext['doc'],
  run: Run,
  size: number,
  width: number,
  bold = run.bold,
): readonly (FontPiece & { characterSpacing?: number; math?: RenderedMath })[] {
  return run.math
    ? mathPieces(doc, run.text, size, width)
    : fontPieces(doc, printable(run.code ? run.text : keepUnitsTogether(run.text)), { bold, code: run.code }, run.lang);
}

function measurePieces(context: TypesetContext, pieces: (FontPiece & { characterSpacing?: number })[], width: number, size: number): number {
  const { doc } = context;
  const styled = pieces.map((piece) => ({ ...piece, style: undefined }));
  const text = styled.map((piece) => piece.text).join('');
  // Measured on a page no one sees, never on the PDF itself: a font opened there to measure would take its place in the
  // PDF in the order of measuring, which a height found in the cache skips, and the PDF's bytes would depend on what
  // was typeset before it.
  if (RIGHT_TO_LEFT.test(text))
    return onScratchPage(doc, ({ doc: page }) => {
      useFont(page, styled[0].font).fontSize(size);
      return breakLines(page, styled, width, size).length * (page.currentLineHeight(true) + LINE_GAP);
    });
  if (styled.length <= 1)
    return onScratchPage(doc, ({ doc: page }) =>
      useFont(page, styled[0]?.font ?? 'pretendard-regular')
        .fontSize(size)
        .heightOfString(styled[0]?.text || ' ', { width, lineGap: LINE_GAP, characterSpacing: styled[0]?.characterSpacing ?? 0 }),
    );
  // Several fonts on a line: set as continued text, exactly as drawLine does, on a page no one sees (PDFKit's own
  // measuring does not follow continued text in several fonts).
  return onScratchPage(doc, ({ doc: page, top }) => {
    styled.forEach((piece, index) => {
      useFont(page, piece.font).fontSize(size);
      const options = { width, lineGap: LINE_GAP, continued: index < styled.length - 1, align: 'left' as const, characterSpacing: piece.characterSpacing ?? 0 };
      if (index === 0) page.text(piece.text, context.x, top, options);
      else page.text(piece.text, options);
    });
    return page.y - top;
  });
}

/** Runs cut into lines at each "\n" (a <br>, a line of code); an empty line has no runs. */
export function splitLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part !== '') lines.at(-1)!.push({ ...run, text: part });
    });
  }
  return lines;
}

/** Draw runs at the current position; the caller has tagged the content. A "\n" run (a <br>) starts a new line. */
export function drawRuns(context: TypesetContext, runs: Run[], options: TextOptions = {}): void {
  for (const line of splitLines(runs)) drawLine(context, line.length > 0 ? line : [{ text: ' ', bold: false, muted: false }], options);
}

interface TextOptions {
  x?: number;
  width?: number;
  size?: number;
  color?: string;
  /** Left-to-right lines flush right (a date in a right-to-left timeline); right-to-left lines always are. */
  align?: 'left' | 'right';
}

function colorOf(run: Run, options: TextOptions): string {
  return run.link ? '#0b3d91' : (run.color ?? (run.muted ? MUTED : (options.color ?? INK)));
}

function drawLine(context: TypesetContext, visible: Run[], options: TextOptions): void {
  const { doc } = context;
  const x = options.x ?? context.x;
  const width = options.width ?? context.width;
  const size = options.size ?? context.size;
  // Inside a box (a card, a slide) text is never cut short here: boxes are filled by drawn measurements, and a line
  // that still ran past a box's foot must show, not vanish. It only never reaches past the page, where PDFKit would
  // start a new page in the middle of a box.
  const room = context.bottom === undefined ? undefined : pageFoot(doc) - doc.y;
  const pieces = visible.flatMap((run) => piecesOf(doc, run, size, width).map((piece) => ({ ...piece, style: run })));
  if (RIGHT_TO_LEFT.test(pieces.map((piece) => piece.text).join(''))) return drawBidiLine(context, pieces, { ...options, x, width, size });
  pieces.forEach((piece, index) => {
    const run = piece.style;
    useFont(doc, piece.font).fontSize(size).fillColor(colorOf(run, options));
    const textOptions = {
      width,
      lineGap: LINE_GAP,
      continued: index < pieces.length - 1,
      link: run.link ?? null,
      underline: Boolean(run.link),
      align: options.align ?? 'left',
      characterSpacing: piece.characterSpacing ?? 0,
      // Read by the PDF's span marking (pdf-document.ts); null, so continued text does not inherit the last piece's.
      spanLang: piece.lang ?? null,
      ...(room !== undefined ? { height: Math.max(room, size) } : {}),
    };
    const draw = () => (index === 0 ? doc.text(piece.text, x, doc.y, textOptions) : doc.text(piece.text, textOptions));
    if (run.math) withMathDrawing(doc, piece as MathPiece, colorOf(run, options), draw);
    else draw();
  });
  doc.x = context.x;
}

/** A line with right-to-left text: broken into lines here, each drawn piece by piece in visual order. */
function drawBidiLine(context: TypesetContext, pieces: StyledPiece<Run>[], options: Required<Omit<TextOptions, 'color' | 'align'>> & TextOptions): void {
  const { doc } = context;
  const rightToLeft = isRightToLeft(pieces.map((piece) => piece.text).join(''));
  const lineHeight = useFont(doc, pieces[0].font).fontSize(options.size).currentLineHeight(true) + LINE_GAP;
  for (const line of breakLines(doc, pieces, options.width, options.size)) {
    if (doc.y + lineHeight - LINE_GAP > (context.bottom === undefined ? pageBottomOf(context) : pageFoot(doc))) {
      if (context.bottom !== undefined) break;
      (doc as unknown as { continueOnNewPage: () => void }).continueOnNewPage();
    }
    const segments = visualOrder(doc, line, rightToLeft, options.size);
    const lineWidth = segments.reduce((sum, segment) => sum + segment.width, 0);
    let x = rightToLeft ? options.x + options.width - lineWidth : options.x;
    const y = doc.y;
    for (const segment of segments) {
      const run = segment.style;
      useFont(doc, segment.font).fontSize(options.size).fillColor(colorOf(run, options));
      doc.text(segment.text, x, y, {
        lineBreak: false,
        link: run.link ?? null,
        underline: Boolean(run.link),
        spanLang: segment.lang ?? null,
      } as PDFKit.Mixins.TextOptions);
      x += segment.width;
    }
    doc.y = y + lineHeight;
  }
  doc.x = context.x;
}

/** The foot of the page's text area. */
function pageFoot(doc: TypesetContext['doc']): number {
  return doc.page.height - doc.page.margins.bottom;
}

function pageBottomOf(context: TypesetContext): number {
  return context.bottom ?? context.doc.page.height - context.doc.page.margins.bottom;
}
