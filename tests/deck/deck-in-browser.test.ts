import { readFileSync } from 'node:fs';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEMES, deckSlideCount, type Lesson } from '../../src/lesson/model.ts';
import { hasChromium, launchChromium, openDeck } from '../support/browser.ts';
import { axeViolations, deckViolations } from '../support/axe.ts';
import { scratchFolder } from '../support/run-lectern.ts';
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

  it('should pass every WCAG 2.1 A and AA rule and best practice of axe-core at every slide and step, controls included', async () => {
    for (const { lesson, url } of decks) {
      const { context, page } = await open(url);
      expect(await deckViolations(page), lesson.slug).toEqual([]);
      await context.close();
    }
  }, 180_000);

  it('should show the keyboard where it is on every control, and the slide number in high contrast, in every theme', async () => {
    const folder = await scratchFolder();
    const text = readFileSync(COMPLETE_FIXTURE, 'utf8').replace(/^theme: .*\n/m, '');
    await cp(path.join(path.dirname(COMPLETE_FIXTURE), 'images'), path.join(folder, 'images'), { recursive: true });
    for (const theme of THEMES) await writeFile(path.join(folder, `${theme}.md`), text.replace('---\n', `---\ntheme: ${theme}\n`));
    const { outDir } = await buildInto([folder], { only: ['deck'] });
    for (const theme of THEMES) {
      const { context, page } = await open(pathToFileURL(path.join(outDir, theme, 'index.html')).href);
      expect(await axeViolations(page), theme).toEqual([]);
      // Tab reaches the link to the reading view, then the arrows: each with a ring of at least 2 px in white and black.
      const rings: string[] = [];
      for (let press = 0; press < 3; press++) {
        await page.keyboard.press('Tab');
        rings.push(
          await page.evaluate(() => {
            const style = getComputedStyle(document.activeElement!);
            return `${document.activeElement!.getAttribute('aria-label') ?? document.activeElement!.textContent} ${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow}`;
          }),
        );
      }
      expect(
        rings.filter((ring) => /solid 2px rgb\(0, 0, 0\) 0px 0px 0px 5px/.test(ring)),
        `${theme}: ${rings.join(' | ')}`,
      ).toHaveLength(3);
      await context.close();
    }
  }, 180_000);

  it('should offer a reading view whose text the browser zoom enlarges and which reflows at 320 pixels wide, notes kept out', async () => {
    const { lesson, url } = decks[0];
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${url}?view=reading`);
    const sizes = async () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.reveal .slides section p')!).fontSize));
    const normal = await sizes();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const text = await page.locator('.reveal .slides').innerText();
    expect(text).toContain(lesson.meta.title.toUpperCase());
    // The speaker notes are in the page, out of sight.
    expect(await page.locator('.reveal aside.notes').count()).toBeGreaterThan(0);
    expect(await page.locator('.reveal aside.notes').evaluateAll((notes) => notes.filter((note) => (note as HTMLElement).offsetHeight > 0).length)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // Browser zoom makes the root font larger: the reading view's text grows with it (the slides would not).
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    expect(await sizes()).toBeCloseTo(normal * 2, 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.getByRole('link', { name: 'Back to the slides' }).click();
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
    await context.close();
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
