// The sizes and shapes of print blocks: the one height model that drawing them (blocks.ts), measuring them to keep
// things together on a page (measure.ts) and filling slide boxes (slide-box.ts) all read, so they cannot disagree.
import type { Code, Heading, Image, List, Paragraph, Table } from 'mdast';
import { pageBottom, type Directive, type TypesetContext } from './context.ts';
import { measureRuns, runsOf, type Run } from './rich-text.ts';
import type { TableData } from './table.ts';
import { codeHeight, codeLines, codeRuns, type CodeLine } from './code.ts';
import { expandTabs } from './font-runs.ts';

export const HEADING_SIZES: Record<number, number> = { 1: 22, 2: 16, 3: 13.5, 4: 12 };
/** Body text size on the page; headings (and everything in a shrunken slide box) scale with it. */
export const BODY_SIZE = 11.5;

/** The space, in points, after (or around) each kind of block. */
export const SPACE = {
  paragraph: 5,
  /** Under the text that starts a list item (before the item's other blocks). */
  itemText: 2,
  list: 3,
  code: 5,
  /** Code is drawn this far in, right of its bar. */
  codeInset: 8,
  /** A block quote's text starts this far in, right of its bar. */
  quoteIndent: 14,
  /** A thematic break: the space over its rule and under it. */
  ruleBefore: 4,
  ruleAfter: 8,
} as const;

export interface HeadingLayout {
  level: number;
  size: number;
  runs: Run[];
  /** The space over it (none at the top of a page's first heading), its text's height and the space under it. */
  before: number;
  textHeight: number;
  after: number;
  height: number;
}

/** A heading: bold, sized by its level; a level-2 heading has a rule under it. */
export function headingLayout(node: Heading, context: TypesetContext): HeadingLayout {
  const level = Math.min(4, node.depth);
  const size = (HEADING_SIZES[level] * context.size) / BODY_SIZE;
  const runs = runsOf(node.children).map((run) => ({ ...run, bold: true }));
  const textHeight = measureRuns(context, runs, context.width, size);
  const before = level === 1 ? 0 : level === 2 ? 14 : 8;
  // A level-2 heading's rule is drawn 1 point under its text, and the next block starts 6 points under the rule.
  const after = level === 2 ? 7 : 3;
  return { level, size, runs, before, textHeight, after, height: before + textHeight + after };
}

/** A paragraph of text (a paragraph that is only a picture is an `imageBox`). */
export function paragraphLayout(node: Paragraph, context: TypesetContext): { runs: Run[]; textHeight: number; height: number } {
  const runs = runsOf(node.children);
  const textHeight = measureRuns(context, runs);
  return { runs, textHeight, height: textHeight + SPACE.paragraph };
}

/** A code block's wrapped lines, by width and size: measuring and drawing a block wrap it once. */
const wrappedCode = new WeakMap<Code, Map<string, CodeLine[]>>();

/** A code block: its lines wrapped (a wrapped part under its line's start), in a column set in by `codeInset`. */
export function codeLayout(node: Code, context: TypesetContext): { inner: TypesetContext; lines: CodeLine[]; textHeight: number; height: number } {
  const inner = { ...context, x: context.x + SPACE.codeInset, width: context.width - SPACE.codeInset };
  const sizes = wrappedCode.get(node) ?? new Map<string, CodeLine[]>();
  wrappedCode.set(node, sizes);
  const key = `${inner.width} ${inner.size}`;
  const lines = sizes.get(key) ?? codeLines(context.doc, codeRuns(expandTabs(node.value), node.lang), inner.width, inner.size);
  sizes.set(key, lines);
  const textHeight = codeHeight(inner, lines);
  return { inner, lines, textHeight, height: textHeight + SPACE.code };
}

/**
 * `::name-class-date`: the school's name (when the template gives one), then one line of Name, Class and Date, each a
 * label and a line to write on, whose text sits `fieldsBaseline` under the school's name.
 */
export function nameClassDateLayout(node: Directive, context: TypesetContext) {
  const school = node.attributes?.school || undefined;
  const schoolRuns: Run[] = school ? [{ text: school, bold: true, muted: true }] : [];
  const schoolSize = context.size - 0.5;
  const schoolHeight = school ? measureRuns(context, schoolRuns, context.width, schoolSize) + 2 : 0;
  const fieldsBaseline = 14;
  return { schoolRuns, schoolSize, schoolHeight, fieldsBaseline, height: schoolHeight + fieldsBaseline + 22 };
}

/** Room for the widest list marker: the list's text starts this far in. */
export const LIST_INDENT = 18;

