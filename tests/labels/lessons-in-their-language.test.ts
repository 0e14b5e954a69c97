// Lessons in French, Japanese, Arabic and Spanish (the Spanish one without `lang:`) get every word Lectern writes of its
// own in their language: no English label is left in any PDF's text, the deck's text and control names, or the
// PowerPoint slides and notes. The English labels are read from Lectern's own list, so a label added later is covered.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ENGLISH, LABEL_NAMES } from '../../src/labels/english.ts';
import { TRANSLATIONS } from '../../src/labels/translations.ts';
import type { LabelText } from '../../src/labels/label-text.ts';
import { hasChromium, launchChromium, openDeck } from '../support/browser.ts';
import { ROOT, buildInto } from '../support/build-fixture.ts';
import { needsTools } from '../support/needs-tool.ts';
import { readPptx } from '../support/pptx-slides.ts';
import { lectern } from '../support/run-lectern.ts';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'languages');
const LESSONS = { fr: 'fr', ja: 'ja', ar: 'ar', es: 'es' } as const;
const hasTools = needsTools(['pdftotext', 'pdfinfo'], 'install Debian\'s "poppler-utils" package') && hasChromium;

const forms = (text: LabelText): string[] => (typeof text === 'string' ? [text] : Object.values(text).filter((form) => form !== undefined));

/**
 * The English words of each label that must not be left in a lesson in `lang`: the pieces of its text between its
 * values (`Slide {number} (continued)` → "Slide", "continued"), unless the language writes the same word
 * (French "Sources", Spanish "Total").
 */
function englishPieces(lang: string): Map<string, string> {
  const own = LABEL_NAMES.flatMap((name) => forms(TRANSLATIONS[lang][name]))
    .join('\n')
    .toLowerCase();
  const pieces = new Map<string, string>();
  for (const name of LABEL_NAMES)
    for (const form of forms(ENGLISH[name]))
      for (const piece of form.split(/\{\w+\}|[():;,.?!…—–`]|\s-\s/)) {
        const words = piece.trim();
        if ((words.match(/\p{L}/gu) ?? []).length >= 3 && !own.includes(words.toLowerCase())) pieces.set(words, name);
      }
  return pieces;
}

/** Each English piece found in a text, as "piece (label) in where". */
function englishIn(text: string, where: string, pieces: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [piece, name] of pieces) {
    const escaped = piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'u').test(text)) found.push(`"${piece}" (${name}) in ${where}`);
  }
  return found;
}

describe.runIf(hasTools)('lessons in French, Japanese, Arabic and Spanish', () => {
  let outDir: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ outDir } = await buildInto(Object.keys(LESSONS).map((name) => path.join(FIXTURES, `${name}.md`))));
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => browser?.close());

  for (const [name, lang] of Object.entries(LESSONS)) {
    it(`should leave no English word of Lectern's in the ${lang} lesson's PDFs, deck and PowerPoint file`, async () => {
      const folder = path.join(outDir, name);
      const pieces = englishPieces(lang);
      const found: string[] = [];
      const pdfs = readdirSync(folder).filter((file) => file.endsWith('.pdf'));
      expect(pdfs).toHaveLength(8);
      for (const pdf of pdfs) {
        const file = path.join(folder, pdf);
        found.push(...englishIn(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }), pdf, pieces));
        const title = /^Title:\s*(.*)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '';
        found.push(...englishIn(title, `${pdf}'s title`, pieces));
      }
      const { page, context } = await openDeck(browser, pathToFileURL(path.join(folder, 'index.html')).href);
      const deck = await page.evaluate(() => {
        const labels = [...document.querySelectorAll('[aria-label], [title], [alt]')].map((element) =>
          ['aria-label', 'title', 'alt'].map((attribute) => element.getAttribute(attribute) ?? '').join('\n'),
        );
        const body = document.body.cloneNode(true) as HTMLElement;
        body.querySelectorAll('script').forEach((script) => script.remove());
        return [body.textContent ?? '', ...labels].join('\n');
      });
      // The reading view's link back to the slides.
      await page.goto(`${pathToFileURL(path.join(folder, 'index.html')).href}?view=reading`);
      const reading = await page.locator('.lectern-view-link').textContent();
      await context.close();
      found.push(...englishIn(`${deck}\n${reading}`, 'the deck', pieces));
      for (const [index, slide] of (await readPptx(path.join(folder, `${name}.pptx`))).entries())
        found.push(...englishIn(`${slide.text}\n${slide.notes}`, `PowerPoint slide ${index + 1}`, pieces));
      expect(found).toEqual([]);
    }, 120_000);
  }

  it("should print each language's own words on the worksheets", () => {
    const text = (lesson: string, pdf: string) => execFileSync('pdftotext', [path.join(outDir, lesson, pdf), '-'], { encoding: 'utf8' });
    expect(text('fr', 'debate-worksheet.pdf')).toMatch(/Nom\s:/);
    expect(text('fr', 'handout.pdf')).toContain('Mots clés');
    expect(text('es', 'vocabulary-quiz.pdf')).toContain('Nombre:');
    expect(text('ja', 'teacher-edition.pdf')).toContain('解答例');
    expect(text('ar', 'handout.pdf')).toContain('الاسم');
  });

  it('should lay the name line out from the right on Arabic pages, and from the left on French ones', () => {
    /** The words of a PDF's first line (its name line), with their left and right edges. */
    const nameLine = (lesson: string) => {
      const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', path.join(outDir, lesson, 'debate-worksheet.pdf'), '-'], { encoding: 'utf8' });
      const pageWidth = Number(/<page width="([\d.]+)"/.exec(html)![1]);
      const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"/g)].map((match) => ({
        left: Number(match[1]),
        top: Number(match[2]),
        right: Number(match[3]),
      }));
      const top = Math.min(...words.map((word) => word.top));
      // Edges as distances from the page's left and right sides.
      return words.filter((word) => Math.abs(word.top - top) < 2).map((word) => ({ left: word.left, right: pageWidth - word.right }));
    };
    const arabic = nameLine('ar');
    const french = nameLine('fr');
    // "الاسم:" ends at the right margin and the line's last label stands well inside the page; "Nom :" starts at the left margin.
    expect(Math.min(...arabic.map((word) => word.right))).toBeLessThan(62);
    expect(Math.min(...arabic.map((word) => word.left))).toBeGreaterThan(100);
    expect(Math.min(...french.map((word) => word.left))).toBeLessThan(62);
    expect(Math.min(...french.map((word) => word.right))).toBeGreaterThan(100);
  });

  it('should detect the Spanish lesson as Spanish and say so in its PDFs and deck', async () => {
    const folder = path.join(outDir, 'es');
    expect(readFileSync(path.join(folder, 'index.html'), 'utf8')).toMatch(/<html lang="es"/);
    for (const pdf of readdirSync(folder).filter((file) => file.endsWith('.pdf')))
      expect(readFileSync(path.join(folder, pdf)).toString('latin1'), pdf).toContain('/Lang (es)');
    const { stdout } = await lectern(ROOT, 'check', path.join(FIXTURES, 'es.md'));
    expect(stdout).toContain('language Spanish (detected)');
  });
});
