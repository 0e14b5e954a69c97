// Slide Markdown (mdast) → safe HTML. Raw HTML in a lesson is parsed, then sanitized (unless the lesson opts in with
// `allowHtml: true`); either way nothing may load from the network, and images point at the copied assets.
import type { Element, Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { toString } from 'hast-util-to-string';
import { NO_DESCRIPTION } from '../shared/no-description.ts';
import { VFile } from 'vfile';
import { mathAndCode } from './math-and-code.ts';
import { languageSpans } from './language-spans.ts';
import { SLIDE_HEIGHT, type ImageLength } from '../lesson/model.ts';

export const ASSET_FOLDER = 'assets';

export interface HtmlOptions {
  /** Reveal the items of lists one by one. */
  incremental?: boolean;
  /** The lesson opted in to trusted raw HTML (`allowHtml: true`): no sanitizing. */
  trusted?: boolean;
  /** Paths (relative to the lesson) of the files the lesson may show. */
  assets: ReadonlySet<string>;
  /** The lesson's language: its formulas are spoken in it. */
  lang?: string;
}

/** Attributes through which an element loads something by itself. */
const LOADING_ATTRIBUTES = ['src', 'srcSet', 'poster', 'data', 'background', 'formAction', 'action'];
const isRemote = (url: string) => /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url) && !/^\s*data:image\/(?:png|jpeg|gif|webp);/i.test(url);

/** How a sized image carries its size through sanitizing: a number and a unit, nothing else passes. */
const SIZE_VALUE = /^\d+(?:\.\d+)?(?:%|px)$/;
const sanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    img: [...(defaultSchema.attributes?.img ?? []), ['dataLecternWidth', SIZE_VALUE], ['dataLecternHeight', SIZE_VALUE], ['dataLecternDecorative', 'true']],
  },
};

/** The style of a sized image, written from the numbers alone (a height in percent is a share of the slide's height). */
function sizeStyle(width: string | undefined, height: string | undefined): string | undefined {
  const length = (text: string | undefined) => {
    const match = text === undefined ? null : /^(\d+(?:\.\d+)?)(%|px)$/.exec(text);
    return match ? { value: Number(match[1]), unit: match[2] as '%' | 'px' } : undefined;
  };
  const w = length(width);
  const h = length(height);
  if (!w && !h) return undefined;
  const css = (value: number, unit: string) => `${Math.round(value * 100) / 100}${unit}`;
  const heightCss = h && (h.unit === 'px' ? css(h.value, 'px') : css((h.value / 100) * SLIDE_HEIGHT, 'px'));
  return [`width: ${w ? css(w.value, w.unit) : 'auto'}`, `height: ${heightCss ?? 'auto'}`, 'max-height: none', 'max-width: 100%', 'object-fit: contain'].join(
    '; ',
  );
}

const lengthText = (length: ImageLength | undefined) => (length ? `${length.value}${length.unit}` : undefined);

function deckTouches(this: unknown, options: { incremental: boolean }) {
  return (tree: HastRoot, file: VFile) => {
    const assets = (file.data as { assets?: ReadonlySet<string> }).assets ?? new Set<string>();
    visit(tree, 'element', (element: Element, index, parent) => {
      // Decks work offline: a stylesheet or any other file from the network is never loaded.
      if (element.tagName === 'link' && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      for (const name of LOADING_ATTRIBUTES) {
        const value = element.properties[name];
        if (typeof value === 'string' && isRemote(value)) delete element.properties[name];
      }
      if (element.tagName === 'img') {
        const { dataLecternWidth: width, dataLecternHeight: height, dataLecternDecorative: decorative } = element.properties;
        delete element.properties.dataLecternWidth;
        delete element.properties.dataLecternHeight;
        delete element.properties.dataLecternDecorative;
        // A decorative picture is skipped by screen readers (alt=""); one without a description says so, never its file name.
        if (decorative) element.properties.alt = '';
        else if (typeof element.properties.alt !== 'string' || element.properties.alt.trim() === '') element.properties.alt = NO_DESCRIPTION;
        const style = sizeStyle(typeof width === 'string' ? width : undefined, typeof height === 'string' ? height : undefined);
        if (style) element.properties.style = style;
      }
      if (element.tagName === 'img' && typeof element.properties.src === 'string') {
        const src = decodeURI(element.properties.src);
        if (assets.has(src)) element.properties.src = `${ASSET_FOLDER}/${src}`;
      }
      if (options.incremental && element.tagName === 'li') element.properties.className = ['fragment'];
      // A table whose top-left cell is empty heads its rows with their first cells (a comparison table).
      if (element.tagName === 'table') markRowHeaders(element);
      // An empty corner cell of a table with row headers heads nothing: it is a plain cell, so screen readers do not
      // announce an empty header.
      if (element.tagName === 'th' && toString(element).trim() === '') element.tagName = 'td';
      return undefined;
    });
  };
}

const childElements = (element: Element, tagName: string) =>
  element.children.filter((child): child is Element => child.type === 'element' && child.tagName === tagName);

function markRowHeaders(table: Element): void {
  const [head] = childElements(table, 'thead');
  const corner = head && childElements(childElements(head, 'tr')[0] ?? head, 'th')[0];
  if (!corner || toString(corner).trim() !== '') return;
  for (const body of childElements(table, 'tbody'))
    for (const row of childElements(body, 'tr')) {
      const [first] = childElements(row, 'td');
      if (first && toString(first).trim() !== '') Object.assign(first, { tagName: 'th', properties: { ...first.properties, scope: 'row' } });
    }
}

function makeProcessor(incremental: boolean, trusted: boolean) {
  return unified()
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(trusted ? [] : [[rehypeSanitize, sanitizeSchema]])
    .use(mathAndCode)
    .use(deckTouches, { incremental })
    .use(languageSpans)
    .use(rehypeStringify)
    .freeze();
}

const processors = new Map<string, ReturnType<typeof makeProcessor>>();

export function markdownToHtml(nodes: RootContent[], options: HtmlOptions): string {
  const key = `${options.incremental === true}:${options.trusted === true}`;
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = makeProcessor(options.incremental === true, options.trusted === true)));
  const root: Root = { type: 'root', children: structuredClone(nodes) };
  visit(root, 'image', (image) => {
    const size = image.data?.size;
    if (size) image.data = { ...image.data, hProperties: { dataLecternWidth: lengthText(size.width), dataLecternHeight: lengthText(size.height) } };
    if (image.data?.decorative) image.data = { ...image.data, hProperties: { ...image.data.hProperties, dataLecternDecorative: 'true' } };
  });
  const file = new VFile({ data: { assets: options.assets, lang: options.lang ?? 'en' } });
  return processor.stringify(processor.runSync(root, file), file);
}
