import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLessons } from '../../src/node/build-lessons.ts';
import { formatMessages } from '../../src/shared/reporter.ts';
import { scratchFolder } from '../support/run-lectern.ts';

describe('files a lesson refers to', () => {
  it('should be refused when a link inside the lesson folder leads outside it, and nothing should be copied', async () => {
    const folder = await scratchFolder();
    await mkdir(path.join(folder, 'lessons', 'images'), { recursive: true });
    await mkdir(path.join(folder, 'private'));
    await writeFile(path.join(folder, 'private', 'grades.png'), 'secret');
    await symlink(path.join(folder, 'private', 'grades.png'), path.join(folder, 'lessons', 'images', 'chart.png'));
    await symlink(path.join(folder, 'private'), path.join(folder, 'lessons', 'shared'));
    await writeFile(path.join(folder, 'lessons', 'a.md'), '---\ntitle: A\n---\n\n# Charts\n\n![A chart](images/chart.png)\n\n![Another](shared/grades.png)\n');
    const [result] = await buildLessons({ inputs: ['lessons/a.md'], outDir: path.join(folder, 'output'), cwd: folder });
    expect(formatMessages(result.file)).toEqual([
      'lessons/a.md:7:1: error: The image "images/chart.png" links to a file outside the lesson\'s folder; lessons may only use files inside it. Copy the image into the folder instead.',
      'lessons/a.md:9:1: error: The image "shared/grades.png" links to a file outside the lesson\'s folder; lessons may only use files inside it. Copy the image into the folder instead.',
    ]);
    expect(existsSync(path.join(folder, 'output'))).toBe(false);
  });

  it('should be allowed through a link that stays inside the lesson folder, and a damaged image should not stop the PDFs', async () => {
    const folder = await scratchFolder();
    await mkdir(path.join(folder, 'lessons', 'images'), { recursive: true });
    await writeFile(path.join(folder, 'lessons', 'images', 'real.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    await symlink(path.join(folder, 'lessons', 'images', 'real.png'), path.join(folder, 'lessons', 'alias.png'));
    await writeFile(path.join(folder, 'lessons', 'a.md'), '---\ntitle: A\n---\n\n# Charts\n\n![A chart](alias.png)\n');
    const [result] = await buildLessons({ inputs: ['lessons/a.md'], outDir: path.join(folder, 'output'), cwd: folder });
    expect(formatMessages(result.file)).toEqual([
      'lessons/a.md: note: Not made, as the lesson has nothing for them: debate worksheet (it needs a :::debate block), role cards (it needs a :::roles block), timeline worksheet (it needs a :::timeline block), map worksheet (it needs a :::map block), vocabulary quiz (it needs a :::terms block).',
      'lessons/a.md:7:1: warning: The image "alias.png" is damaged or not really a PNG or JPEG file, so the PDFs show its description instead. The deck shows it if the browser can. Save it as PNG or JPEG to print it.',
    ]);
    expect(existsSync(path.join(folder, 'output', 'a', 'assets', 'alias.png'))).toBe(true);
  });
});
