// Lesson model → an editable PowerPoint file (pptxgenjs): one slide per deck slide, titles in the title placeholder,
// text, lists, tables and blocks as native objects, speaker notes in the notes pane. Never the model answers on a slide.
import { plainFormula, texOf } from '../lesson/inline-math-text.ts';
import { speechOf } from '../math/tex-to-speech.ts';
import { texToMathML, texToSvg } from '../math/tex-to-svg.ts';
import { dateInLanguage } from '../labels/lesson-date.ts';
import { label, type LessonLabels } from '../labels/lesson-labels.ts';
import pptxgenjs from 'pptxgenjs';
import { lessonLanguage } from '../lesson/lesson-language.ts';
import { languageParts } from '../lesson/language-parts.ts';
import { toBase64 } from '../shared/base64.ts';
import type { Lesson } from '../lesson/model.ts';
import {
  BODY,
  DEBATE_COLUMN,
  GAP,
  INDENT,
  LEGEND_SIZE,
  SWATCH,
  legendRowHeight,
  mapLayout,
  INSET_PT,
  PARAGRAPH_SPACE_PT,
  SLIDE,
  TIMELINE_DATE,
  columnBoxes,
  equationBox,
  motionHeight,
  pieceHeight,
  paginate,
  roleBoxWidth,
  roleParagraphs,
  roleRowHeights,
  tableColumnWidths,
  timelineEventWidth,
  ROLE_COLUMNS,
  type Placed,
} from './layout-pieces.ts';
import { imageSize } from './image-size.ts';
import { reproducibleZip } from './reproducible-zip.ts';
import { loadRasterizer, svgToPng } from './svg-to-png.ts';
import { equationStandIn, inlineFormulaMark, slideEquation, type SlideEquation } from './slide-equations.ts';
import { mathMLToOmml } from '../math/mathml-to-omml.ts';
import { BODY_SIZE, slidePieces, type Paragraph, type Piece, type Run } from './slide-pieces.ts';
import { shadeSwatch } from '../lesson/geography/map-svg.ts';
import { DECORATIVE } from './decorative-pictures.ts';
import { generatedNoteLines, slideNoteLines } from './speaker-notes-text.ts';

/** A font every copy of PowerPoint, Keynote and Google Slides has. */
export const PPTX_FONT = 'Arial';
/** The deck's white theme: dark grey on white (15.9:1); links dark blue (7.1:1); a muted grey for small print (7.5:1). */
const TEXT = '222222';
const LINK = '1A4F9C';
const MUTED = '4A4A4A';
const RULE = 'BFBFBF';
const FILL = 'F2F2F2';
const CODE_FONT = 'Courier New';

// The package's types describe its CommonJS build, where the class is the default export's `default`; Node's ESM
// import gives the class itself.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;
type Slide = pptxgenjs.default.Slide;
type TextRun = pptxgenjs.default.TextProps;

interface Context {
  lang: string;
  rtl: boolean;
  /** Lectern's words, in the lesson's language. */
  labels: LessonLabels;
  /** The file's equations so far, in order (slide-equations.ts). */
  equations: SlideEquation[];
  /** The file's formulas in sentences so far, as Office Math, by their mark (slide-equations.ts). */
  inlineEquations: string[];
}

const EMU = 914_400;

