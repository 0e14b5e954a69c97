// Conservation over many lessons of every shape: nothing a student sees is lost on paper, no teacher text reaches a
// student, every PDF is sound and has no blank page. The generated lessons come from a printed, replayable seed.
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_LESSONS, COMPLETE_FIXTURE, ROOT, buildInto } from '../support/build-fixture.ts';
import { checkConservation } from '../support/conservation.ts';
import { needsTools } from '../support/needs-tool.ts';
import { generateLessons } from '../support/generate-lessons.ts';
import { SEED, announceSeed } from '../support/seed.ts';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'conservation');
/** Columns, sized images and a background picture; built on its own, as its file name is the complete fixture's. */
const LAYOUT_FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'lessons', 'layout', 'input.md');
const GENERATED = 10;

const hasTools = needsTools(['pdftotext', 'pdftoppm', 'qpdf'], 'install poppler-utils and qpdf (Debian: apt-get install poppler-utils qpdf)');

interface Built {
  source: string;
  folder: string;
}
const built: Built[] = [];

beforeAll(async () => {
  if (!hasTools) return;
  announceSeed('Generated lessons');
  const generatedFolder = await mkdtemp(path.join(os.tmpdir(), 'lectern-generated-'));
  await mkdir(path.join(generatedFolder, 'images'));
  await copyFile(path.join(FIXTURES, 'images', 'cycle.png'), path.join(generatedFolder, 'images', 'cycle.png'));
  const generated = generateLessons(SEED, GENERATED);
  await Promise.all(generated.map((text, index) => writeFile(path.join(generatedFolder, `generated-${String(index + 1).padStart(2, '0')}.md`), text)));
  const fixtures = (await readdir(FIXTURES)).filter((name) => name.endsWith('.md')).map((name) => path.join(FIXTURES, name));
  const inputs = [BUNDLED_LESSONS, COMPLETE_FIXTURE, path.join(ROOT, 'tests', 'fixtures', 'scripts', 'all-scripts.md'), ...fixtures, generatedFolder];
  const { outDir, results } = await buildInto(inputs);
  for (const result of results) built.push({ source: path.resolve(ROOT, result.source), folder: path.join(outDir, result.slug) });
  const layout = await buildInto([LAYOUT_FIXTURE]);
  built.push({ source: LAYOUT_FIXTURE, folder: path.join(layout.outDir, layout.results[0].slug) });
}, 600_000);

describe.runIf(hasTools)('conservation', () => {
  it('should build every lesson: the bundled ones, the fixtures (one in every script, one with columns) and the generated ones', () => {
    expect(built.length).toBe(2 + 1 + 1 + 4 + 1 + GENERATED);
  });

  it('should carry every word students see to their printables, every note to the teacher edition alone, with sound PDFs and no blank page', async () => {
    const failures: string[] = [];
    for (const { source, folder } of built) {
      const { problems, counted } = await checkConservation(source, folder);
      expect(counted.slides, source).toBeGreaterThan(0);
      expect(counted.pdfs, source).toBeGreaterThanOrEqual(3);
      if (problems.length > 0) failures.push(`${path.relative(ROOT, source)} (seed ${SEED}):\n  ${problems.join('\n  ')}`);
    }
    expect(failures.join('\n')).toBe('');
  }, 600_000);

  it('should catch a lost slide and a leaked note', async () => {
    const { source, folder } = built.find((lesson) => lesson.source.endsWith('notes-everywhere.md'))!;
    const broken = await mkdtemp(path.join(os.tmpdir(), 'lectern-broken-'));
    const copy = path.join(broken, path.basename(folder));
    await mkdir(copy);
    for (const name of await readdir(folder))
      if (name.endsWith('.pdf') || name === 'index.html') await copyFile(path.join(folder, name), path.join(copy, name));
    // The teacher edition printed as the handout: notes leak, and the reading text is lost.
    await copyFile(path.join(folder, 'teacher-edition.pdf'), path.join(copy, 'handout.pdf'));
    const { problems } = await checkConservation(source, copy);
    expect(problems.some((problem) => problem.startsWith('handout.pdf: teacher text leaked'))).toBe(true);
    expect(problems.some((problem) => /^handout\.pdf: \d+ word\(s\) of slide 3's reading text missing/.test(problem))).toBe(true);
  });
});
