// Measurements in the printables as a teacher hands them out: no line ends with a number whose unit starts the next
// line ("90" / "km/h"), nor inside a unit ("km/" / "h"), in any printable of the lessons that hold many of them.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BUNDLED_LESSONS, COMPLETE_FIXTURE, ROOT, buildInto } from '../support/build-fixture.ts';
import { needsTools } from '../support/needs-tool.ts';

const run = promisify(execFile);
const hasPoppler = needsTools(['pdftotext'], 'apt-get install poppler-utils');

const UNIT = String.raw`(?:°[CF]|[kmcµ]?(?:m|g|s|h|L|W|Pa)|min|%)(?:[²³])?`;
/** A line break that splits a measurement: after its number, or after its unit's slash. */
const SPLIT = [
  new RegExp(String.raw`\d\n${UNIT}(?:/${UNIT})?(?![\p{L}\p{N}])`, 'u'),
  new RegExp(String.raw`(?<![\p{L}\p{N}])${UNIT}/\n${UNIT}(?![\p{L}\p{N}])`, 'u'),
];

describe('measurements on paper', () => {
  it.runIf(hasPoppler)(
    'should never split a number from its unit, or a unit at its slash, in any printable',
    async () => {
      const lessons = [
        path.join(ROOT, 'tests', 'fixtures', 'print', 'measurements.md'),
        path.join(ROOT, 'tests', 'fixtures', 'conservation', 'stem-speed.md'),
        path.join(ROOT, 'tests', 'fixtures', 'conservation', 'formulas-in-blocks.md'),
        COMPLETE_FIXTURE,
        BUNDLED_LESSONS,
      ];
      const { outDir, results } = await buildInto(lessons);
      const splits: string[] = [];
      let measurements = 0;
      for (const result of results) {
        const folder = path.join(outDir, result.slug);
        for (const file of (await readdir(folder)).filter((name) => name.endsWith('.pdf'))) {
          const text = (await run('pdftotext', ['-enc', 'UTF-8', path.join(folder, file), '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
          measurements += (text.match(new RegExp(String.raw`\d\s${UNIT}(?![\p{L}\p{N}])`, 'gu')) ?? []).length;
          for (const pattern of SPLIT) {
            const found = pattern.exec(text);
            if (found)
              splits.push(`${result.slug}/${file}: "${text.slice(Math.max(0, found.index - 30), found.index + found[0].length + 10).replace(/\n/g, '⏎')}"`);
          }
        }
      }
      // The lessons hold many measurements, in every kind of printable.
      expect(measurements).toBeGreaterThan(100);
      expect(splits).toEqual([]);
    },
    300_000,
  );
});
