import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckSlideCount, type Lesson } from '../../src/lesson/model.ts';
import { hasChromium, launchChromium, openDeck } from '../support/browser.ts';
import { contrastViolations } from '../support/contrast.ts';
import { BUNDLED_LESSONS, COMPLETE_FIXTURE, buildInto } from '../support/build-fixture.ts';

const run = hasChromium;

describe.runIf(run)('a built deck opened from file:// in Chromium', () => {
  let browser: Browser;
  let decks: { lesson: Lesson; url: string }[];

  beforeAll(async () => {
    const { outDir, results } = await buildInto([COMPLETE_FIXTURE, BUNDLED_LESSONS]);
    decks = results.map((result) => ({ lesson: result.lesson!, url: pathToFileURL(path.join(outDir, result.slug, 'index.html')).href }));
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  const open = (url: string) => openDeck(browser, url);

  const reveal = <T>(page: Page, script: string) => page.evaluate(`(() => { const R = window.Reveal; return ${script}; })()`) as Promise<T>;

  it('should show as many slides as the lesson model has, move on with ArrowRight, and raise no error or request', async () => {
    for (const { lesson, url } of decks) {
      const { context, page, problems, remote } = await open(url);
      expect(await reveal<number>(page, 'R.getTotalSlides()'), lesson.slug).toBe(deckSlideCount(lesson));
      expect(await page.locator('.reveal .slides > section').first().innerText()).toContain(lesson.meta.title.toUpperCase());
      await page.keyboard.press('ArrowRight');
      expect(await reveal<number>(page, 'R.getIndices().h')).toBe(1);
      await page.keyboard.press('ArrowRight');
      expect(await reveal<number>(page, 'R.getIndices().h')).toBe(2);
      expect(await page.locator('.slide-number').innerText()).toContain('3');
      expect(problems, lesson.slug).toEqual([]);
      expect(remote, lesson.slug).toEqual([]);
      await context.close();
    }
  });

  it('should carry the speaker notes of every lesson slide', async () => {
    for (const { lesson, url } of decks) {
      const { context, page } = await open(url);
      const notes = await reveal<string[]>(page, 'R.getSlides().map((slide) => R.getSlideNotes(slide) || "")');
      const offset = lesson.meta.objectives.length > 0 ? 2 : 1;
      lesson.slides.forEach((slide, index) => {
        if (slide.notes.length > 0) expect(notes[offset + index], `${lesson.slug} slide ${offset + index + 1}`).not.toBe('');
      });
      await context.close();
    }
  });

  it("should pass axe-core's colour-contrast rule on every slide", async () => {
    for (const { lesson, url } of decks) {
      const { context, page } = await open(url);
      const total = await reveal<number>(page, 'R.getTotalSlides()');
      for (let index = 0; index < total; index++) {
        await reveal(page, `R.slide(${index})`);
        expect(await contrastViolations(page), `${lesson.slug} slide ${index + 1}`).toEqual([]);
      }
      await context.close();
    }
  });

  it('should fit every slide on the screen', async () => {
    for (const { lesson, url } of decks) {
      const { context, page } = await open(url);
      const overfull = await reveal<number[]>(
        page,
        'R.getSlides().map((slide, index) => { R.slide(index); return slide.scrollHeight > R.getConfig().height ? index + 1 : 0; }).filter(Boolean)',
      );
      expect(overfull, `${lesson.slug}: slides taller than the screen`).toEqual([]);
      await context.close();
    }
  });

  it("should open the speaker view with the current slide's notes when the teacher presses S, offline", async () => {
    const { lesson, url } = decks[0];
    const { context, page, remote } = await open(`${url}#/2`);
    const popup = context.waitForEvent('page');
    await page.keyboard.press('s');
    const speakerView = await popup;
    const expected = JSON.stringify(lesson.slides[0].notes).match(/"value":"([^"]{10,40})/)![1];
    await expect.poll(() => speakerView.locator('body').innerText(), { timeout: 15_000 }).toContain(expected);
    expect(remote).toEqual([]);
    await context.close();
  });
});

if (!run) {
  describe('a built deck in a browser', () => {
    it.skip('needs Chromium at /usr/bin/chromium (install Debian\'s "chromium" package)', () => {});
  });
}
