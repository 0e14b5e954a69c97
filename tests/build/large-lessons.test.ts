import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LESSON_BYTES } from '../../src/pipeline/lesson-text.ts';
import { lectern, lecternWithEnvironment, scratchFolder } from '../support/run-lectern.ts';

function slides(count: number): string {
  return Array.from(
    { length: count },
    (_, index) =>
      `## Slide ${index + 1}\n\nParagraph ${index + 1} has a **bold** idea and an _emphasised_ one.\n\n- First point.\n- Second point, a little longer.\n\nNote: Ask about point ${index + 1}.`,
  ).join('\n\n---\n\n');
}

describe('a very large lesson', () => {
  // Measured through the bundled command (made before the tests) with two print workers, whatever the machine's cores.
  it('should build 2,000 slides with two print workers and a peak memory under 500 MB', async () => {
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'huge.md'), `---\ntitle: Two thousand slides\n---\n\n${slides(2000)}\n`);
    const { code, stdout, stderr } = await lecternWithEnvironment({ LECTERN_PRINT_WORKERS: '2' }, folder, 'build', 'huge.md', '--verbose');
    expect(code).toBe(0);
    expect(stdout).toContain('1 of 1 lesson built, 10 files written, 0 errors, 0 warnings');
    // Its PowerPoint file would be too large to make in memory: a note says so.
    expect(stderr).toContain('No PowerPoint file: this lesson has 2000 slides');
    const peak = Number(/^Peak memory: (\d+) MB\.$/m.exec(stdout)![1]);
    expect(peak).toBeLessThan(500);
  }, 120_000);

  it('should refuse a file over the size limit with a clear error, before reading it', async () => {
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'pasted.md'), `---\ntitle: Pasted\n---\n\n${'x'.repeat(MAX_LESSON_BYTES + 1024 * 1024)}\n`);
    const { code, stderr } = await lectern(folder, 'build', 'pasted.md');
    expect(code).toBe(1);
    expect(stderr).toBe(
      'pasted.md:1:1: error: This lesson file is 6.0 MB; the limit is 5.0 MB. Split it into several lessons, or check that it is really a lesson (not a pasted image or document).\n',
    );
  });
});
