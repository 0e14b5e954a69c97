// `![Flag](images/my flag.png)`: CommonMark reads an image path with a space as text, but a screenshot's file name
// usually has spaces. Such text becomes the image it was meant to be; text that still looks like an image is reported.
import type { Image, PhrasingContent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './problems.ts';

/** `![alt](path with spaces)` or `![alt](path with spaces "title")`, all in one piece of text. */
const SPACED_IMAGE = /!\[([^\]\n]*)\]\(\s*([^()<>"\n]*?\S\s+\S[^()<>"\n]*?)\s*(?:"([^"\n]*)")?\s*\)/g;
const LOOKS_LIKE_IMAGE = /!\[[^\]\n]*\]\(/;

export function fixImagesWithSpaces(tree: Root, file: VFile): void {
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined) return;
    const pieces: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(SPACED_IMAGE)) {
      if (match.index > last) pieces.push({ type: 'text', value: node.value.slice(last, match.index) });
      const image: Image = { type: 'image', url: match[2], alt: match[1], ...(match[3] ? { title: match[3] } : {}) };
      const place = placeIn(node, match.index);
      if (place) image.position = { start: place, end: place };
      pieces.push(image);
      last = match.index + match[0].length;
    }
    if (pieces.length > 0) {
      if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...(pieces as never[]));
      return index + pieces.length;
    }
    if (LOOKS_LIKE_IMAGE.test(node.value)) {
      const at = placeIn(node, node.value.search(LOOKS_LIKE_IMAGE));
      report(
        file,
        'warning',
        'This looks like an image but is shown as text: write it as `![description](images/file.png)` on one line, with the closing `)`.',
        at,
        'image-syntax',
      );
    }
    return undefined;
  });
}

/** The place of a character of a text node (exact when the text has no escapes before it). */
function placeIn(node: Text, offset: number): { line: number; column: number } | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const before = node.value.slice(0, offset).split('\n');
  return before.length === 1
    ? { line: start.line, column: start.column + offset }
    : { line: start.line + before.length - 1, column: before.at(-1)!.length + 1 };
}
