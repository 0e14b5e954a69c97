// The sizes and shapes of print blocks that drawing them (blocks.ts) and measuring them (measure.ts) must agree on.
import type { Image, List, Paragraph, Table } from 'mdast';
import { pageBottom, type TypesetContext } from './context.ts';
import { measureRuns, runsOf } from './rich-text.ts';
import type { TableData } from './table.ts';

export const HEADING_SIZES: Record<number, number> = { 1: 22, 2: 16, 3: 13.5, 4: 12 };
/** Body text size on the page; headings (and everything in a shrunken slide box) scale with it. */
export const BODY_SIZE = 11.5;

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
