// The print pool on its own: PDFs come back to the job that asked for them, a failing PDF fails alone, and the pool
// keeps working after it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LessonMeta } from '../../src/lesson/model.ts';
import { ENGLISH_LABELS } from '../../src/labels/lesson-labels.ts';
import type { PrintJob } from '../../src/print/plan-printables.ts';
import { startPrintPool, type PrintPool } from '../../src/node/print-pool.ts';
import { readPdfText } from '../support/pdf-text.ts';

const meta: LessonMeta = { title: 'Pool test', theme: 'white', pageSize: 'A4', objectives: [], sources: [] };

/** A job whose PDF says which job it is; later jobs are longer, so the pool's longest-first queue reorders them. */
function job(index: number): PrintJob {
  const filler = 'More words for the queue to weigh. '.repeat(index * 20);
  return {
    file: `job-${index}.pdf`,
    title: `Job ${index}`,
    meta,
    markdown: `# Job number ${index}\n\nThis is job ${index}. ${filler}\n`,
    date: '2000-01-01T00:00:00.000Z',
    labels: ENGLISH_LABELS,
  };
}

describe('the print pool', () => {
  let pool: PrintPool;
  beforeAll(() => {
    pool = startPrintPool(2);
  });
  afterAll(async () => pool.close());

  it('should give each job its own PDF, whatever order the workers make them in', async () => {
    const jobs = [1, 2, 3, 4, 5].map((index) => job(index));
    const pdfs = await Promise.all(pool.typeset(jobs, new Map()));
    for (const [index, pdf] of pdfs.entries()) {
      const { text } = await readPdfText(pdf);
      expect(text).toContain(`Job number ${index + 1}`);
      expect(text).toContain(`This is job ${index + 1}.`);
    }
  });

  it('should fail only the PDF that could not be made, and keep typesetting afterwards', async () => {
    // A job without its lesson settings stands for a fault inside the typesetter: the worker reports it instead of a PDF.
    const broken = { ...job(7), meta: undefined as unknown as LessonMeta };
    const [good, bad] = pool.typeset([job(6), broken], new Map());
    await expect(bad).rejects.toThrow(/^Typesetting failed: /);
    expect((await readPdfText(await good)).text).toContain('Job number 6');
    const [after] = pool.typeset([job(8)], new Map());
    expect((await readPdfText(await after)).text).toContain('Job number 8');
  });

  it('should hand images to the workers, which draw them', async () => {
    // A 1×1 PNG: the worker finds it by its path and draws it instead of the "[Image: …]" placeholder.
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
    const withImage = { ...job(9), markdown: '# Job number 9\n\n![A dot](dot.png)\n\n![A missing picture](missing.png)\n' };
    const [pdf] = pool.typeset([withImage], new Map([['dot.png', png]]));
    const { text } = await readPdfText(await pdf);
    expect(text).toContain('A dot');
    expect(text).not.toContain('[Image: A dot]');
    expect(text).toContain('[Image: A missing picture]');
  });
});
