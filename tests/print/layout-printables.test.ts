// Columns, sized images and background pictures on paper: read back from the PDFs with poppler.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildInto } from '../support/build-fixture.ts';
import { expectInOrder } from '../support/expect-in-order.ts';
import { needsTools } from '../support/needs-tool.ts';

const run = promisify(execFile);
const LAYOUT_FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'lessons', 'layout', 'input.md');
const hasPoppler = needsTools(['pdftotext', 'pdfimages'], 'install poppler-utils');
/** Letter paper less the printables' side margins (58 pt each). */
const TEXT_WIDTH = 612 - 2 * 58;

describe.runIf(hasPoppler)('columns, sized images and background pictures on paper', () => {
  let folder: string;
  const text = async (name: string, layout = false) =>
    (await run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', path.join(folder, name), '-'])).stdout;
  /** Each image's drawn width and height in points, in the order they are drawn. */
  const images = async (name: string) =>
    (await run('pdfimages', ['-list', path.join(folder, name)])).stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const fields = line.trim().split(/\s+/);
        const [width, height, xPpi, yPpi] = [Number(fields[3]), Number(fields[4]), Number(fields[12]), Number(fields[13])];
        return { width: (width / xPpi) * 72, height: (height / yPpi) * 72 };
      });

  beforeAll(async () => {
    const { outDir, results } = await buildInto([LAYOUT_FIXTURE]);
    folder = path.join(outDir, results[0].slug);
  });

  it("should set a slide's columns side by side in its slides handout box", async () => {
    const lines = (await text('slides-handout.pdf', true)).split('\n');
    expect(lines.some((line) => /On the boats\s+On the quay/.test(line))).toBe(true);
    expect(lines.some((line) => /Buyers bid for each\s+The money goes to/.test(line))).toBe(true);
  });

  it('should keep every word of every column in the slides handout and in the handout, where the columns follow in reading order', async () => {
    const words = [
      'The harbour lies in a sheltered bay.',
      'A narrow mouth to the open sea',
      'A map of the bay with the quay, the market and the lighthouse',
      'On the boats',
      'Mending ropes on the way home',
      'On the quay',
      'Packing ice for the lorries',
      'Buyers bid for each crate. The highest bid wins.',
      'The money goes to the crew and the owner of the boat.',
    ];
    const handout = (await text('handout.pdf')).replace(/\s+/g, ' ');
    expectInOrder(handout, words);
    const slidesHandout = (await text('slides-handout.pdf')).replace(/\s+/g, ' ');
    for (const phrase of ['Deep water near the quay', 'Unloading crates of fish', 'Selling at the morning auction']) {
      for (const word of phrase.split(' ')) expect(slidesHandout).toContain(word);
    }
  });

  it('should print each sized image at its share of the slide: 90% of a 60% column, 220 of 960 px wide, 150 of 700 px tall', async () => {
    const found = await images('handout.pdf');
    // Three pictures: the map in its column, the chart and the small map; the background picture is not reading text.
    expect(found).toHaveLength(3);
    const [map, chart, smallMap] = found;
    expect(map.width / TEXT_WIDTH).toBeCloseTo(0.9 * 0.6, 2);
    expect(chart.width / TEXT_WIDTH).toBeCloseTo(220 / 960, 2);
    expect(smallMap.height / ((TEXT_WIDTH * 700) / 960)).toBeCloseTo(150 / 700, 2);
  });

  it("should draw a background picture in its slide's box, above the text, and never in the handout", async () => {
    const [first] = await images('slides-handout.pdf');
    // The first picture in the slides handout is the harbour (1200 × 800), as a band above its slide's text.
    expect(first.width / first.height).toBeCloseTo(1200 / 800, 1);
    const handoutPictures = await images('handout.pdf');
    expect(handoutPictures.every((picture) => Math.abs(picture.width / picture.height - 1.5) > 0.01)).toBe(true);
    expect(await text('slides-handout.pdf')).toContain('Before sunrise the boats leave the harbour.');
  });

  it('should give a picture sized in pixels the same width in a column of the slides handout as outside one', async () => {
    const lessons = await mkdtemp(path.join(os.tmpdir(), 'lectern-sizes-'));
    await mkdir(path.join(lessons, 'images'));
    await copyFile(path.join(path.dirname(LAYOUT_FIXTURE), 'images', 'bay-map.png'), path.join(lessons, 'images', 'bay-map.png'));
    const lesson = path.join(lessons, 'sizes.md');
    await writeFile(
      lesson,
      '---\ntitle: Sizes\n---\n\n## Outside\n\n![The bay](images/bay-map.png){width=240px}\n\n---\n\n## Inside\n\n' +
        '::::columns\n:::column{width=50%}\n![The bay](images/bay-map.png){width=240px}\n:::\n:::column\nText.\n:::\n::::\n',
    );
    const { outDir } = await buildInto([lesson]);
    folder = path.join(outDir, 'sizes');
    const [outside, inside] = await images('slides-handout.pdf');
    // The same within the gap between the columns (10 pt of the box), not half as wide.
    expect(Math.abs(inside.width - outside.width) / outside.width).toBeLessThan(0.05);
  });
});
