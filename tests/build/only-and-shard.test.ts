import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { appendFile, copyFile, cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-fixture.ts';
import { generateLessons } from '../support/generate-lessons.ts';
import { lectern, scratchFolder } from '../support/run-lectern.ts';
import { SEED, announceSeed } from '../support/seed.ts';

const IMAGE = path.join(ROOT, 'tests', 'fixtures', 'lessons', 'complete', 'images', 'cycle.png');
const LESSON = '---\ntitle: Rain\n---\n\n# Rain\n\nWater falls from clouds.\n\n:::terms\n- **Rain** — Water from clouds.\n:::\n';

function filesOf(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(path.relative(folder, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

async function oneLesson(config = ''): Promise<string> {
  const folder = await scratchFolder();
  await mkdir(path.join(folder, 'lessons'));
  await writeFile(path.join(folder, 'lessons', 'rain.md'), LESSON);
  if (config) await writeFile(path.join(folder, 'lectern.config.yaml'), config);
  return folder;
}

const lessonFiles = (folder: string) => [...filesOf(path.join(folder, 'output', 'rain')).keys()].filter((file) => !file.startsWith('.')).sort();

describe('lectern build --only', () => {
  it(
    'should write only the deck with --only deck, then only the handout with --only handout, leaving the other files untouched',
    { timeout: 120_000 },
    async () => {
      const folder = await oneLesson();
      const deck = await lectern(folder, 'build', '--only', 'deck');
      expect(deck.code).toBe(0);
      expect(lessonFiles(folder).filter((file) => !file.startsWith('reveal/'))).toEqual(['index.html', 'lectern.css']);

      expect((await lectern(folder, 'build')).code).toBe(0);
      const all = lessonFiles(folder);
      expect(all).toContain('handout.pdf');
      expect(all).toContain('rain.pptx');
      const times = new Map(all.map((file) => [file, statSync(path.join(folder, 'output', 'rain', file)).mtimeMs]));

      await appendFile(path.join(folder, 'lessons', 'rain.md'), '\n---\n\n## Snow\n\nFrozen water.\n');
      const handout = await lectern(folder, 'build', '--only', 'handout');
      expect(handout.code).toBe(0);
      const changed = all.filter((file) => statSync(path.join(folder, 'output', 'rain', file)).mtimeMs !== times.get(file));
      expect(changed).toEqual(['handout.pdf']);
      expect(readFileSync(path.join(folder, 'output', 'rain', 'index.html'), 'utf8')).not.toContain('Snow');
      // The deck was not made from the edited lesson, so the next full build makes it (and the rest) again.
      const full = await lectern(folder, 'build');
      expect(full.stdout).toContain('1 of 1 lesson built');
      expect(readFileSync(path.join(folder, 'output', 'rain', 'index.html'), 'utf8')).toContain('Snow');
    },
  );

  it('should take the outputs from `outputs:` in lectern.config.yaml', { timeout: 60_000 }, async () => {
    const folder = await oneLesson('outputs: [deck, vocabulary-quiz]\n');
    expect((await lectern(folder, 'build')).code).toBe(0);
    expect(lessonFiles(folder).filter((file) => !file.startsWith('reveal/'))).toEqual(['index.html', 'lectern.css', 'vocabulary-quiz.pdf']);
  });

  it('should stop with the valid names and the closest one for an unknown output', async () => {
    const folder = await oneLesson();
    const flag = await lectern(folder, 'build', '--only', 'deck,handot');
    expect(flag.code).toBe(1);
    expect(flag.stderr).toBe(
      'lectern: --only: there is no output "handot"; expected one of deck, pptx, handout, debate-worksheet, slides-handout, role-cards, timeline-worksheet, map-worksheet, vocabulary-quiz, teacher-edition. Did you mean "handout"?\n',
    );
    await writeFile(path.join(folder, 'lectern.config.yaml'), 'outputs:\n  - deck\n  - teacher-editon\n');
    const config = await lectern(folder, 'build');
    expect(config.code).toBe(1);
    expect(config.stderr).toContain('lectern.config.yaml:3:5: error: Config "outputs.1" is text "teacher-editon"; expected one of deck, pptx,');
    expect(config.stderr).toContain('Did you mean "teacher-edition"?');
    expect(existsSync(path.join(folder, 'output'))).toBe(false);
  });
});

describe('lectern build --shard', () => {
  it(
    'should build every lesson in exactly one of 3 shards, whose output folders together are one whole build, byte for byte',
    { timeout: 300_000 },
    async () => {
      const folder = await scratchFolder();
      await mkdir(path.join(folder, 'lessons', 'images'), { recursive: true });
      await copyFile(IMAGE, path.join(folder, 'lessons', 'images', 'cycle.png'));
      announceSeed('The lessons split into shards');
      const lessons = generateLessons(SEED, 6);
      for (const [index, text] of lessons.entries()) await writeFile(path.join(folder, 'lessons', `lesson-${index + 1}.md`), text);

      expect((await lectern(folder, 'build', '--out', 'whole', '--quiet')).code).toBe(0);
      const whole = filesOf(path.join(folder, 'whole'));
      const merged = path.join(folder, 'merged');
      const built: string[] = [];
      for (const shard of ['1/3', '2/3', '3/3']) {
        const { code, stdout } = await lectern(folder, 'build', '--shard', shard, '--out', `shard-${shard[0]}`);
        expect(code).toBe(0);
        expect(stdout).toContain(`(shard ${shard[0]} of 3)`);
        // A shard may have no lesson of so few; it then writes nothing.
        if (!existsSync(path.join(folder, `shard-${shard[0]}`))) continue;
        built.push(...readdirSync(path.join(folder, `shard-${shard[0]}`)));
        await cp(path.join(folder, `shard-${shard[0]}`), merged, { recursive: true });
      }
      expect(built.sort()).toEqual(lessons.map((_, index) => `lesson-${index + 1}`).sort());
      const union = filesOf(merged);
      expect([...union.keys()].sort()).toEqual([...whole.keys()].sort());
      for (const [file, data] of whole) expect(union.get(file)?.equals(data), file).toBe(true);
    },
  );

  it('should stop with what to write for a shard that is not i/n', async () => {
    const folder = await oneLesson();
    for (const value of ['0/3', '4/3', '2', 'two/three', '1/0']) {
      const { code, stderr } = await lectern(folder, 'build', '--shard', value);
      expect(code, value).toBe(1);
      expect(stderr).toBe(
        `lectern: --shard ${value}: expected the shard's number and the number of shards, as i/n with 1 ≤ i ≤ n ≤ 1000, e.g. --shard 2/4 for the second of four.\n`,
      );
    }
  });
});
