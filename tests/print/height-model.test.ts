// One height model: what the typesetter measures a block at, to keep it on a page with what it belongs to, is what it
// draws, for every block of the print-Markdown fixtures and of every printable of the fixture lessons.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { BUNDLED_TEMPLATES } from '../../src/node/build-lessons.ts';
import { loadPrintTemplates } from '../../src/node/read-templates.ts';
import { ENGLISH_LABELS } from '../../src/labels/lesson-labels.ts';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { parsePrintPiece, printMarkdownPieces } from '../../src/lesson/parse-markdown.ts';
import type { LessonMeta } from '../../src/lesson/model.ts';
import { loadMath } from '../../src/math/tex-to-svg.ts';
import { expandFragments } from '../../src/print/fragment-markdown.ts';
import { MARGIN, createPdf } from '../../src/print/pdf-document.ts';
import { planPrintables } from '../../src/print/plan-printables.ts';
import { BODY_SIZE } from '../../src/print/typeset/block-shapes.ts';
import type { TypesetContext } from '../../src/print/typeset/context.ts';
import { groupColumns } from '../../src/print/typeset/group-columns.ts';
import { printHandlers } from '../../src/print/typeset/handlers.ts';
import { drawnHeight, estimateHeight } from '../../src/print/typeset/measure.ts';
import { typesetBlocks } from '../../src/print/typeset/typeset-nodes.ts';
import { renewScratchPages } from '../../src/print/typeset/scratch-page.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const meta: LessonMeta = { title: 'Heights', theme: 'white', pageSize: 'A4', objectives: [], sources: [] };
/** Blocks whose measured height is what they need before they may start (a box, a card), not the height they draw. */
const STARTS_ONLY = new Set(['box', 'card', 'cards', 'table', 'slide']);

function contextFor(): TypesetContext {
  const pdf = createPdf(meta, 'heights', new Date(0), ENGLISH_LABELS);
  const width = pdf.doc.page.width - MARGIN.left - MARGIN.right;
  return { doc: pdf.doc, parent: pdf.root, x: MARGIN.left, width, size: BODY_SIZE, loadImage: () => undefined, handlers: printHandlers };
}

/** Each block of this print Markdown, with where it comes from. */
function blocksOf(name: string, markdown: string): { where: string; node: RootContent }[] {
  return printMarkdownPieces(markdown).flatMap((piece) => {
    const tree = parsePrintPiece(piece);
    groupColumns(tree);
    return tree.children.map((node) => ({
      where: `${name}:${node.position?.start.line ?? '?'} (${node.type === 'containerDirective' || node.type === 'leafDirective' ? node.name : node.type})`,
      node,
    }));
  });
}

const printMarkdown = readdirSync(path.join(ROOT, 'tests/fixtures/print-markdown'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => [name, readFileSync(path.join(ROOT, 'tests/fixtures/print-markdown', name), 'utf8')] as const);
/** What the fixtures have little or none of: formulas on their own line, columns, long code lines, nested lists. */
const MORE = `# A heading of level one that is long enough to wrap onto a second line on an A4 page

$$
v = \\frac{d}{t} \\qquad a = \\frac{v - u}{t}
$$

::::columns
:::column{width=40}
#### Left
A short column with a list:

- one
- two
:::
:::column
Right: a longer paragraph that wraps in the wider column, with **bold** and _italic_ words and a formula $E = mc^2$.
:::
::::

9. Nine
10. Ten, with a second paragraph:

    More about ten.
11. Eleven
    - nested
    - and nested again, long enough to wrap onto another line of the narrower column it has

- [ ] a task to tick
- [x] a task ticked

> A quote with a list:
>
> 1. first
> 2. second

\`\`\`python
def speed(distance_in_metres, time_in_seconds): return distance_in_metres / time_in_seconds if time_in_seconds else float("inf")  # metres per second
\`\`\`
`;

const templates = await loadPrintTemplates([BUNDLED_TEMPLATES]);
const printables = ['complete', 'layout', 'maps'].flatMap((folder) => {
  const file = path.join(ROOT, 'tests/fixtures/lessons', folder, 'input.md');
  const { lesson } = parseLesson(readFileSync(file, 'utf8'), file, 'lesson');
  return planPrintables(lesson!, templates, new Date(0)).jobs.map((job) => [`${folder}/${job.file}`, expandFragments(job.markdown, job.fragments!)] as const);
});

describe('the typesetter’s one height model', () => {
  it('should measure every block at the height it draws', async () => {
    await loadMath();
    renewScratchPages();
    const context = contextFor();
    const differ: string[] = [];
    let compared = 0;
    const kinds = new Set<string>();
    for (const [name, markdown] of [...printMarkdown, ...printables, ['more', MORE] as const])
      for (const { where, node } of blocksOf(name, markdown)) {
        if ((node.type === 'containerDirective' || node.type === 'leafDirective') && STARTS_ONLY.has(node.name)) continue;
        const measured = estimateHeight([node], context);
        // Drawn at the top of a page of its own, as it prints.
        const { doc } = context;
        doc.addPage();
        const [pages, top] = [doc.bufferedPageRange().count, doc.y];
        typesetBlocks([node], context);
        if (doc.bufferedPageRange().count !== pages) continue;
        const drawn = doc.y - top;
        compared++;
        kinds.add(where.replace(/^.*\((.*)\)$/, '$1'));
        if (Math.abs(measured - drawn) > 0.5) differ.push(`${where}: measured ${measured.toFixed(1)}, drawn ${drawn.toFixed(1)}`);
        // In a box (a slide of the slides handout), where pictures and maps are drawn small.
        const inBox = { ...context, bottom: Number.MAX_SAFE_INTEGER };
        const [measuredInBox, drawnInBox] = [estimateHeight([node], inBox), drawnHeight([node], inBox)];
        if (Math.abs(measuredInBox - drawnInBox) > 0.5) differ.push(`${where} in a box: measured ${measuredInBox.toFixed(1)}, drawn ${drawnInBox.toFixed(1)}`);
      }
    expect(compared).toBeGreaterThan(100);
    for (const kind of [
      'heading',
      'paragraph',
      'list',
      'table',
      'blockquote',
      'code',
      'math',
      'thematicBreak',
      'columns',
      'lines',
      'name-class-date',
      'map',
      'timeline',
    ])
      expect(kinds, kind).toContain(kind);
    expect(differ).toEqual([]);
  });
});
