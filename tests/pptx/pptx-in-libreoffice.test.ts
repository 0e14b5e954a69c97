// The PowerPoint files as a real reader shows them: LibreOffice Impress converts each to PDF, and every page is checked
// for the words students see on its deck slide, and for any speaker note or model answer, which must not be there.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BUNDLED_LESSONS, COMPLETE_FIXTURE, ROOT, buildInto } from '../support/build-fixture.ts';
import { readDeck, wordsOf } from '../support/conservation.ts';

const run = promisify(execFile);
const LONG_SLIDES = path.join(ROOT, 'tests', 'fixtures', 'pptx', 'long-slides.md');

const missingTools = ['soffice', 'pdftotext', 'pdfinfo'].filter((tool) => {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
});
if (missingTools.length > 0) {
  const message = `The PowerPoint reader test needs ${missingTools.join(', ')} (Debian: apt-get install libreoffice-impress poppler-utils).`;
  if (process.env.CI) throw new Error(message);
  console.warn(`${message} Skipping it.`);
}

/** Runs of six words, so a note that quotes a word or two of its slide is not taken for a leak. */
const shingles = (text: string) => {
  const words = wordsOf(text);
  return new Set(words.slice(0, Math.max(0, words.length - 5)).map((_, start) => words.slice(start, start + 6).join(' ')));
};

describe.skipIf(missingTools.length > 0)('the PowerPoint files in LibreOffice Impress', () => {
  it('should show each deck slide on its own page(s), with every word students see and no note or answer', async () => {
    const { outDir, results } = await buildInto([BUNDLED_LESSONS, COMPLETE_FIXTURE, LONG_SLIDES]);
    const files = results.map((result) => path.join(outDir, result.slug, `${result.slug}.pptx`));
    const pdfDir = await mkdtemp(path.join(os.tmpdir(), 'lectern-pptx-pdf-'));
    const profile = await mkdtemp(path.join(os.tmpdir(), 'lectern-office-profile-'));
    // One soffice run for all files: starting LibreOffice is the slow part.
    await run('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', pdfDir, ...files], { timeout: 400_000 });
    expect((await readdir(pdfDir)).filter((name) => name.endsWith('.pdf'))).toHaveLength(files.length);
    let checkedPages = 0;
    for (const result of results) {
      const deck = readDeck(await readFile(path.join(outDir, result.slug, 'index.html'), 'utf8'));
      const pdf = path.join(pdfDir, `${result.slug}.pdf`);
      const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)![1]);
      const pageText: string[] = [];
      for (let page = 1; page <= pages; page++)
        pageText.push((await run('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-'])).stdout);
      // A continued slide is a page whose title ends "(continued)": it belongs to the deck slide before it.
      const groups: string[] = [];
      for (const text of pageText) {
        const continued = /\(continued\)/.test(text.trim().split('\n')[0] ?? '');
        if (continued && groups.length > 0) groups[groups.length - 1] += `\n${text}`;
        else groups.push(text);
      }
      expect(groups, result.slug).toHaveLength(deck.length);
      // Words a note shares with what students see anywhere in the deck are not a leak.
      const onDeck = shingles(deck.map((slide) => slide.visible).join(' \n '));
      const allPages = wordsOf(pageText.join(' ')).join(' ');
      const continuedPages = pages - deck.length;
      if (result.slug === 'long-slides') expect(continuedPages).toBeGreaterThan(3);
      else expect(continuedPages, result.slug).toBeLessThanOrEqual(2);
      deck.forEach((slide, index) => {
        const have = new Set(wordsOf(groups[index]));
        const joined = wordsOf(groups[index]).join('');
        const missing = [...new Set(wordsOf(slide.visible))].filter((word) => !have.has(word) && !joined.includes(word));
        expect(missing, `${result.slug}, slide ${index + 1}`).toEqual([]);
        const leaked = [...shingles(slide.notes)].filter((run) => !onDeck.has(run) && allPages.includes(run));
        expect(leaked, `${result.slug}, notes of slide ${index + 1} on a page`).toEqual([]);
        checkedPages++;
      });
      expect(pageText.join(' ')).not.toMatch(/Model answers|Hidden model answer/);
    }
    expect(checkedPages).toBeGreaterThan(40);
  }, 600_000);
});