function textRuns(paragraphs: Paragraph[], context: Context): TextRun[] {
  const runs: TextRun[] = [];
  const listStart = new Map<number, number>();
  let previous: Paragraph | undefined;
  for (const paragraph of paragraphs) {
    const level = paragraph.level ?? 0;
    if (paragraph.bullet === 'number') {
      const continues = previous?.bullet === 'number' && (previous.level ?? 0) === level;
      if (!continues && !(previous && (previous.level ?? 0) > level && listStart.has(level))) listStart.set(level, paragraph.number ?? 1);
    }
    const bullet =
      paragraph.bullet === 'number'
        ? { type: 'number' as const, numberStartAt: listStart.get(level) ?? 1, indent: INDENT * 72 }
        : paragraph.bullet === 'bullet'
          ? { indent: INDENT * 72 }
          : false;
    const pieces: Run[] = paragraph.runs.length > 0 ? languageRuns(paragraph.runs, context.lang) : [{ text: '' }];
    pieces.forEach((run, index) => {
      const color = run.link ? LINK : TEXT;
      runs.push({
        text: runText(run, paragraph.size, color, context),
        options: {
          fontSize: paragraph.size,
          bold: run.bold === true || paragraph.bold === true,
          italic: run.italic === true || paragraph.italic === true,
          color,
          fontFace: run.code ? CODE_FONT : PPTX_FONT,
          lang: run.lang ?? context.lang,
          rtlMode: context.rtl,
          ...(run.link ? { hyperlink: { url: run.link } } : {}),
          ...(run.breakBefore && index > 0 ? { softBreakBefore: true } : {}),
          // Paragraph settings go on a paragraph's first run only: pptxgenjs writes them once per run that has them.
          ...(index === 0 ? { bullet, paraSpaceAfter: PARAGRAPH_SPACE_PT, ...(level > 0 ? { indentLevel: level } : {}) } : {}),
          ...(index === pieces.length - 1 ? { breakLine: true } : {}),
        },
      });
    });
    previous = paragraph;
  }
  return runs;
}

/** Runs cut where a passage in another script than the lesson's starts and ends, each passage with its language. */
function languageRuns(runs: Run[], lang: string): Run[] {
  return runs.flatMap((run) =>
    run.code || run.lang || run.formula !== undefined
      ? [run]
      : languageParts(run.text, lang).map((part, index) => ({
          ...run,
          text: part.text,
          ...(index > 0 ? { breakBefore: false } : {}),
          ...(part.lang ? { lang: part.lang } : {}),
        })),
  );
}

const boxOptions = (x: number, y: number, w: number, h: number): pptxgenjs.default.TextPropsOptions => ({
  x,
  y,
  w,
  h,
  valign: 'top',
  margin: INSET_PT,
  fit: 'shrink',
  fontFace: PPTX_FONT,
  color: TEXT,
});

/** A run's text; a formula's starts with the mark of its equation, made here (slide-equations.ts). */
function runText(run: Run, size: number, color: string, context: Context): string {
  if (run.formula === undefined) return run.text;
  const mark = inlineFormulaMark(context.inlineEquations.length);
  context.inlineEquations.push(mathMLToOmml(texToMathML(run.formula, false), { lang: run.lang ?? context.lang, size, color }));
  return `${mark}${run.text}`;
}

function cell(runs: Run[], size: number, context: Context, header: boolean): pptxgenjs.default.TableCell {
  return {
    text: languageRuns(runs, context.lang).map((run) => ({
      text: runText(run, size, run.link ? LINK : TEXT, context),
      options: {
        fontSize: size,
        bold: header || run.bold === true,
        italic: run.italic === true,
        color: run.link ? LINK : TEXT,
        fontFace: run.code ? CODE_FONT : PPTX_FONT,
        lang: run.lang ?? context.lang,
        ...(run.link ? { hyperlink: { url: run.link } } : {}),
        ...(run.breakBefore ? { softBreakBefore: true } : {}),
      },
    })),
    options: { fontSize: size, ...(header ? { fill: { color: FILL } } : {}) },
  };
}

