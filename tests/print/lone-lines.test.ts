// No printed page holds one line of a paragraph or list item alone: text that breaks across pages leaves at least two
// lines on each side. Read from the PDFs' structure (which paragraph each line belongs to) and the lines' positions.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_LESSONS, COMPLETE_FIXTURE, ROOT, buildInto } from '../support/build-fixture.ts';
import { needsTools } from '../support/needs-tool.ts';
import { loneLines, paragraphsOnPages } from '../support/paragraph-lines.ts';
import { scratchFolder } from '../support/run-lectern.ts';

const hasQpdf = needsTools(['qpdf'], 'apt-get install qpdf');
const READING = path.join(ROOT, 'tests', 'fixtures', 'print', 'long-reading.md');

/**
 * The reading on Letter and A4 paper, with none to eight warm-up questions before it: each moves every page break to
 * another place in the text, so some paragraphs must break across pages.
 */
async function readingsWithShiftedBreaks(): Promise<string> {
  const folder = await scratchFolder();
  const reading = await readFile(READING, 'utf8');
  for (const pageSize of ['Letter', 'A4'])
    for (let questions = 0; questions <= 8; questions++) {
      const warmUp = Array.from({ length: questions }, (_, index) => `Warm-up question ${index + 1}: what do you already know about floods?\n\n`).join('');
      const lesson = reading
        .replace('duration: 50\n', `duration: 50\npageSize: ${pageSize}\n`)
        .replace('## A country shaped by water\n\n', `## A country shaped by water\n\n${warmUp}`);
      await writeFile(path.join(folder, `reading-${pageSize.toLowerCase()}-${questions}.md`), lesson);
    }
  return folder;
}

describe('lone lines on paper', () => {
  it.runIf(hasQpdf)(
    'should leave at least two lines of a paragraph on each page it breaks across, in every printable',
    async () => {
      const { outDir, results } = await buildInto([await readingsWithShiftedBreaks(), COMPLETE_FIXTURE, BUNDLED_LESSONS]);
      const found: string[] = [];
      let broken = 0;
      for (const result of results) {
        const folder = path.join(outDir, result.slug);
        for (const file of (await readdir(folder)).filter((name) => name.endsWith('.pdf'))) {
          const paragraphs = await paragraphsOnPages(new Uint8Array(await readFile(path.join(folder, file))));
          broken += paragraphs.filter((paragraph) => paragraph.parts.length > 1).length;
          found.push(...loneLines(paragraphs).map((line) => `${result.slug}/${file}: ${line}`));
        }
      }
      // Page breaks did fall inside paragraphs (with no rule, two of them leave a lone line).
      expect(broken).toBeGreaterThanOrEqual(2);
      expect(found).toEqual([]);
    },
    300_000,
  );
});
