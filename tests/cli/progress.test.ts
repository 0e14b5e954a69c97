import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildLessons } from '../../src/node/build-lessons.ts';
import { progressReporter } from '../../src/cli/progress.ts';
import { lectern, scratchFolder } from '../support/run-lectern.ts';

const LESSON = '---\ntitle: Tides\n---\n\n# Tides\n\nThe moon pulls the sea.\n';

function fakeTerminal(isTTY: boolean) {
  let written = '';
  return { stream: { isTTY, write: (text: string) => ((written += text), true) } as unknown as NodeJS.WriteStream, written: () => written };
}

describe('build progress', () => {
  it('should show lesson n of N and the current step on one rewritten line in a terminal, and clear it at the end', async () => {
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'a.md'), LESSON);
    await writeFile(path.join(folder, 'b.md'), LESSON);
    const terminal = fakeTerminal(true);
    await buildLessons({ inputs: ['.'], outDir: path.join(folder, 'out'), cwd: folder, onProgress: progressReporter(terminal.stream, 'normal') });
    const text = terminal.written();
    expect(text).toContain('\r\x1b[2K[1/2] a.md: deck…');
    expect(text).toContain('\r\x1b[2K[2/2] b.md: printables…');
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('should print no progress when not on a terminal, and plain step lines with --verbose', async () => {
    const quietPipe = fakeTerminal(false);
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'a.md'), LESSON);
    await buildLessons({ inputs: ['a.md'], outDir: path.join(folder, 'out'), cwd: folder, onProgress: progressReporter(quietPipe.stream, 'normal') });
    expect(quietPipe.written()).toBe('');
    const verbose = await lectern(folder, 'build', 'a.md', '--verbose');
    expect(verbose.stderr.split('\n').filter((line) => line.startsWith('[1/1]'))).toEqual([
      '[1/1] a.md: checking',
      '[1/1] a.md: deck',
      '[1/1] a.md: writing',
      '[1/1] a.md: PowerPoint',
      '[1/1] a.md: writing',
      '[1/1] a.md: printables',
      '[1/1] a.md: writing',
    ]);
  });

  it('should print nothing with --quiet when all is well, and still the problems when not', async () => {
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'a.md'), LESSON);
    const quiet = await lectern(folder, 'build', 'a.md', '--quiet');
    // Notes only inform: --quiet leaves them out.
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    await writeFile(path.join(folder, 'b.md'), '---\ntitel: Oops\n---\n');
    const broken = await lectern(folder, 'build', 'b.md', '--quiet');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('b.md:2:1: error: Unknown front matter key "titel". Did you mean "title"?');
    expect(broken.stdout).toMatch(/^0 of 1 lesson built, 0 files written, 2 errors, 0 warnings in \d+\.\d s\.\n$/);
  });
});