/** Piece kind → how it is drawn on a slide, at `y`, `height` inches tall. */
const drawers: { [K in Piece['kind']]: (slide: Slide, piece: Extract<Piece, { kind: K }>, placed: Placed, context: Context) => void } = {
  text(slide, piece, { y, height, x = BODY.x, width = BODY.width }, context) {
    if (piece.frame === 'quote') {
      slide.addShape('rect', { x, y, w: 0.08, h: height, fill: { color: RULE }, line: { color: RULE, width: 0 } });
      slide.addText(textRuns(piece.paragraphs, context), boxOptions(x + 0.3, y, width - 0.3, height));
    } else if (piece.frame === 'box') {
      slide.addText(textRuns(piece.paragraphs, context), {
        ...boxOptions(x, y, width, height),
        margin: INSET_PT + 8,
        line: { color: RULE, width: 1 },
        fill: { color: 'FFFFFF' },
      });
    } else slide.addText(textRuns(piece.paragraphs, context), boxOptions(x, y, width, height));
  },
  columns(slide, piece, { y, height, x = BODY.x, width = BODY.width }, context) {
    // Each column is its own text areas, side by side; a column taller than the room shares it (its text shrinks to fit).
    for (const column of columnBoxes(piece, x, width)) {
      const heights = column.pieces.map((inner) => pieceHeight(inner, column.width));
      const total = heights.reduce((sum, each) => sum + each + GAP, -GAP);
      const scale = total > height ? height / total : 1;
      let top = y;
      column.pieces.forEach((inner, index) => {
        const placed = { piece: inner, y: top, height: heights[index] * scale, x: column.x, width: column.width };
        (drawers[inner.kind] as (slide: Slide, piece: Piece, placed: Placed, context: Context) => void)(slide, inner, placed, context);
        top += placed.height + GAP * scale;
      });
    }
  },
  table(slide, piece, { y, x = BODY.x, width = BODY.width }, context) {
    const rows = [
      piece.header.map((runs) => cell(runs, piece.size, context, true)),
      ...piece.rows.map((row) => row.map((runs) => cell(runs, piece.size, context, false))),
    ];
    slide.addTable(rows, {
      x,
      y,
      w: width,
      colW: tableColumnWidths(piece, width),
      fontFace: PPTX_FONT,
      color: TEXT,
      border: { type: 'solid', pt: 1, color: RULE },
      margin: 0.05,
      valign: 'top',
    });
  },
  image(slide, piece, { y, height, x = BODY.x, width = BODY.width }, context) {
    const w = (height * piece.width) / piece.height;
    slide.addImage({
      data: `${piece.mime};base64,${toBase64(piece.data)}`,
      // Centred on the slide; in a column, at the column's left edge like its text.
      x: x === BODY.x && width === BODY.width ? x + (width - w) / 2 : x,
      y,
      w,
      h: height,
      altText: piece.alt,
    });
    if (piece.mime === 'image/svg+xml') givePictureFallback(slide, new TextDecoder().decode(piece.data), w, context.lang);
  },
  map(slide, piece, { y, height, x = BODY.x, width = BODY.width }, context) {
    const layout = mapLayout(piece, width, height);
    const svg = new TextDecoder().decode(piece.data);
    slide.addImage({ data: `image/svg+xml;base64,${toBase64(piece.data)}`, x, y, w: layout.imageWidth, h: layout.imageHeight, altText: piece.alt });
    givePictureFallback(slide, svg, layout.imageWidth, context.lang);
    // The legend beside it: each shading's swatch (decoration: the line's words say what it means), then its words.
    const left = x + layout.columnX;
    let top = y;
    piece.legend.forEach((line, index) => {
      const rowHeight = legendRowHeight(line.text, layout.columnWidth);
      const swatch = shadeSwatch(line.shade, `legend-${index}`);
      slide.addImage({
        data: `image/svg+xml;base64,${toBase64(new TextEncoder().encode(swatch))}`,
        x: left,
        y: top + 0.06,
        w: SWATCH.width,
        h: SWATCH.height,
        altText: DECORATIVE,
      });
      givePictureFallback(slide, swatch, SWATCH.width, context.lang);
      const textX = left + SWATCH.width + SWATCH.gap;
      slide.addText(
        textRuns([{ runs: [{ text: line.text }], size: LEGEND_SIZE }], context),
        boxOptions(textX, top, left + layout.columnWidth - textX, rowHeight),
      );
      top += rowHeight;
    });
    if (piece.legend.length > 0) top += GAP;
    slide.addText(textRuns(piece.paragraphs, context), boxOptions(left, top, layout.columnWidth, Math.max(0.4, y + height - top)));
  },
  equation(slide, piece, { y, height, x = BODY.x, width = BODY.width }, context) {
    const box = equationBox(piece, width);
    const scale = Math.min(1, height / box.height);
    const w = box.width * scale;
    // The picture is the formula's drawing; its box adds the text box's insets around it.
    const h = ((piece.height * box.size) / 72) * scale;
    const index = context.equations.length;
    const emu = (inches: number) => Math.round(inches * EMU);
    // The equation takes the picture's place and size: LibreOffice fits its formula to the box it is given.
    const left = x + (width - w) / 2;
    const top = y + (height - h) / 2;
    context.equations.push(
      slideEquation(
        texToMathML(piece.tex, true),
        { lang: context.lang, size: box.size * scale, color: TEXT },
        speechOf(piece.tex, true, context.lang) ?? plainFormula(piece.tex),
        { x: emu(left), y: emu(top), width: emu(w), height: emu(h) },
      ),
    );
    const svg = texToSvg(piece.tex, true).svg.replace(/currentColor/g, `#${TEXT}`);
    slide.addImage({ data: `image/svg+xml;base64,${toBase64(new TextEncoder().encode(svg))}`, x: left, y: top, w, h, altText: equationStandIn(index) });
    givePictureFallback(slide, svg, w, context.lang);
  },
  debate(slide, piece, { y, height }, context) {
    let top = y;
    if (!piece.repeatMotion) {
      const motion = motionHeight(piece, BODY.width);
      slide.addText(textRuns([{ runs: piece.motion, size: 22 }], context), boxOptions(BODY.x, top, BODY.width, motion));
      top += motion + GAP;
    }
    const column = DEBATE_COLUMN(BODY.width);
    (
      [
        [label(context.labels, 'debate.for'), piece.for],
        [label(context.labels, 'debate.against'), piece.against],
      ] as const
    ).forEach(([side, args], index) => {
      const x = BODY.x + index * (column + GAP);
      const paragraphs: Paragraph[] = [{ runs: [{ text: side }], size: 22, bold: true }, ...args.flat()];
      slide.addText(textRuns(paragraphs, context), {
        ...boxOptions(x, top, column, y + height - top),
        margin: INSET_PT + 4,
        fill: { color: FILL },
        line: { color: RULE, width: 1 },
      });
    });
  },
  roles(slide, piece, { y }, context) {
    const width = roleBoxWidth(piece.roles.length, BODY.width);
    const heights = roleRowHeights(piece.roles, BODY.width);
    let top = y;
    heights.forEach((rowHeight, row) => {
      piece.roles.slice(row * ROLE_COLUMNS, (row + 1) * ROLE_COLUMNS).forEach((role, column) => {
        slide.addText(textRuns(roleParagraphs(role), context), {
          ...boxOptions(BODY.x + column * (width + GAP), top, width, rowHeight),
          margin: INSET_PT + 4,
          fill: { color: FILL },
          line: { color: RULE, width: 1 },
          rectRadius: 0.1,
          shape: 'roundRect',
        });
      });
      top += rowHeight + GAP;
    });
  },
  'timeline-line'(slide, piece, { y, height }, context) {
    const step = BODY.width / piece.events.length;
    const lineY = y + TIMELINE_DATE + 0.1;
    slide.addShape('line', { x: BODY.x, y: lineY, w: BODY.width, h: 0, line: { color: MUTED, width: 2 } });
    piece.events.forEach((event, index) => {
      const x = BODY.x + index * step;
      slide.addShape('ellipse', { x: x + 0.05, y: lineY - 0.09, w: 0.18, h: 0.18, fill: { color: TEXT }, line: { color: TEXT, width: 0 } });
      slide.addText(textRuns([{ runs: event.date, size: 18, bold: true }], context), boxOptions(x, y, step - 0.1, TIMELINE_DATE));
      slide.addText(
        textRuns([{ runs: event.event, size: 16 }], context),
        boxOptions(x, lineY + 0.2, timelineEventWidth(piece.events.length, BODY.width), y + height - lineY - 0.2),
      );
    });
  },
};