export function tableData(node: Table): TableData {
  const [header = { children: [] }, ...rows] = node.children;
  return { header: header.children.map((cell) => runsOf(cell.children)), rows: rows.map((row) => row.children.map((cell) => runsOf(cell.children))) };
}

/** How far a list's text starts from its markers: room for the widest number ("10.") so it never touches its text. */
export function listIndent(context: TypesetContext, list: List, task = false): number {
  if (task) return 22;
  if (!list.ordered) return LIST_INDENT;
  const widest = context.doc
    .font('body')
    .fontSize(context.size)
    .widthOfString(`${(list.start ?? 1) + list.children.length - 1}.`);
  return Math.max(LIST_INDENT, widest + 7);
}

export interface ImageOptions {
  /** Width in points. */
  width?: number;
  /** Width as a share (0–1) of the width there is (`width=50%`). */
  widthShare?: number;
  /** Height as a share (0–1) of a slide-shaped height: the width there is × 700 / 960 (`height=30%`). */
  heightShare?: number;
  caption?: boolean;
  /** `decorative=yes`: drawn as an artifact, which screen readers skip (a slide's background picture). */
  decorative?: boolean;
  /** `background=yes`: a slide's background picture; a slide box draws it faded behind the slide's text. */
  background?: boolean;
}

/** A slide is 960 × 700: a height in percent of a slide is measured against this share of the width. */
const SLIDE_SHAPE = 700 / 960;

/** `{width=120 caption=no}` written right after an image in a template; undefined when the text is something else. */
function imageOptions(text: string): ImageOptions | undefined {
  const body = /^\{([^{}]*)\}\s*$/.exec(text)?.[1];
  if (body === undefined) return undefined;
  const options: ImageOptions = {};
  for (const [, key, value] of body.matchAll(/([\w-]+)\s*=\s*"?([^"\s]*)"?/g)) {
    const share = /^(\d+(?:\.\d+)?)%$/.exec(value);
    if (key === 'width' && share && Number(share[1]) > 0) options.widthShare = Math.min(1, Number(share[1]) / 100);
    else if (key === 'width' && Number(value) > 0) options.width = Number(value);
    if (key === 'height' && share && Number(share[1]) > 0) options.heightShare = Math.min(1, Number(share[1]) / 100);
    if (key === 'caption') options.caption = !/^(no|false|none)$/i.test(value);
    if (key === 'decorative') options.decorative = /^(yes|true)$/i.test(value);
    if (key === 'background') options.background = /^(yes|true)$/i.test(value);
  }
  return options;
}

/** A paragraph that is only an image (and its `{width=…}` options) is printed as a figure. */
export function paragraphImage(node: Paragraph): { image: Image; options: ImageOptions } | undefined {
  const [image, after] = node.children;
  const options = after?.type === 'text' ? imageOptions(after.value) : {};
  return image?.type === 'image' && options && node.children.length <= 2 ? { image, options } : undefined;
}

/** Images inside a box (a slide of the slides handout, a card) stay small enough to leave room for the text. */
const BOXED_IMAGE_HEIGHT = 100;

/** Where an image goes: its drawn size, and the whole height it takes with its caption (or its description when it cannot be printed). */
export function imageBox(context: TypesetContext, path: string, alt: string, options: ImageOptions = {}) {
  const bytes = context.loadImage(path);
  const description = (text: string, size = context.size) => measureRuns(context, [{ text, bold: false, muted: true }], context.width, size);
  if (!bytes) return { bytes, width: 0, height: 0, total: description(`[Image: ${alt || path}]`) + 5 };
  const image = context.doc.openImage(bytes);
  const slideHeight = context.width * SLIDE_SHAPE;
  const sized = options.widthShare !== undefined || options.heightShare !== undefined;
  // A sized image keeps its share of the slide: of the width there is, or of a slide-shaped height; never wider than the column.
  const wanted =
    options.widthShare !== undefined
      ? context.width * options.widthShare
      : options.heightShare !== undefined
        ? ((options.heightShare * slideHeight) / image.height) * image.width
        : (options.width ?? Math.min(360, image.width));
  const width = Math.min(context.width, wanted);
  const tallest = sized
    ? slideHeight
    : context.bottom !== undefined
      ? BOXED_IMAGE_HEIGHT
      : options.width
        ? pageBottom(context) - context.doc.page.margins.top
        : 300;
  const height = Math.min(
    (image.height / image.width) * width,
    tallest,
    options.heightShare !== undefined && options.widthShare !== undefined ? options.heightShare * slideHeight : Infinity,
  );
  const caption = alt && options.caption !== false ? description(alt, context.size - 0.5) : 0;
  return { bytes, image, width, height, total: height + 4 + caption + 6 };
}
