// Slide Markdown (mdast) → safe HTML. Raw HTML in a lesson is parsed, then sanitized (unless the lesson opts in with
// `allowHtml: true`); either way nothing may load from the network, and images point at the copied assets.
import type { Element, Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { mathAndCode } from './math-and-code.ts';

export const ASSET_FOLDER = 'assets';

export interface HtmlOptions {
  /** Reveal the items of lists one by one. */
  incremental?: boolean;
  /** The lesson opted in to trusted raw HTML (`allowHtml: true`): no sanitizing. */
  trusted?: boolean;
  /** Paths (relative to the lesson) of the files the lesson may show. */
  assets: ReadonlySet<string>;
}

/** Attributes through which an element loads something by itself. */
const LOADING_ATTRIBUTES = ['src', 'srcSet', 'poster', 'data', 'background', 'formAction', 'action'];
const isRemote = (url: string) => /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url) && !/^\s*data:image\/(?:png|jpeg|gif|webp);/i.test(url);

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
      if (element.tagName === 'img' && typeof element.properties.src === 'string') {
        const src = decodeURI(element.properties.src);
        if (assets.has(src)) element.properties.src = `${ASSET_FOLDER}/${src}`;
      }
      if (options.incremental && element.tagName === 'li') element.properties.className = ['fragment'];
      return undefined;
    });
  };
}

function makeProcessor(incremental: boolean, trusted: boolean) {
  return unified()
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(trusted ? [] : [rehypeSanitize])
    .use(mathAndCode)
    .use(deckTouches, { incremental })
    .use(rehypeStringify)
    .freeze();
}

const processors = new Map<string, ReturnType<typeof makeProcessor>>();

export function markdownToHtml(nodes: RootContent[], options: HtmlOptions): string {
  const key = `${options.incremental === true}:${options.trusted === true}`;
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = makeProcessor(options.incremental === true, options.trusted === true)));
  const root: Root = { type: 'root', children: structuredClone(nodes) };
  const file = new VFile({ data: { assets: options.assets } });
  return processor.stringify(processor.runSync(root, file), file);
}
