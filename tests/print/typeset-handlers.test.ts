// The typesetter's handlers, one print-Markdown fixture each: the text of every page, read back from the PDF, is
// compared with a golden file, so a change in what prints where (a lost line, a page break moved) is seen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LessonMeta } from '../../src/lesson/model.ts';
import { ENGLISH_LABELS } from '../../src/labels/lesson-labels.ts';
import { typesetPrintJob } from '../../src/print/typeset-print-job.ts';
import { expectGolden } from '../support/golden.ts';
import { readPdfText } from '../support/pdf-text.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/print-markdown');
const meta: LessonMeta = { title: 'Print Markdown', theme: 'white', pageSize: 'A4', objectives: [], sources: [] };
const date = '2000-01-01T00:00:00.000Z';

async function pagesOf(name: string): Promise<string[]> {
  const markdown = readFileSync(path.join(FIXTURES, `${name}.md`), 'utf8');
  const pdf = await typesetPrintJob({ file: `${name}.pdf`, title: name, meta, markdown, date, labels: ENGLISH_LABELS }, new Map());
  return (await readPdfText(pdf)).pages;
}

const asGolden = (pages: string[]) => pages.map((page, index) => `--- page ${index + 1} ---\n${page.trimEnd()}\n`).join('');

describe('the typesetter handlers', () => {
  for (const name of ['blocks', 'worksheet', 'slides']) {
    it(`should print fixtures/print-markdown/${name}.md as in ${name}.txt`, async () => {
      expectGolden(asGolden(await pagesOf(name)), path.join(FIXTURES, `${name}.txt`));
    });
  }

  it('should mark a missing picture in place of the picture, and keep the text around it', async () => {
    const text = (await pagesOf('blocks')).join(' ');
    expect(text).toContain('[Image: A rain gauge that is not in the lesson folder]');
    expect(text).toContain('The last paragraph, after the rule and the missing picture.');
  });

  it('should start a new page at ::page-break and put all four cards after it', async () => {
    const pages = await pagesOf('worksheet');
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Hillside School');
    expect(pages[0]).not.toContain('Cut-out cards');
    for (const role of ['The mayor', 'A farmer', 'A scientist', 'A child']) expect(pages[1]).toContain(role);
  });

  it('should print what a directive it does not know holds, rather than drop it', async () => {
    const markdown = ':::aside\nA **boxed** remark in a block the typesetter does not know.\n:::\n\n::margin-note[A one-line note]\n\nThe end.\n';
    const pdf = await typesetPrintJob({ file: 'unknown.pdf', title: 'unknown', meta, markdown, date, labels: ENGLISH_LABELS }, new Map());
    const { text } = await readPdfText(pdf);
    expect(text).toContain('A boxed remark in a block the typesetter does not know.');
    expect(text).toContain('A one-line note');
    expect(text).toContain('The end.');
  });

  it('should label every slide box with its number, in order', async () => {
    const text = (await pagesOf('slides')).join(' ');
    const labels = [...text.matchAll(/Slide (\d+)/g)].map((match) => Number(match[1]));
    expect(labels).toEqual([1, 2, 3, 4]);
  });
});
