// A formula inside a lesson block (a term, a timeline event, a question, an activity, a debate, a role) is drawn like
// one in the slide's text: in the deck as an SVG with its spoken form, in the PDFs as a Formula element; no TeX and no
// dollar sign of its markup is left in what students read, and a dollar sign the teacher wrote stays one.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium, openDeck } from '../support/browser.ts';
import { ROOT, buildInto } from '../support/build-fixture.ts';
import { needsTools } from '../support/needs-tool.ts';
import { readPptx } from '../support/pptx-slides.ts';

const LESSON = path.join(ROOT, 'tests', 'fixtures', 'conservation', 'formulas-in-blocks.md');
const hasTools = needsTools(['pdftotext', 'qpdf'], 'install Debian\'s "poppler-utils" and "qpdf" packages') && hasChromium;

/** How many Formula elements a PDF's structure tree has. */
function formulaElements(file: string): number {
  const text = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-']).toString('latin1');
  return (text.match(/\/S \/Formula\b/g) ?? []).length;
}

describe.runIf(hasTools)('formulas inside lesson blocks', () => {
  let folder: string;
  let browser: Browser;
  beforeAll(async () => {
    const { outDir } = await buildInto([LESSON]);
    folder = path.join(outDir, 'formulas-in-blocks');
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => browser?.close());

  const deckLabels = async () => [...readFileSync(path.join(folder, 'index.html'), 'utf8').matchAll(/aria-label="([^"]*)"/g)].map((match) => match[1]);

  it('should draw each block kind’s formulas in the deck, with no TeX or dollar markup left in its text', async () => {
    const { page, context } = await openDeck(browser, pathToFileURL(path.join(folder, 'index.html')).href);
    const blocks = await page.evaluate(() =>
      ['.lectern-terms', '.lectern-timeline', '.lectern-questions', '.lectern-activity', '.lectern-debate', '.lectern-roles'].map((selector) => {
        const block = document.querySelector(selector)!;
        const copy = block.cloneNode(true) as Element;
        copy.querySelectorAll('svg').forEach((svg) => svg.remove());
        return { selector, formulas: block.querySelectorAll('svg[role="img"][aria-label]').length, text: copy.textContent ?? '' };
      }),
    );
    await context.close();
    for (const block of blocks) {
      expect(block.formulas, block.selector).toBeGreaterThan(0);
      expect(block.text, block.selector).not.toMatch(/\\frac|\^|\$[^5]/);
    }
    expect(blocks[0].text).toContain('A ticket costs $5');
    // Read out as words: "v equals d over t".
    expect(await deckLabels()).toContain('v equals d over t');
  });

  it('should draw them in the PDFs as Formula elements, leaving no dollar markup on the page', () => {
    // The handout: the terms (3), the timeline table (2), the activity (3) and the roles (1) at least.
    expect(formulaElements(path.join(folder, 'handout.pdf'))).toBeGreaterThanOrEqual(9);
    expect(formulaElements(path.join(folder, 'debate-worksheet.pdf'))).toBeGreaterThanOrEqual(1);
    expect(formulaElements(path.join(folder, 'teacher-edition.pdf'))).toBeGreaterThanOrEqual(4);
    for (const pdf of ['handout.pdf', 'debate-worksheet.pdf', 'slides-handout.pdf', 'vocabulary-quiz.pdf', 'timeline-worksheet.pdf', 'teacher-edition.pdf']) {
      const text = execFileSync('pdftotext', [path.join(folder, pdf), '-'], { encoding: 'utf8' });
      expect(text.replace(/\$5/g, ''), pdf).not.toContain('$');
    }
    expect(execFileSync('pdftotext', [path.join(folder, 'handout.pdf'), '-'], { encoding: 'utf8' })).toContain('A ticket costs $5');
  });

  it('should write them in plain characters in a timeline drawing', () => {
    expect(readFileSync(path.join(folder, 'index.html'), 'utf8')).toMatch(/<tspan[^>]*>Einstein writes E = mc²\.<\/tspan>/);
  });

  it('should make each an equation inside its text in the PowerPoint file, in plain characters for readers without equations', async () => {
    const slides = await readPptx(path.join(folder, 'formulas-in-blocks.pptx'));
    const slide = (title: string) => slides.find((candidate) => candidate.title === title)!;
    /** The TeX of each equation inside a text on the slide, read back from its Office Math. */
    const equations = (title: string) =>
      [...slide(title).xml.matchAll(/<a14:m><m:oMath>([\s\S]*?)<\/m:oMath><\/a14:m>/g)].map((match) =>
        [...match[1].matchAll(/<m:t[^>]*>([^<]*)<\/m:t>/g)]
          .map((text) => text[1].replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))))
          .join(''),
      );
    expect(equations('Key terms')).toEqual(['v=dt', 'v=90', 'a=Δvt', 'a=2']);
    expect(equations('When')).toEqual(['F=ma', 'E=mc2']);
    expect(equations('Questions')).toEqual(['v', 'd=100', 't=20']);
    expect(equations('Activity')).toEqual(['v', 'd=2', 'v=dt']);
    expect(equations('Debate')).toEqual(['v>50', 'v=30']);
    expect(equations('Roles')).toEqual(['F=ma']);
    // Runs are read apart (a formula is a run of its own): compared without spaces.
    const plain = slides
      .map((candidate) => candidate.textWithoutEquations)
      .join('\n')
      .replace(/\s+/g, '');
    for (const words of ['How fast something moves, v = d/t.', 'A ticket costs $5', 'Newton writes F = ma.', 'E = mc²', 'What is v when d = 100 and t = 20?'])
      expect(plain).toContain(words.replace(/\s+/g, ''));
    for (const words of ['Time a ball rolling d = 2 metres.', 'Work out v = d/t.', 'Speed cameras with v > 50 should fine drivers.', 'Explain F = ma.'])
      expect(plain).toContain(words.replace(/\s+/g, ''));
    expect(`${plain}\n${slides.map((candidate) => candidate.text).join('\n')}`).not.toMatch(/\\frac|\$v|\\Delta/);
  });
});
