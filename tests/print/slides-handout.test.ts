// The slides handout as a student gets it: each slide's box as tall as what it holds, a long timeline drawn down its
// box instead of spread over a box per row, and a slide's background picture faded behind its text.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildInto } from '../support/build-fixture.ts';
import { needsTools } from '../support/needs-tool.ts';
import { scratchFolder } from '../support/run-lectern.ts';

const run = promisify(execFile);
const hasPoppler = needsTools(['pdftotext', 'pdfimages'], 'apt-get install poppler-utils');
const LAYOUT = path.join(ROOT, 'tests', 'fixtures', 'lessons', 'layout', 'input.md');

const FLIGHT = `---
title: A short history of flight
subject: Science
grade: 7
---

# The first flights

People watched birds for thousands of years before anyone flew.

---

## From gliders to jets

:::timeline
- **1783** — The Montgolfier brothers send a hot-air balloon over Paris with two passengers on board.
- **1853** — George Cayley's glider carries a man across a small valley in Yorkshire, England.
- **1903** — The Wright brothers make the first powered, controlled flight at Kitty Hawk, North Carolina.
- **1919** — Alcock and Brown fly across the Atlantic Ocean without stopping, from Newfoundland to Ireland.
- **1939** — The first jet-powered aircraft flies in Germany, only a few days before the Second World War begins.
- **1969** — The Boeing 747, the first wide-body airliner, flies for the first time; Apollo 11 lands on the Moon.
- **2019** — A battery-powered seaplane carries its pilot over the harbour of Vancouver, Canada.
:::
`;

interface Word {
  x: number;
  y: number;
  page: number;
  text: string;
}

/** Every word of a PDF with where it sits (pdftotext's bounding boxes), page by page. */
async function wordsOf(file: string): Promise<Word[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('<page ').flatMap((page, index) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((match) => ({
      x: Number(match[1]),
      y: Number(match[2]),
      page: index,
      text: match[3],
    })),
  );
}

/** The text of each box, "Slide 3" or "Slide 3 (continued)" first, in reading order. */
async function boxesOf(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout
    .split(/^(?=Slide \d+(?: \(continued\))?$)/m)
    .slice(1)
    .map((box) => box.replace(/\s+/g, ' ').trim());
}

let outDir = '';
beforeAll(async () => {
  if (!hasPoppler) return;
  const folder = await scratchFolder();
  await writeFile(path.join(folder, 'flight.md'), FLIGHT);
  ({ outDir } = await buildInto([folder, LAYOUT]));
}, 120_000);

describe.runIf(hasPoppler)('the slides handout', () => {
  it('should draw a long timeline down its box, each date beside its event, rather than a box per row', async () => {
    const boxes = await boxesOf(path.join(outDir, 'flight', 'slides-handout.pdf'));
    // Slide 3 (after the title slide and the first): seven events in two boxes, where drawn across they took four.
    const timeline = boxes.filter((box) => box.startsWith('Slide 3'));
    expect(timeline[0]).toContain('From gliders to jets');
    expect(timeline.length).toBeLessThanOrEqual(2);
    expect(timeline[0]).toContain('1939');
    const words = await wordsOf(path.join(outDir, 'flight', 'slides-handout.pdf'));
    for (const [date, first] of [
      ['1783', 'The'],
      ['1903', 'The'],
      ['2019', 'A'],
    ]) {
      const dateWord = words.find((word) => word.text === date)!;
      // The event starts on the date's line, to its right.
      const beside = words.find((word) => word.page === dateWord.page && Math.abs(word.y - dateWord.y) < 2 && word.x > dateWord.x);
      expect(beside?.text, date).toBe(first);
    }
    expect(timeline.join(' ')).toContain('George Cayley');
    expect(timeline.join(' ')).toContain('Vancouver, Canada.');
  });

  it('should make a box as tall as what it holds, so short slides leave room for more on the page', async () => {
    const { stdout } = await run('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', path.join(outDir, 'input', 'slides-handout.pdf'), '-']);
    // The title, the objectives and two short slides share the first page (three full boxes would fill it).
    expect(stdout.match(/^Slide \d+$/gm)).toEqual(['Slide 1', 'Slide 2', 'Slide 3', 'Slide 4']);
  });

  it("should print a slide's background picture faded behind its text, not as a band above it", async () => {
    const file = path.join(outDir, 'input', 'slides-handout.pdf');
    const words = await wordsOf(file);
    const label = words.find((word, index) => word.text === 'Slide' && words[index + 1]?.text === '3')!;
    const title = words.find((word) => word.text === 'Morning')!;
    // The title is right under the box's label, where a slide without a picture has it.
    expect(title.page).toBe(label.page);
    expect(title.y - label.y).toBeLessThan(30);
    // The picture is still drawn on that page: the harbour photograph (1200 × 800) among its images.
    const { stdout } = await run('pdfimages', ['-list', '-f', String(label.page), '-l', String(label.page), file]);
    expect(stdout).toMatch(/\bimage\s+1200\s+800\b/);
  });
});
