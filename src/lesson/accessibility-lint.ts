// Warnings about what students who use a screen reader would miss: a table with no header row, a link that reads out
// a bare web address, a heading that skips a level. (A picture without alt text is reported where images are read.)
import type { Heading, Link, Root, Table, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { placeOf } from './inline-text.ts';
import { report } from './problems.ts';
import { unmarkablePassages } from './language-parts.ts';

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

/**
 * Words in a script Lectern cannot name a language for (Georgian in an English lesson): nothing marks their language,
 * so a screen reader reads them in the lesson's voice. `lang` is the lesson's language.
 */
export function lintUnmarkedLanguages(tree: Root, lang: string, file: VFile): void {
  visit(tree, 'text', (text: Text) => {
    if (text.data?.lang) return;
    const [passage] = unmarkablePassages(text.value, lang);
    if (passage === undefined) return;
    const before = text.value.slice(0, text.value.indexOf(passage)).split('\n');
    const start = placeOf(text) ?? { line: 1, column: 1 };
    const place =
      before.length === 1
        ? { line: start.line, column: start.column + before[0].length }
        : { line: start.line + before.length - 1, column: before.at(-1)!.length + 1 };
    report(
      file,
      'warning',
      `"${passage}" is written in a script Lectern cannot name a language for, so a screen reader reads it in the lesson's voice. Mark it with the code of its language, like \`[${passage}]{lang=ka}\` (ka is Georgian; hy is Armenian, am Amharic, ta Tamil, bn Bengali); if the whole lesson is in that language, set \`lang:\` in the front matter.`,
      place,
      'unmarked-language',
    );
  });
}