function drawPage(slide: Slide, page: Placed[], context: Context): void {
  for (const placed of page)
    (drawers[placed.piece.kind] as (slide: Slide, piece: Piece, placed: Placed, context: Context) => void)(slide, placed.piece, placed, context);
}

function addNotes(slide: Slide, lines: string[]): void {
  if (lines.length > 0) slide.addNotes(lines.join('\n'));
}

/** Pixels per inch of a drawn picture's PNG copy: sharp on a projector, small enough to mail. */
const PNG_DPI = 150;

/**
 * pptxgenjs gives an SVG picture a PNG copy for readers that cannot show SVG: in a browser it draws one with the page's
 * canvas (which a Web Worker has not), in Node it puts a "broken picture" icon. Both hosts draw it with resvg instead
 * (svg-to-png.ts), so the file is the same wherever it is made.
 */
function givePictureFallback(slide: Slide, svg: string, inches: number, lang: string): void {
  const media = (slide as unknown as { _relsMedia: { isSvgPng?: boolean; data?: string }[] })._relsMedia;
  for (const rel of media.filter((entry) => entry.isSvgPng)) {
    rel.isSvgPng = false;
    rel.data = `image/png;base64,${toBase64(svgToPng(svg, Math.max(200, inches * PNG_DPI), lang))}`;
  }
}

