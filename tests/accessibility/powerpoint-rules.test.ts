// The PowerPoint files pass the rules of PowerPoint's accessibility checker that a file can be held to: every slide has
// a title, every picture a description or the decorative mark, every table a header row, and the file and its text
// declare the lesson's language.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_LESSONS, COMPLETE_FIXTURE, ROOT, buildInto } from '../support/build-fixture.ts';
import { powerPointRuleFailures } from '../support/powerpoint-rules.ts';

const LESSONS = [
  BUNDLED_LESSONS,
  COMPLETE_FIXTURE,
  path.join(ROOT, 'tests', 'fixtures', 'lessons', 'layout', 'input.md'),
  path.join(ROOT, 'tests', 'fixtures', 'lessons', 'maps', 'input.md'),
];

describe('the PowerPoint files and the accessibility checker', () => {
  it('should break none of its rules in the bundled lessons and the fixtures', async () => {
    for (const lesson of LESSONS) {
      const { outDir, results } = await buildInto([lesson]);
      for (const result of results) {
        const file = path.join(outDir, result.slug, `${result.slug}.pptx`);
        expect(await powerPointRuleFailures(file, result.lesson?.meta.lang ?? 'en'), result.source).toEqual([]);
      }
    }
  }, 120_000);
});
