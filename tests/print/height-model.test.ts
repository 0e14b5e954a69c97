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
import { renewScratchPages } from '../../src/print/typeset/scratch-page.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const meta: LessonMeta = { title: 'Heights', theme: 'white', pageSize: 'A4', objectives: [], sources: [] };
/** Blocks whose measured height is what they need before they may start (a box, a card), not the height they draw. */
const STARTS_ONLY = new Set(['box', 'card', 'cards', 'table', 'slide', 'answers']);

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
    return tree.children.map((node) => ({ where: `${name}:${node.position?.start.line ?? '?'} (${node.type === 'containerDirective' || node.type === 'leafDirective' ? node.name : node.type})`, node }));
  });
}

const printMarkdown = readdirSync(path.join(ROOT, 'tests/fixtures/print-markdown'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => [name, readFileSync(path.join(ROOT, 'tests/fixtures/print-markdown', name), 'utf8')] as const);
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
    for (const [name, markdown] of [...printMarkdown, ...printables])
      for (const { where, node } of blocksOf(name, markdown)) {
        if ((node.type === 'containerDirective' || node.type === 'leafDirective') && STARTS_ONLY.has(node.name)) continue;
        const measured = estimateHeight([node], context);
        const drawn = drawnHeight([node], context);
        compared++;
        if (Math.abs(measured - drawn) > 0.5) differ.push(`${where}: measured ${measured.toFixed(1)}, drawn ${drawn.toFixed(1)}`);
      }
    expect(compared).toBeGreaterThan(100);
    expect(differ).toEqual([]);
  });
});