/** Whether a slide's pieces hold a drawn picture (a map, a formula), which needs resvg for its PNG copy. */
const drawsPictures = (pieces: Piece[]): boolean =>
  pieces.some(
    (piece) =>
      piece.kind === 'equation' ||
      (piece.kind === 'image' && piece.mime === 'image/svg+xml') ||
      piece.kind === 'map' ||
      (piece.kind === 'columns' && piece.columns.some((column) => drawsPictures(column.pieces))),
  );

const CONTENT_MASTER = 'LECTERN_CONTENT';
const TITLE_MASTER = 'LECTERN_TITLE';

/** `date` is the file's date (shared/document-date.ts). */
export async function renderPptx(lesson: Lesson, images: ReadonlyMap<string, Uint8Array>, date: Date): Promise<Uint8Array> {
  const { meta } = lesson;
  const lang = lessonLanguage(lesson);
  const context: Context = { lang, rtl: /^(ar|he|fa|ur|yi|ps|dv|ckb|sd|ug)\b/i.test(lang), labels: lesson.labels, equations: [], inlineEquations: [] };
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = meta.title;
  pptx.subject = meta.subject ?? '';
  pptx.author = meta.author ?? '';
  pptx.company = meta.school ?? '';
  pptx.revision = '1';
  pptx.rtlMode = context.rtl;
  pptx.theme = { headFontFace: PPTX_FONT, bodyFontFace: PPTX_FONT };
  const slideNumber = {
    x: SLIDE.width - 1.4,
    y: SLIDE.height - 0.55,
    w: 0.9,
    h: 0.35,
    fontFace: PPTX_FONT,
    fontSize: 12,
    color: MUTED,
    align: 'right' as const,
  };
  const titlePlaceholder = (options: Partial<pptxgenjs.default.PlaceholderProps>) => ({
    placeholder: {
      options: {
        name: 'title',
        type: 'title' as const,
        fontFace: PPTX_FONT,
        color: TEXT,
        bold: true,
        margin: INSET_PT,
        ...options,
      } as pptxgenjs.default.PlaceholderProps,
      text: '',
    },
  });
  pptx.defineSlideMaster({
    title: CONTENT_MASTER,
    background: { color: 'FFFFFF' },
    objects: [titlePlaceholder({ x: BODY.x, y: 0.3, w: BODY.width, h: 1.0, fontSize: 32, valign: 'middle' })],
    slideNumber,
  });
  pptx.defineSlideMaster({
    title: TITLE_MASTER,
    background: { color: 'FFFFFF' },
    objects: [titlePlaceholder({ x: BODY.x, y: 1.6, w: BODY.width, h: 1.7, fontSize: 44, align: 'center', valign: 'bottom' })],
    slideNumber,
  });
  const notes = generatedNoteLines(meta, lesson.labels);
  const titleRun = (text: string) =>
    languageParts(text, lang).map((part) => ({
      text: part.text,
      options: { lang: part.lang ?? lang, fontFace: PPTX_FONT, color: TEXT, fit: 'shrink' as const },
    }));

  const title = pptx.addSlide({ masterName: TITLE_MASTER });
  title.addText(titleRun(meta.title), { placeholder: 'title', fit: 'shrink' });
  const byline = [
    meta.subject ?? '',
    meta.grade ? label(lesson.labels, 'lesson.grade', { grade: meta.grade }) : '',
    meta.duration ? label(lesson.labels, 'lesson.minutes', { count: meta.duration }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const author = meta.author ? [meta.author, meta.date ? dateInLanguage(meta.date, lang) : ''].filter(Boolean).join(' · ') : '';
  const below: Paragraph[] = [
    ...(meta.subtitle ? [{ runs: [{ text: meta.subtitle }], size: 28 }] : []),
    ...(byline ? [{ runs: [{ text: byline }], size: 20 }] : []),
    ...(author ? [{ runs: [{ text: author }], size: 20 }] : []),
  ];
  if (below.length > 0) title.addText(textRuns(below, context), { ...boxOptions(BODY.x, 3.5, BODY.width, 2.6), align: 'center', color: MUTED });
  addNotes(title, notes.title);

  const addContent = (heading: string | undefined, pieces: Piece[], noteLines: string[], background?: string) => {
    const picture = background === undefined ? undefined : images.get(background);
    const size = picture && imageSize(picture);
    paginate(pieces).forEach((page, index) => {
      const slide = pptx.addSlide({ masterName: CONTENT_MASTER });
      if (picture && size) {
        // The picture fills the slide; a white panel, slightly see-through, behind the title and text keeps them readable.
        slide.background = { data: `${size.mime};base64,${toBase64(picture)}` };
        const bottom = Math.max(BODY.top, ...page.map((placed) => placed.y + placed.height)) + 0.15;
        slide.addShape('rect', {
          x: 0.3,
          y: 0.2,
          w: SLIDE.width - 0.6,
          h: bottom - 0.2,
          fill: { color: 'FFFFFF', transparency: 12 },
          line: { color: 'FFFFFF', width: 0 },
        });
      }
      const shown = heading === undefined ? undefined : index === 0 ? heading : label(lesson.labels, 'slide.titleContinued', { title: heading });
      if (shown !== undefined) slide.addText(titleRun(shown), { placeholder: 'title', fit: 'shrink' });
      drawPage(slide, page, context);
      // The notes go with the slide's first part, where the teacher starts talking about it.
      if (index === 0) addNotes(slide, noteLines);
    });
  };
  const list = (items: string[], size = BODY_SIZE): Piece => ({
    kind: 'text',
    paragraphs: items.map((text) => ({ runs: [{ text }], size, bullet: 'bullet' })),
  });

  if (meta.objectives.length > 0) addContent(label(lesson.labels, 'slide.objectives'), [list(meta.objectives)], notes.objectives);
  const slides = lesson.slides.map((slide) => ({ slide, pieces: slidePieces(slide, images, lesson.labels) }));
  if (slides.some(({ pieces }) => drawsPictures(pieces))) await loadRasterizer();
  for (const { slide, pieces } of slides) addContent(slide.title && texOf(slide.title), pieces, slideNoteLines(slide, lesson.labels), slide.background);
  if (meta.sources.length > 0) {
    const paragraphs: Paragraph[] = meta.sources.map((source) => ({
      runs: [
        { text: source.title, italic: true },
        ...(source.publisher ? [{ text: `, ${source.publisher}` }] : []),
        ...(source.date ? [{ text: ` (${source.date})` }] : []),
        ...(source.url ? [{ text: source.url, link: source.url, breakBefore: true }] : []),
      ],
      size: BODY_SIZE,
      bullet: 'bullet',
    }));
    addContent(label(lesson.labels, 'slide.sources'), [{ kind: 'text', paragraphs }], notes.sources);
  }
  // Written uncompressed: the reproducible zip compresses each part once.
  const written = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  return reproducibleZip(written, date, lang, context.equations, context.inlineEquations);
}
