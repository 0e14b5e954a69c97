// Conservation over many lessons of every shape: nothing a student sees is lost on paper, no teacher text reaches a
// student, every PDF is sound and has no blank page. Lessons generated from a seed are checked in
// generated-conservation.test.ts, which CI also repeats with twenty seeds.
import { copyFile, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_LESSONS, COMPLETE_FIXTURE, ROOT, buildInto } from '../support/build-fixture.ts';
import { checkConservation, conservationFailures } from '../support/conservation.ts';
import { needsTools } from '../support/needs-tool.ts';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'conservation');
/** Columns, sized images and a background picture; built on its own, as its file name is the complete fixture's. */
const LAYOUT_FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'lessons', 'layout', 'input.md');

const hasTools = needsTools(['pdftotext', 'pdftoppm', 'qpdf'], 'install poppler-utils and qpdf (Debian: apt-get install poppler-utils qpdf)');

interface Built {
  source: string;
  folder: string;
}
const built: Built[] = [];
let fixtureCount = 0;

beforeAll(async () => {
  if (!hasTools) return;
  const fixtures = (await readdir(FIXTURES)).filter((name) => name.endsWith('.md')).map((name) => path.join(FIXTURES, name));
  fixtureCount = fixtures.length;
  const inputs = [BUNDLED_LESSONS, COMPLETE_FIXTURE, path.join(ROOT, 'tests', 'fixtures', 'scripts', 'all-scripts.md'), ...fixtures];
  const { outDir, results } = await buildInto(inputs);
  for (const result of results) built.push({ source: path.resolve(ROOT, result.source), folder: path.join(outDir, result.slug) });
  const layout = await buildInto([LAYOUT_FIXTURE]);
  built.push({ source: LAYOUT_FIXTURE, folder: path.join(layout.outDir, layout.results[0].slug) });
}, 600_000);

describe.runIf(hasTools)('conservation', () => {
  it('should build every lesson: the bundled ones and the fixtures (one in every script, one with columns)', () => {
    expect(built.length).toBe(2 + 1 + 1 + fixtureCount + 1);
  });

  it('should carry every word students see to their printables, every note to the teacher edition alone, with sound PDFs and no blank page', async () => {
    expect(await conservationFailures(built)).toBe('');
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

  it('should catch a formula and a code line that do not reach paper', async () => {
    const { source, folder } = built.find((lesson) => lesson.source.endsWith('stem-speed.md'))!;
    const broken = await mkdtemp(path.join(os.tmpdir(), 'lectern-broken-'));
    const copy = path.join(broken, path.basename(folder));
    await mkdir(copy);
    for (const name of await readdir(folder))
      if (name.endsWith('.pdf') || name === 'index.html') await copyFile(path.join(folder, name), path.join(copy, name));
    // A deck whose formula and code differ from what was printed: the printed TeX and code no longer match it.
    const deck = await readFile(path.join(folder, 'index.html'), 'utf8');
    await writeFile(
      path.join(copy, 'index.html'),
      deck
        .replace('<title>\\bar{v} = \\frac{\\Delta s}{\\Delta t}</title>', '<title>\\bar{u}</title>')
        .replace('average_speed</span>(<span', 'mean_speed</span>(<span'),
    );
    const { problems } = await checkConservation(source, copy);
    expect(problems).toContain('index.html: 1 formula(s) not drawn: \\bar{v} = \\frac{\\Delta s}{\\Delta t}');
    expect(problems.some((problem) => /^slides-handout\.pdf: \d+ math or code token\(s\) of slide 4 missing: .*\\bar\{u\}/.test(problem))).toBe(true);
    expect(problems.some((problem) => /^handout\.pdf: \d+ math or code token\(s\) of slide 5's reading text missing: .*mean_speed/.test(problem))).toBe(true);
  });
});
