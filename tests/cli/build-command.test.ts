import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-fixture.ts';
import { lectern } from '../support/run-lectern.ts';

const GOOD = '---\ntitle: Good lesson\n---\n\n# Hello\n\nA slide.\n\nNote: Say hello.\n';

describe('lectern build', () => {
  it('should build lessons/ into output/ by default and end with a summary line', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lectern-cli-'));
    await mkdir(path.join(folder, 'lessons'));
    await writeFile(path.join(folder, 'lessons', 'good.md'), GOOD);
    const { code, stdout, stderr } = await lectern(folder, 'build');
    expect(stderr).toBe(
      'lessons/good.md: note: Not made, as the lesson has nothing for them: debate worksheet (it needs a :::debate block), role cards (it needs a :::roles block), timeline worksheet (it needs a :::timeline block), map worksheet (it needs a :::map block), vocabulary quiz (it needs a :::terms block).\n',
    );
    expect(stdout).toContain('lessons/good.md: built → output/good/');
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^1 of 1 lesson built, 11 files written, 0 errors, 0 warnings in \d+\.\d s\.$/);
    expect(code).toBe(0);
    for (const file of ['index.html', 'handout.pdf', 'lectern.css', 'reveal/reveal.js', 'reveal/plugin/notes.js', 'reveal/theme/white.css']) {
      expect(existsSync(path.join(folder, 'output', 'good', file)), file).toBe(true);
    }
  });

  it('should print only errors and warnings with --quiet: no notes, no progress, no summary when all is well', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lectern-cli-'));
    await mkdir(path.join(folder, 'lessons'));
    // A timeline out of order is a warning; the printables the lesson has nothing for are a note.
    await writeFile(path.join(folder, 'lessons', 'good.md'), `${GOOD}\n---\n\n## Dates\n\n:::timeline\n- **1990** — Later.\n- **1950** — Earlier.\n:::\n`);
    const { code, stdout, stderr } = await lectern(folder, 'build', '--quiet');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^lessons\/good\.md:\d+:3: warning: This timeline event, "1950 — Earlier\.", is listed after "1990 — Later\."/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect((await lectern(folder, 'build')).stderr).toContain('lessons/good.md: note: Not made');
  });

  it("should print Lectern's version", async () => {
    const { code, stdout } = await lectern(ROOT, '--version');
    expect(code).toBe(0);
    expect(stdout).toBe(`${(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  it('should report a broken lesson at its line and column, exit 1, and still build the others', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lectern-cli-'));
    await writeFile(path.join(folder, 'a-good.md'), GOOD);
    await writeFile(path.join(folder, 'b-broken.md'), '---\ntitle: Broken\n---\n\n# Words\n\n:::vocab\n- **A** — b\n:::\n');
    const { code, stdout, stderr } = await lectern(folder, 'build', '.', '--out', 'site');
    expect(code).toBe(1);
    expect(stderr).toContain(
      'b-broken.md:7:1: error: Unknown block ":::vocab". Known blocks: :::terms, :::timeline, :::debate, :::roles, :::questions, :::activity, :::map, :::notes, :::incremental, ::::columns.',
    );
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toContain('b-broken.md: not built');
    expect(stdout).toContain('1 of 2 lessons built, 11 files written, 1 error, 0 warnings in ');
    expect(existsSync(path.join(folder, 'site', 'a-good', 'handout.pdf'))).toBe(true);
    expect(existsSync(path.join(folder, 'site', 'b-broken'))).toBe(false);
  });

  it('should keep the last good outputs of a lesson that is broken later', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lectern-cli-'));
    await writeFile(path.join(folder, 'lesson.md'), GOOD);
    expect((await lectern(folder, 'build', 'lesson.md')).code).toBe(0);
    const before = readFileSync(path.join(folder, 'output', 'lesson', 'handout.pdf'));
    await writeFile(path.join(folder, 'lesson.md'), '---\ntitle: [unclosed\n---\n');
    const { code, stderr } = await lectern(folder, 'build', 'lesson.md');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^lesson\.md:2:17: error: The front matter is not valid YAML/);
    expect(readFileSync(path.join(folder, 'output', 'lesson', 'handout.pdf')).equals(before)).toBe(true);
  });

  it('should say in one line when an input does not exist', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lectern-cli-'));
    const { code, stderr } = await lectern(folder, 'build', 'nowhere.md');
    expect(code).toBe(1);
    expect(stderr).toBe('lectern: Cannot find "nowhere.md". Give a lesson file (.md) or a folder of lessons.\n');
  });

  it("should copy a lesson's images next to its deck", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lectern-cli-'));
    await cp(path.join(ROOT, 'tests', 'fixtures', 'lessons', 'complete'), folder, { recursive: true });
    expect((await lectern(folder, 'build', 'input.md')).code).toBe(0);
    expect(
      readFileSync(path.join(folder, 'output', 'input', 'assets', 'images', 'cycle.png')).equals(readFileSync(path.join(folder, 'images', 'cycle.png'))),
    ).toBe(true);
  });
});
