// Conservation over lessons generated from a seed: lessons of shapes no one wrote by hand. The seed is printed, and
// LECTERN_SEED=N replays it; CI runs this file with twenty seeds in a row (.ci/repeat-property-tests).
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildInto } from '../support/build-fixture.ts';
import { conservationFailures } from '../support/conservation.ts';
import { generateLessons } from '../support/generate-lessons.ts';
import { needsTools } from '../support/needs-tool.ts';
import { SEED, announceSeed } from '../support/seed.ts';

const GENERATED = 10;
const IMAGES = path.join(ROOT, 'tests', 'fixtures', 'conservation', 'images');

const hasTools = needsTools(['pdftotext', 'pdftoppm', 'qpdf'], 'install poppler-utils and qpdf (Debian: apt-get install poppler-utils qpdf)');

const built: { source: string; folder: string }[] = [];

beforeAll(async () => {
  if (!hasTools) return;
  announceSeed('Generated lessons');
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lectern-generated-'));
  await mkdir(path.join(folder, 'images'));
  await copyFile(path.join(IMAGES, 'cycle.png'), path.join(folder, 'images', 'cycle.png'));
  const generated = generateLessons(SEED, GENERATED);
  await Promise.all(generated.map((text, index) => writeFile(path.join(folder, `generated-${String(index + 1).padStart(2, '0')}.md`), text)));
  const { outDir, results } = await buildInto([folder]);
  for (const result of results) built.push({ source: path.resolve(ROOT, result.source), folder: path.join(outDir, result.slug) });
}, 600_000);

describe.runIf(hasTools)('conservation in generated lessons', () => {
  it(`should build all ${GENERATED} generated lessons`, () => {
    expect(built.length).toBe(GENERATED);
  });

  it('should carry every word students see to their printables and every note to the teacher edition alone', async () => {
    expect(await conservationFailures(built, ` (seed ${SEED})`)).toBe('');
  }, 600_000);
});
