// What a print-fragment marker stands for, as Markdown: for a marker a template wrote where nodes cannot go, and to
// compare with the Markdown that templates made before parse-once. Loaded only when needed (it brings the Markdown writer).
import type { RootContent, Text } from 'mdast';
import { directiveToMarkdown } from 'mdast-util-directive';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mathToMarkdown } from 'mdast-util-math';
import { toMarkdown } from 'mdast-util-to-markdown';
import { MARK, MARKER, type Fragments } from './print-fragments.ts';

/** The nodes as Markdown: what a marker stands for where it cannot be put as nodes. */
export function fragmentMarkdown(nodes: RootContent[]): string {
  return toMarkdown(
    { type: 'root', children: nodes },
    {
      extensions: [gfmToMarkdown(), directiveToMarkdown(), mathToMarkdown()],
      // A passage the lesson marked in another language is written back as it was marked.
      handlers: {
        text: (node: Text, _, state, info) => (node.data?.lang ? `[${state.safe(node.value, info)}]{lang=${node.data.lang}}` : state.safe(node.value, info)),
      },
    },
  ).trim();
}

/** Print Markdown with every marker replaced by the Markdown it stands for: what templates made before parse-once. */
export function expandFragments(markdown: string, fragments: Fragments): string {
  if (!markdown.includes(MARK)) return markdown;
  return markdown.replace(MARKER, (marker, number: string) => {
    const nodes = fragments.get(Number(number));
    return nodes ? fragmentMarkdown(nodes) : marker;
  });
}
