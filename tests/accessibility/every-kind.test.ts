// One lesson with every kind of content a checker looks at (math, links, a table with row headers, pictures with,
// without and instead of a description, a Korean and an Arabic sentence, passages marked German and French, code,
// worksheets): every PDF passes the PDF/UA check, every slide and control of the deck passes axe-core, the PowerPoint
// file its checker's rules; each passage in another language is marked as such, and its words come out of the PDF as
// they were written.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { deckViolations } from '../support/axe.ts';
import { hasChromium, launchChromium, openDeck } from '../support/browser.ts';
import { COMPLETE_FIXTURE, ROOT, buildInto } from '../support/build-fixture.ts';
import { needsTools } from '../support/needs-tool.ts';
import { formFields, pdfUaFailures } from '../support/pdf-ua.ts';
import { powerPointRuleFailures } from '../support/powerpoint-rules.ts';
import { scratchFolder } from '../support/run-lectern.ts';

const LESSON = path.join(ROOT, 'tests', 'fixtures', 'accessibility', 'every-kind.md');
const hasTools = needsTools(['qpdf', 'fix-qdf', 'pdftotext'], 'install Debian\'s "qpdf" and "poppler-utils" packages');

const KOREAN = '안녕하세요, 오늘은 인사말을 배워요';
const ARABIC = 'مرحبا، نحن نتعلم التحيات اليوم';

/** The marked spans of a PDF's pages, from its uncompressed content: each `/Span <<…>> BDC` with its Lang. */
function spanLanguages(file: string): string[] {
  const text = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-']).toString('latin1');
  return [...text.matchAll(/\/Span <<[^>]*\/Lang \(([^)]*)\)[^>]*>> BDC/g)].map((match) => match[1]);
}

describe.runIf(hasTools)('a lesson with every kind of content a checker looks at', () => {
  let folder: string;

  beforeAll(async () => {
    const lessons = await scratchFolder();
    await cp(LESSON, path.join(lessons, 'every-kind.md'));
    await cp(path.join(path.dirname(COMPLETE_FIXTURE), 'images'), path.join(lessons, 'images'), { recursive: true });
    const { outDir, results } = await buildInto([path.join(lessons, 'every-kind.md')]);
    expect(results[0].file.messages.filter((message) => message.fatal === true).map(String)).toEqual([]);
    folder = path.join(outDir, 'every-kind');
  }, 120_000);

  it('should warn only about the picture that has no description', () => {
    const { file } = parseLesson(readFileSync(LESSON, 'utf8'), 'every-kind.md', 'every-kind');
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['38:1 image-alt']);
  });

  it('should pass every PDF/UA checkpoint, with a tooltip on every form field of every worksheet', () => {
    const pdfs = readdirSync(folder).filter((name) => name.endsWith('.pdf'));
    expect(pdfs.sort()).toEqual(['debate-worksheet.pdf', 'handout.pdf', 'slides-handout.pdf', 'teacher-edition.pdf', 'vocabulary-quiz.pdf']);
    for (const pdf of pdfs) expect(pdfUaFailures(readFileSync(path.join(folder, pdf))), pdf).toEqual([]);
    for (const worksheet of ['handout.pdf', 'debate-worksheet.pdf', 'vocabulary-quiz.pdf']) {
      const fields = formFields(path.join(folder, worksheet));
      expect(fields.length, worksheet).toBeGreaterThan(3);
      for (const field of fields) expect(field.tooltip, worksheet).not.toBe('');
    }
  });

  it('should mark the Korean, Arabic, German and French passages with their languages in the PDFs', () => {
    for (const pdf of ['handout.pdf', 'slides-handout.pdf']) {
      const languages = new Set(spanLanguages(path.join(folder, pdf)));
      for (const lang of ['ko', 'ar', 'de', 'fr']) expect(languages, `${pdf}: ${lang}`).toContain(lang);
    }
  });

  it('should give back each sentence as written when its text is extracted', () => {
    const text = execFileSync('pdftotext', [path.join(folder, 'handout.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(`In Korean, a teacher might start the class with: ${KOREAN}.`);
    expect(text).toContain('In German, a visitor says Guten Tag; in French, a class hears bonjour à tous.');
    // poppler sets a right-to-left line in reading order run by run; the Arabic comma ends a run, so the sentence is
    // checked word by word and in its longest run. Before ActualText, its words came out broken into letters.
    expect(text).toContain('نحن نتعلم التحيات اليوم');
    for (const word of ARABIC.split(/[\s،]+/)) expect(text).toContain(word);
    for (const word of ['안녕하세요', '감사합니다', 'مرحبا', 'شكرا']) expect(text).toContain(word);
  });

  it('should mark the passages in the PowerPoint file and break none of its checker rules', async () => {
    const file = path.join(folder, 'every-kind.pptx');
    expect(await powerPointRuleFailures(file, 'en')).toEqual([]);
    const xml = execFileSync('unzip', ['-p', file, 'ppt/slides/slide2.xml'], { encoding: 'utf8', maxBuffer: 1 << 24 });
    for (const [lang, words] of [
      ['ko', KOREAN],
      ['ar', ARABIC],
      ['de', 'Guten Tag'],
      ['fr', 'bonjour à tous'],
    ])
      expect(xml, lang).toMatch(new RegExp(`<a:rPr [^>]*lang="${lang}"[^>]*>(?:(?!</a:r>).)*<a:t>${words}</a:t>`, 's'));
  });

  it.runIf(hasChromium)(
    'should pass axe-core on every slide, step and control, with each passage in a span of its language',
    async () => {
      const browser = await launchChromium();
      try {
        const { context, page } = await openDeck(browser, pathToFileURL(path.join(folder, 'index.html')).href);
        expect(await deckViolations(page)).toEqual([]);
        const spans = await page.evaluate(() =>
          [...document.querySelectorAll('.slides span[lang]')].map((span) => `${span.getAttribute('lang')}: ${span.textContent}`),
        );
        expect(spans).toEqual(expect.arrayContaining([`ko: ${KOREAN}`, `ar: ${ARABIC}`, 'de: Guten Tag', 'fr: bonjour à tous', 'ko: 안녕하세요', 'ar: شكرا']));
        // Code is not words of a language: the program's strings stay unmarked.
        expect(await page.locator('pre span[lang]').count()).toBe(0);
        await context.close();
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});
