import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildInto } from '../support/build-fixture.ts';
import { needsTools } from '../support/needs-tool.ts';

const run = promisify(execFile);
const hasTools = needsTools(['pdftotext'], 'install poppler-utils (Debian: apt-get install poppler-utils)');
const STEM = path.join(ROOT, 'tests', 'fixtures', 'conservation', 'stem-speed.md');

/** pdftotext's text of a PDF, page by page. */
async function pages(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return stdout.split('\f').slice(0, -1);
}
/** Formulas are set as one word of TeX: compare without white space. */
const squash = (text: string) => text.replace(/\s+/gu, '');

const printed = new Map<string, string[]>();
let codeOut = '';

beforeAll(async () => {
  if (!hasTools) return;
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lectern-code-pages-'));
  const code = Array.from({ length: 24 }, (_, index) => `total = total + ${index + 1}  # step ${index + 1}`).join('\n');
  const filler = Array.from({ length: 20 }, (_, index) => `Line ${index + 1} of the reading before the program.`).join('\n\n');
  await writeFile(path.join(folder, 'long-code.md'), `---\ntitle: Long code\n---\n\n# A long program\n\n${filler}\n\n\`\`\`python\n${code}\n\`\`\`\n`);
  const { outDir, results } = await buildInto([STEM, folder]);
  codeOut = outDir;
  for (const result of results)
    for (const name of ['handout.pdf', 'slides-handout.pdf', 'teacher-edition.pdf'])
      printed.set(`${result.slug}/${name}`, await pages(path.join(outDir, result.slug, name)));
}, 120_000);

describe.runIf(hasTools)('math and code on paper', () => {
  it('should put the TeX of every formula in the handout as text a reader can find', () => {
    const handout = squash(printed.get('stem-speed/handout.pdf')!.join('\n'));
    expect(handout).toContain(squash('A bus travels d = 12 km in t = 0.25 hours.'));
    expect(handout).toContain(squash('v = \\frac{d}{t} = \\frac{12\\,\\text{km}}{0.25\\,\\text{h}} = 48\\,\\text{km/h}'));
    expect(handout).toContain(squash('\\bar{v} = \\frac{\\Delta s}{\\Delta t}'));
    expect(handout).toContain(squash('| Walk to school | 1.5 km | 0.3 h | 5 km/h').replace(/\|/g, ''));
  });

  it('should print prices with their dollar signs as ordinary text', () => {
    const handout = printed.get('stem-speed/handout.pdf')!.join('\n').replace(/\s+/g, ' ');
    expect(handout).toContain('A return ticket cost $5 and a day pass cost $12, so the pass pays off after three trips.');
    expect(handout).toContain('A ticket machine that charges $2 per zone uses the same idea.');
    expect(handout).toContain('The price of a snack from the machine went from $1.50 to $2, and a drink costs $3.');
  });

  it("should carry formulas and code to the slides handout, and the notes' formulas to the teacher edition", () => {
    const slides = squash(printed.get('stem-speed/slides-handout.pdf')!.join('\n'));
    expect(slides).toContain(squash('48 \\times \\frac{1000}{3600} \\approx 13.3'));
    expect(slides).toContain(squash('def average_speed(distance_km, time_h):'));
    const teacher = squash(printed.get('stem-speed/teacher-edition.pdf')!.join('\n'));
    expect(teacher).toContain(squash('trace the Python function on the board with d = 30 and t = 0.5.'));
  });

  it('should print code line by line in the monospaced font, wrapping a long line instead of cutting it', () => {
    const handout = printed.get('stem-speed/handout.pdf')!.join('\n');
    expect(handout.split('\n')).toContain('def average_speed(distance_km, time_h):');
    expect(handout.split('\n')).toContain('raise ValueError("time must be positive")');
    expect(handout.replace(/\s+/g, ' ')).toContain('// a comment that is deliberately long so that the printed line has to wrap onto the next one');
  });

  it('should set the wrapped part of a long code line under its start, after a continuation mark that is not in the text', async () => {
    // The stem lesson's line with a long comment wraps: where does each part's first word sit?
    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', path.join(codeOut, 'stem-speed', 'handout.pdf'), '-']);
    const words = [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((match) => ({
      x: Number(match[1]),
      y: Number(match[2]),
      text: match[3],
    }));
    const start = words.findIndex((word) => word.text.startsWith('console.log('));
    expect(start).toBeGreaterThan(-1);
    const lineStart = words[start];
    // The first word of the next line down is the wrapped part: set to the right of where the line began.
    const next = words.slice(start).find((word) => word.y > lineStart.y + 3)!;
    expect(next.x - lineStart.x).toBeGreaterThan(9);
    expect(next.x - lineStart.x).toBeLessThan(20);
    // The mark is drawn, not written: no arrow among the handout's characters.
    expect(printed.get('stem-speed/handout.pdf')!.join('')).not.toMatch(/[↪↳→]/u);
  });

  it('should keep a code block that fits on one page together, moving it whole to the next page', () => {
    const handout = printed.get('long-code/handout.pdf')!.map((page) => page.replace(/\s+/g, ' '));
    const onPage = (text: string) => handout.findIndex((page) => page.includes(text));
    // The reading fills most of the first page; the program starts on the second, whole.
    expect(onPage('Line 20 of the reading')).toBe(0);
    expect(onPage('total = total + 1 # step 1 ')).toBe(1);
    expect(onPage('total = total + 24 # step 24')).toBe(1);
  });
});
