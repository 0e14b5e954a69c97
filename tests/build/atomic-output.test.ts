import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_LESSONS } from '../support/build-fixture.ts';
import { LECTERN, lectern, scratchFolder } from '../support/run-lectern.ts';

function filesOf(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(path.relative(folder, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

/** Start a build and kill it (SIGKILL: no clean-up possible) after `delay` ms. */
function buildAndKill(cwd: string, delay: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [LECTERN, 'build', '--quiet'], { cwd, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('output written by a build', () => {
  it('should be the old whole file or the new whole file whenever the build is killed, and the next build should tidy up', { timeout: 180_000 }, async () => {
    const folder = await scratchFolder();
    await cp(BUNDLED_LESSONS, path.join(folder, 'lessons'), { recursive: true });
    const lessons = readdirSync(path.join(folder, 'lessons'));
    const original = new Map(lessons.map((name) => [name, readFileSync(path.join(folder, 'lessons', name), 'utf8')]));
    const edit = (name: string, text: string) => text.replace(/^title: .*$/m, `title: Edited ${name}`).replace(/^(#+ .*)$/m, '$1 (edited)');

    // The new version's bytes, built on their own (builds are reproducible).
    const newVersion = await scratchFolder();
    await mkdir(path.join(newVersion, 'lessons'));
    for (const [name, text] of original) writeFileSync(path.join(newVersion, 'lessons', name), edit(name, text));
    expect((await lectern(newVersion, 'build', '--quiet')).code).toBe(0);
    const newFiles = filesOf(path.join(newVersion, 'output'));

    expect((await lectern(folder, 'build', '--quiet')).code).toBe(0);
    const oldFiles = filesOf(path.join(folder, 'output'));
    expect([...oldFiles.keys()].sort()).toEqual([...newFiles.keys()].sort());

    for (const delay of [200, 600, 1000, 1500]) {
      for (const [name, text] of original) await writeFile(path.join(folder, 'lessons', name), edit(name, text));
      await buildAndKill(folder, delay);
      for (const [file, data] of filesOf(path.join(folder, 'output'))) {
        if (file.endsWith('.tmp')) continue;
        const whole = data.equals(oldFiles.get(file)!) || data.equals(newFiles.get(file)!);
        expect(whole, `${file} after a kill at ${delay} ms is neither the old nor the new file`).toBe(true);
      }
      expect(filesOf(path.join(folder, 'output')).size).toBeGreaterThanOrEqual(oldFiles.size);
      // Put the old version back for the next round.
      for (const [name, text] of original) await writeFile(path.join(folder, 'lessons', name), text);
      expect((await lectern(folder, 'build', '--quiet')).code).toBe(0);
      const tidy = filesOf(path.join(folder, 'output'));
      expect(
        [...tidy.keys()].filter((file) => file.endsWith('.tmp')),
        'temporary files left after a full build',
      ).toEqual([]);
    }
  });

  it('should remove temporary files that a killed build left behind', async () => {
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'a.md'), '---\ntitle: A\n---\n\n# One\n');
    await mkdir(path.join(folder, 'output', 'a', 'reveal'), { recursive: true });
    await writeFile(path.join(folder, 'output', 'a', '.handout.pdf.12345.tmp'), 'half a PDF');
    await writeFile(path.join(folder, 'output', 'a', 'reveal', '.reveal.js.999.tmp'), 'half a script');
    await writeFile(path.join(folder, 'output', 'a', 'notes.txt'), "a teacher's own file");
    expect((await lectern(folder, 'build', 'a.md')).code).toBe(0);
    const left = [...filesOf(path.join(folder, 'output', 'a')).keys()];
    expect(left.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(left).toContain('notes.txt');
  });
});
