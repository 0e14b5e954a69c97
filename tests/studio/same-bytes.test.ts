// The studio runs the same pipeline as `lectern build`, in a browser: for the same lesson, images, templates and Lectern,
// "Download all" gives the files `lectern build` writes, byte for byte (every PDF, the deck and its files, the
// PowerPoint file). A font beyond the Latin one is fetched when a lesson first needs it, and prints the same.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_FILE } from '../../src/node/build-record.ts';
import { hasChromium } from '../support/browser.ts';
import { ROOT, buildInto } from '../support/build-fixture.ts';
import { downloadAll, filesBelow, lessonFiles, openStudio, studioOnStaticHost } from '../support/studio.ts';

const LESSONS = [
  'lessons/putin-and-kim-a-new-partnership.md',
  'lessons/why-putin-visited-north-korea.md',
  'tests/fixtures/lessons/complete/input.md',
  'tests/fixtures/lessons/layout/input.md',
  'tests/fixtures/lessons/maps/input.md',
  'tests/fixtures/scripts/all-scripts.md',
  'tests/fixtures/conservation/stem-speed.md',
];

describe.runIf(hasChromium)('the studio and lectern build', () => {
  const host = studioOnStaticHost();

  for (const lesson of LESSONS) {
    it(`should give ${lesson}'s files byte for byte as lectern build writes them`, async () => {
      const slug = path.basename(lesson, '.md');
      const { outDir } = await buildInto([path.join(ROOT, lesson)]);
      const built = await filesBelow(path.join(outDir, slug));
      built.delete(RECORD_FILE);
      const studio = await openStudio(host.browser(), host.url(), [await lessonFiles(path.join(ROOT, lesson), `${slug}.md`)]);
      try {
        const zipped = await downloadAll(studio.page);
        const downloaded = new Map([...zipped].map(([name, data]) => [name.replace(`${slug}/`, ''), data]));
        expect([...downloaded.keys()].every((name) => !name.includes('/') || /^(reveal|assets)\//.test(name))).toBe(true);
        expect([...downloaded.keys()].sort()).toEqual([...built.keys()].sort());
        const differing = [...built]
          .filter(([name, data]) => Buffer.compare(Buffer.from(data), Buffer.from(downloaded.get(name)!)) !== 0)
          .map(([name]) => name);
        expect(differing).toEqual([]);
        expect(studio.problems).toEqual([]);
      } finally {
        await studio.context.close();
      }
    }, 180_000);
  }
});
