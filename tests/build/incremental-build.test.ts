import { readFileSync, readdirSync, statSync } from 'node:fs';
import { appendFile, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLessons, type BuildEvent } from '../../src/node/build-lessons.ts';
import { resolveBuildOptions } from '../../src/config/resolve-build-options.ts';
import { startDevServer } from '../../src/dev/dev-server.ts';
import { ROOT } from '../support/build-fixture.ts';
import { lectern, scratchFolder } from '../support/run-lectern.ts';

const IMAGE = path.join(ROOT, 'tests', 'fixtures', 'lessons', 'complete', 'images', 'cycle.png');
const PICTURE = '---\ntitle: Picture\n---\n\n# Rain\n\n![A diagram of rain](images/cycle.png)\n\n:::terms\n- **Rain** — Water from clouds.\n:::\n';
const PLAIN = '---\ntitle: Plain\n---\n\n# Hello\n\nA slide.\n\nNote: Say hello.\n';

/** Every file under `folder` with its bytes and modification time. */
function snapshot(folder: string): Map<string, { data: Buffer; mtimeMs: number }> {
  const files = new Map<string, { data: Buffer; mtimeMs: number }>();
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(folder, file), { data: readFileSync(file), mtimeMs: statSync(file).mtimeMs });
  }
  return files;
}

/** The output files rewritten between two snapshots (the build records left out). */
function rewritten(before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>): string[] {
  return [...after]
    .filter(([file, { mtimeMs }]) => !file.endsWith('.lectern-build.json') && before.get(file)?.mtimeMs !== mtimeMs)
    .map(([file]) => file)
    .sort();
}

async function library(): Promise<string> {
  const folder = await scratchFolder();
  await mkdir(path.join(folder, 'lessons', 'images'), { recursive: true });
  await copyFile(IMAGE, path.join(folder, 'lessons', 'images', 'cycle.png'));
  await writeFile(path.join(folder, 'lessons', 'picture.md'), PICTURE);
  await writeFile(path.join(folder, 'lessons', 'plain.md'), PLAIN);
  return folder;
}

const summary = (stdout: string) => stdout.trim().split('\n').at(-1);
const output = (folder: string) => path.join(folder, 'output');

