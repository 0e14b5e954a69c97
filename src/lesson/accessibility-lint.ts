// Warnings about what students who use a screen reader would miss: a table with no header row, a link that reads out
// a bare web address, a heading that skips a level. (A picture without alt text is reported where images are read.)
import type { Heading, Link, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { placeOf } from './inline-text.ts';
import { report } from './problems.ts';

const BARE_ADDRESS = /^(?:https?:\/\/|www\.)\S+$/i;

/** `source` is the lesson's text, as parsed. */
export function lintAccessibility(tree: Root, source: string, file: VFile): void {
  visit(tree, 'table', (table: Table) => {
    const [header] = table.children;
    if (header && header.children.every((cell) => toString(cell).trim() === ''))
      report(
        file,
        'warning',
        'This table has no header row: a screen reader cannot say what each column holds. Write a short heading in each cell of its first row.',
        placeOf(table),
        'table-header',
      );
  });
  visit(tree, 'link', (link: Link) => {
    const text = toString(link).trim();
    // Only a link the lesson words itself, `[https://…](https://…)`: an address left in the text as it is (a pasted
    // reference, an import's note) is not read as a link's name.
    const worded = source[link.position?.start.offset ?? -1] === '[';
    if (worded && BARE_ADDRESS.test(text))
      report(
        file,
        'warning',
        `The link's text is its web address, which a screen reader spells out letter by letter. Write what it leads to instead, like \`[The city's water report](${link.url})\`.`,
        placeOf(link),
        'link-text',
      );
  });
  // Within a slide (between `---` lines), a heading goes at most one level deeper than the one before it.
  let previous: number | undefined;
  for (const node of tree.children) {
    if (node.type === 'thematicBreak') previous = undefined;
    if (node.type !== 'heading') continue;
    const heading = node as Heading;
    if (previous !== undefined && heading.depth > previous + 1)
      report(
        file,
        'warning',
        `This heading skips from level ${previous} to level ${heading.depth}, so a screen reader's list of headings has a gap. Use ${'#'.repeat(previous + 1)} for it.`,
        placeOf(heading),
        'heading-level',
      );
    previous = heading.depth;
  }
}
