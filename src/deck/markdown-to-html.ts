// Slide Markdown (mdast) → safe HTML: raw HTML is dropped and the rest sanitized; images point at the copied assets.
import type { Element, Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export const ASSET_FOLDER = 'assets';

function deckTouches(options: { incremental: boolean }) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (element: Element) => {
      if (element.tagName === 'img' && typeof element.properties.src === 'string') {
        element.properties.src = `${ASSET_FOLDER}/${element.properties.src}`;
      }
      if (options.incremental && element.tagName === 'li') element.properties.className = ['fragment'];
    });
  };
}

const processors = new Map<boolean, ReturnType<typeof makeProcessor>>();

function makeProcessor(incremental: boolean) {
  return unified().use(remarkRehype).use(rehypeSanitize).use(deckTouches, { incremental }).use(rehypeStringify).freeze();
}

export function markdownToHtml(nodes: RootContent[], incremental = false): string {
  let processor = processors.get(incremental);
  if (!processor) processors.set(incremental, (processor = makeProcessor(incremental)));
  const root: Root = { type: 'root', children: structuredClone(nodes) };
  return processor.stringify(processor.runSync(root));
}