describe('building again', () => {
  it('should skip lessons that are up to date, rebuild an edited lesson or image, and --force rebuilds all', { timeout: 120_000 }, async () => {
    const folder = await library();
    expect((await lectern(folder, 'build')).code).toBe(0);
    const first = snapshot(output(folder));

    const again = await lectern(folder, 'build');
    expect(summary(again.stdout)).toMatch(/^0 of 2 lessons built, 2 up to date, 0 files written, 0 errors, 0 warnings in /);
    expect(again.stdout).toContain('lessons/plain.md: up to date (output/plain/)');
    // The notes of the build that made the files are shown again.
    expect(again.stderr).toContain('lessons/plain.md: note: Not made, as the lesson has nothing for them');
    const second = snapshot(output(folder));
    expect(rewritten(first, second)).toEqual([]);
    for (const [file, { data }] of first) expect(second.get(file)?.data.equals(data), file).toBe(true);

    await appendFile(path.join(folder, 'lessons', 'plain.md'), '\n---\n\n## Another slide\n\nMore.\n');
    const edited = await lectern(folder, 'build');
    expect(summary(edited.stdout)).toMatch(/^1 of 2 lessons built, 1 up to date, /);
    const third = snapshot(output(folder));
    expect(rewritten(second, third).every((file) => file.startsWith('plain/'))).toBe(true);
    expect(third.get('plain/index.html')!.data.toString()).toContain('Another slide');

    const image = readFileSync(IMAGE);
    await writeFile(path.join(folder, 'lessons', 'images', 'cycle.png'), Buffer.concat([image, Buffer.from('trailing bytes')]));
    expect(summary((await lectern(folder, 'build')).stdout)).toMatch(/^1 of 2 lessons built, 1 up to date, /);
    const fourth = snapshot(output(folder));
    expect(rewritten(third, fourth)).toContain('picture/assets/images/cycle.png');
    expect(rewritten(third, fourth).every((file) => file.startsWith('picture/'))).toBe(true);

    const forced = await lectern(folder, 'build', '--force');
    expect(summary(forced.stdout)).toMatch(/^2 of 2 lessons built, \d+ files written/);
    const fifth = snapshot(output(folder));
    expect(rewritten(fourth, fifth).sort()).toEqual([...fourth.keys()].filter((file) => !file.endsWith('.lectern-build.json')).sort());
    // The same lessons give the same bytes.
    for (const [file, { data }] of fourth) expect(fifth.get(file)?.data.equals(data), file).toBe(true);
  });

  it('should say before building how many lessons are to be built, and how many of them with PDFs', { timeout: 120_000 }, async () => {
    const folder = await library();
    const plans: BuildEvent[] = [];
    const build = (only?: string[]) =>
      buildLessons({
        inputs: ['lessons'],
        outDir: output(folder),
        cwd: folder,
        ...(only ? { only } : {}),
        onProgress: (event) => event.type === 'plan' && plans.push(event),
      });
    await build();
    await appendFile(path.join(folder, 'lessons', 'plain.md'), '\n---\n\n## Another slide\n\nMore.\n');
    await build();
    await appendFile(path.join(folder, 'lessons', 'picture.md'), '\n---\n\n## Another slide\n\nMore.\n');
    await build(['deck']);
    expect(plans).toEqual([
      { type: 'plan', lessons: 2, toBuild: 2, printing: 2 },
      { type: 'plan', lessons: 2, toBuild: 1, printing: 1 },
      { type: 'plan', lessons: 2, toBuild: 1, printing: 0 },
    ]);
  });

  it('should remake only the printable whose template changed, in every lesson', { timeout: 120_000 }, async () => {
    const folder = await library();
    expect((await lectern(folder, 'build')).code).toBe(0);
    const before = snapshot(output(folder));
    await mkdir(path.join(folder, 'my-templates', 'print'), { recursive: true });
    const handout = readFileSync(path.join(ROOT, 'templates', 'print', 'handout.hbs'), 'utf8');
    await writeFile(path.join(folder, 'my-templates', 'print', 'handout.hbs'), `**Riverside High School**\n\n${handout}`);
    await writeFile(path.join(folder, 'lectern.config.yaml'), 'templates: my-templates\n');
    const { stdout } = await lectern(folder, 'build');
    expect(summary(stdout)).toMatch(/^2 of 2 lessons built, 2 files written, /);
    expect(rewritten(before, snapshot(output(folder)))).toEqual(['picture/handout.pdf', 'plain/handout.pdf']);
  });

  it('should make again an output deleted or edited by hand since the last build', { timeout: 120_000 }, async () => {
    const folder = await library();
    expect((await lectern(folder, 'build')).code).toBe(0);
    const before = snapshot(output(folder));
    await rm(path.join(output(folder), 'plain', 'handout.pdf'));
    await appendFile(path.join(output(folder), 'picture', 'index.html'), '<!-- changed by hand -->');
    expect((await lectern(folder, 'build')).code).toBe(0);
    const after = snapshot(output(folder));
    expect(after.get('plain/handout.pdf')?.data.equals(before.get('plain/handout.pdf')!.data)).toBe(true);
    expect(after.get('picture/index.html')?.data.equals(before.get('picture/index.html')!.data)).toBe(true);
    const remade = rewritten(before, after);
    expect(remade).toContain('plain/handout.pdf');
    expect(remade).toContain('picture/index.html');
    expect(remade.some((file) => file.endsWith('.pdf') && file !== 'plain/handout.pdf')).toBe(false);
  });

  it('should build a lesson again when its build record is damaged, and report a failed lesson again on the next build', { timeout: 120_000 }, async () => {
    const folder = await library();
    await rm(path.join(folder, 'lessons', 'picture.md'));
    expect((await lectern(folder, 'build')).code).toBe(0);
    await writeFile(path.join(output(folder), 'plain', '.lectern-build.json'), '{"format": 1, "outp');
    const damaged = await lectern(folder, 'build');
    expect(damaged.code).toBe(0);
    expect(summary(damaged.stdout)).toMatch(/^1 of 1 lesson built, /);

    await writeFile(path.join(folder, 'lessons', 'plain.md'), PLAIN.replace('title: Plain', 'title: Plain\nprintTemplates:\n  handout: exam-sheet'));
    for (let build = 0; build < 2; build++) {
      const failed = await lectern(folder, 'build');
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('There is no print template "exam-sheet"');
      expect(failed.stdout).toContain('lessons/plain.md: not built');
    }
  });

  it('should start lectern dev without building again the lessons that are up to date, and list them by title', { timeout: 120_000 }, async () => {
    const folder = await library();
    // Built by the same code as the server (the sources here), as `lectern build` and `lectern dev` are by one Lectern.
    await buildLessons(await resolveBuildOptions(folder, []));
    const before = snapshot(output(folder));
    const server = await startDevServer({ port: 0, configFiles: [], loadBuildOptions: () => resolveBuildOptions(folder, []), log: () => undefined });
    try {
      const page = await (await fetch(server.url)).text();
      expect(page).toContain('Picture');
      expect(page).toContain('Plain');
      expect(rewritten(before, snapshot(output(folder)))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
