import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLessons } from '../../src/node/build-lessons.ts';
import { formatMessages } from '../../src/shared/reporter.ts';
import { expectInOrder } from '../support/expect-in-order.ts';
import { readPdfText, type PdfText } from '../support/pdf-text.ts';
import { BUNDLED_LESSONS, COMPLETE_FIXTURE, buildInto } from '../support/build-fixture.ts';

const pdfs = new Map<string, { bytes: Buffer; text: PdfText }>();

beforeAll(async () => {
  const { outDir, results } = await buildInto([COMPLETE_FIXTURE, BUNDLED_LESSONS]);
  for (const result of results) {
    const bytes = readFileSync(path.join(outDir, result.slug, 'handout.pdf'));
    pdfs.set(result.slug, { bytes, text: await readPdfText(bytes) });
  }
});

describe('the student handout', () => {
  it('should print each section in order: name line, title, objectives, reading, terms, timeline, activities, roles, questions, sources', () => {
    const { text } = pdfs.get('input')!.text;
    expectInOrder(text, [
      'Name:',
      'Class:',
      'Date:',
      'The Water Cycle',
      'Where rain comes from',
      'Science · Grade 6 · 45 minutes',
      'What you will learn',
      'Describe evaporation, condensation and precipitation.',
      'Reading',
      'Water is always moving',
      'Water moves between the sea, the sky and the land.',
      'Evaporation: the sun warms the sea.',
      'Comparing the stages',
      'Stage',
      'Where',
      'What happens',
      'Liquid water becomes vapour',
      'A diagram of the water cycle',
      'Key terms',
      'Evaporation — Liquid water turning into vapour.',
      'Example: Evaporation dries the wet playground.',
      'Timeline',
      'When',
      'What happened',
      '1580',
      'Bernard Palissy argues rivers come from rain.',
      'Questions to discuss',
      '1. Why does a puddle disappear on a sunny day?',
      '2. Where do clouds come from?',
      'Sources',
      'The Water Cycle for Schools, National Weather Service, 2023-05-01, https://example.org/',
    ]);
  });

  it('should never print speaker notes, model answers or debate notes for students', () => {
    const { text } = pdfs.get('input')!.text;
    expect(text).not.toContain('Ask who has seen a puddle');
    expect(text).not.toContain("The sun's heat makes the water evaporate");
    expect(text).not.toContain('Point at each arrow');
  });

  it('should put the lesson title and "Page n" in the footer of every page', () => {
    for (const [slug, { text }] of pdfs) {
      text.pages.forEach((page, index) => {
        expect(page, `${slug} page ${index + 1}`).toContain(`Page ${index + 1}`);
        expect(page, `${slug} page ${index + 1}`).toContain('Student handout');
      });
    }
  });

  it('should never leave a heading alone at the bottom of a page', () => {
    const headings = ['What you will learn', 'Reading', 'Key terms', 'Timeline', 'Activities', 'Roles', 'Questions to discuss', 'Sources'];
    for (const [slug, { text }] of pdfs) {
      text.pages.slice(0, -1).forEach((page, index) => {
        const lines = page
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '' && !/Page \d+|Student handout/.test(line));
        expect(headings, `${slug} page ${index + 1} ends with "${lines.at(-1)}"`).not.toContain(lines.at(-1));
      });
    }
  });

  it("should embed its fonts and use the lesson's page size", async () => {
    const { bytes, text } = pdfs.get('input')!;
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(text.info.Title).toBe('Student handout — The Water Cycle');
    expect(pdfs.get('why-putin-visited-north-korea')!.bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);
  });
});

describe('characters in the handout', () => {
  it('should print Latin, Cyrillic and Hangul text, and report the characters no font has in one warning with their places', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lectern-glyphs-'));
    await writeFile(
      path.join(folder, 'names.md'),
      '---\ntitle: Names\n---\n\n# Leaders\n\nВладимир Путин met 김정은 in Pyongyang (평양). Café 𓀀 culture 𓀀 ☃ 𓁐.\n',
    );
    const [result] = await buildLessons({ inputs: ['names.md'], outDir: path.join(folder, 'out'), cwd: folder });
    expect(formatMessages(result.file)).toEqual([
      'names.md: note: Not made, as the lesson has nothing for them: debate worksheet (it needs a :::debate block), role cards (it needs a :::roles block), timeline worksheet (it needs a :::timeline block), map worksheet (it needs a :::map block), vocabulary quiz (it needs a :::terms block).',
      'names.md:7:48: warning: 2 characters cannot be printed (no PDF font has them; they print as "?"): "𓀀" (U+13000) at line 7:48, "𓁐" (U+13050) at line 7:64. Replace them with ordinary text.',
    ]);
    const { text } = await readPdfText(readFileSync(path.join(folder, 'out', 'names', 'handout.pdf')));
    expect(text).toContain('Владимир Путин met 김정은 in Pyongyang (평양). Café ? culture ? ☃ ?.');
  });
});
