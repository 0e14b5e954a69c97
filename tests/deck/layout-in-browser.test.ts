// Columns, sized images, background pictures and printing from the browser, measured in Chromium on the built decks.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckSlideCount, type Lesson } from '../../src/lesson/model.ts';
import { hasChromium, launchChromium, openDeck } from '../support/browser.ts';
import { COMPLETE_FIXTURE, ROOT, buildInto } from '../support/build-fixture.ts';
import { axeViolations } from '../support/axe.ts';
import { needsTools } from '../support/needs-tool.ts';

const run = promisify(execFile);
const LAYOUT_FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'lessons', 'layout', 'input.md');
const LONG_SLIDES = path.join(ROOT, 'tests', 'fixtures', 'conservation', 'long-slides.md');
const hasPoppler = needsTools(['pdfinfo', 'pdftotext'], 'install poppler-utils');

interface Built {
  lesson: Lesson;
  folder: string;
}

describe.runIf(hasChromium)('columns, sized images and background pictures in Chromium', () => {
  let browser: Browser;
  let layout: Built;
  let longSlides: Built;
  let complete: Built;

  beforeAll(async () => {
    // Two builds: the harbour lesson and the complete fixture are both called input.md.
    const first = await buildInto([LAYOUT_FIXTURE, LONG_SLIDES], { singleFile: true });
    const second = await buildInto([COMPLETE_FIXTURE]);
    const built = (outDir: string, result: (typeof first.results)[number]) => ({ lesson: result.lesson!, folder: path.join(outDir, result.slug) });
    layout = built(
      first.outDir,
      first.results.find((result) => result.source.endsWith('input.md'))!,
    );
    longSlides = built(
      first.outDir,
      first.results.find((result) => result.source.endsWith('long-slides.md'))!,
    );
    complete = built(second.outDir, second.results[0]);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => browser?.close());

  const open = (file: string, query = '') => openDeck(browser, `${pathToFileURL(file).href}${query}`);

  const show = (page: Page, index: number) => page.evaluate(`Reveal.slide(${index})`);
  const boxes = (page: Page, selector: string) =>
    page.locator(`.reveal .slides section.present ${selector}`).evaluateAll((elements) =>
      elements.map((element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return { x, y, width, height };
      }),
    );
  const scale = (page: Page) => page.evaluate('Reveal.getScale()') as Promise<number>;

  it('should set the columns side by side, as wide as the lesson says (40% and 60%)', async () => {
    const { context, page } = await open(path.join(layout.folder, 'index.html'));
    await show(page, 3);
    const [left, right] = await boxes(page, '.lectern-column');
    expect(left.x + left.width).toBeLessThanOrEqual(right.x);
    expect(Math.abs(left.y - right.y)).toBeLessThan(2);
    expect(left.width / right.width).toBeCloseTo(40 / 60, 1);
    // Two lists, side by side: both columns' first items are on the same line.
    await show(page, 4);
    const [boats, quay] = await boxes(page, '.lectern-column li:first-child');
    expect(Math.abs(boats.y - quay.y)).toBeLessThan(2);
    expect(boats.x + boats.width).toBeLessThan(quay.x);
    await context.close();
  });

  it('should show each sized image at its size: 90% of its column, 220 px wide, 150 px tall', async () => {
    const { context, page } = await open(path.join(layout.folder, 'index.html'));
    await show(page, 3);
    const [column] = (await boxes(page, '.lectern-column')).slice(1);
    const [map] = await boxes(page, '.lectern-column img');
    expect(map.width / column.width).toBeCloseTo(0.9, 2);
    await show(page, 5);
    const [chart, smallMap] = await boxes(page, 'img');
    const zoom = await scale(page);
    expect(chart.width / zoom).toBeCloseTo(220, 0);
    expect(smallMap.height / zoom).toBeCloseTo(150, 0);
    await context.close();
  });

  it('should show the background picture behind the whole slide, its text readable on a panel, with nothing from the network', async () => {
    for (const file of ['index.html', 'input.html']) {
      const { context, page, problems, remote } = await open(path.join(layout.folder, file));
      await show(page, 2);
      const background = await page.evaluate(
        () =>
          (document.querySelector('.reveal .backgrounds .slide-background.present .slide-background-content') as HTMLElement | null)?.style.backgroundImage ??
          '',
      );
      expect(background, file).toMatch(file === 'index.html' ? /assets\/images\/harbour\.jpg/ : /^url\("?data:image\/jpeg;base64,/);
      for (let index = 2; index < deckSlideCount(layout.lesson); index++) {
        await show(page, index);
        expect(await axeViolations(page), `${file} slide ${index + 1}`).toEqual([]);
      }
      // White text on a panel dark enough for any picture behind it.
      const panel = await page.evaluate(() => {
        const section = document.querySelectorAll('.reveal .slides > section')[2];
        return { background: getComputedStyle(section).backgroundColor, color: getComputedStyle(section.querySelector('p')!).color };
      });
      expect(panel).toEqual({ background: 'rgba(0, 0, 0, 0.78)', color: 'rgb(255, 255, 255)' });
      expect(problems, file).toEqual([]);
      expect(remote, file).toEqual([]);
      await context.close();
    }
  });

  describe.runIf(hasPoppler)('printed from the browser with ?print-pdf', () => {
    async function printed(built: Built) {
      const { context, page, problems, remote } = await open(path.join(built.folder, 'index.html'), '?print-pdf');
      // reveal.js is ready before it has laid the slides out as pages (it appends them all at once, then says
      // "pdf-ready"): printing sooner prints one page.
      await page.waitForFunction(() => document.querySelectorAll('.reveal .pdf-page').length > 0);
      const pdf = path.join(await mkdtemp(path.join(os.tmpdir(), 'lectern-print-')), 'deck.pdf');
      await page.pdf({ path: pdf, preferCSSPageSize: true });
      await context.close();
      expect(problems).toEqual([]);
      expect(remote).toEqual([]);
      const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)![1]);
      const pageText = async (number: number) => (await run('pdftotext', ['-f', String(number), '-l', String(number), '-enc', 'UTF-8', pdf, '-'])).stdout;
      return { pages, page: pageText };
    }

    it('should print each slide on one page, a long slide made smaller with its last words on its own page', async () => {
      const { pages, page } = await printed(longSlides);
      expect(pages).toBe(deckSlideCount(longSlides.lesson));
      const index = longSlides.lesson.slides.findIndex((slide) => slide.title === 'A very long slide');
      const text = await page(index + 2);
      expect(text).toContain('A VERY LONG SLIDE');
      expect(text).toContain('ZEBRA-END');
    }, 60_000);

    it('should print an incremental list once, with every item shown', async () => {
      const { pages, page } = await printed(complete);
      expect(pages).toBe(deckSlideCount(complete.lesson));
      const text = await page(3);
      for (const item of ['Evaporation: the sun warms the sea.', 'Condensation: vapour cools into clouds.', 'Precipitation: rain, snow or hail falls.'])
        expect(text).toContain(item);
    }, 60_000);

    it('should print the background picture and the columns of the harbour lesson, one page a slide', async () => {
      const { pages, page } = await printed(layout);
      expect(pages).toBe(deckSlideCount(layout.lesson));
      expect(await page(3)).toContain('Before sunrise the boats leave the harbour.');
      const columns = await page(5);
      for (const words of ['On the boats', 'On the quay', 'Packing ice for the lorries']) expect(columns).toContain(words);
    }, 60_000);
  });
});
