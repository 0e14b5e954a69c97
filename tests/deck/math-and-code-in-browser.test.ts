import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, openDeck } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { ROOT, buildInto } from '../support/build-fixture.ts';

const STEM = path.join(ROOT, 'tests', 'fixtures', 'conservation', 'stem-speed.md');
const THEMES = ['white', 'black', 'dracula'];

describe.runIf(hasChromium)('a deck with math and code in Chromium', () => {
  let browser: Browser;
  const urls = new Map<string, string>();

  beforeAll(async () => {
    // The same lesson on a light and two dark themes: formulas take the text colour, code keeps its own background.
    const { readFile, writeFile, mkdtemp } = await import('node:fs/promises');
    const os = await import('node:os');
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lectern-stem-themes-'));
    const text = await readFile(STEM, 'utf8');
    for (const theme of THEMES) await writeFile(path.join(folder, `stem-${theme}.md`), text.replace('grade: 8', `grade: 8\ntheme: ${theme}`));
    const { outDir, results } = await buildInto([folder]);
    for (const result of results) urls.set(result.slug, pathToFileURL(path.join(outDir, result.slug, 'index.html')).href);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => browser?.close());

  it('should show the formulas and code with no console error, no network request and no contrast violation', async () => {
    expect([...urls.keys()].sort()).toEqual(THEMES.map((theme) => `stem-${theme}`).sort());
    for (const [slug, url] of urls) {
      const { context, page, problems, remote } = await openDeck(browser, url);
      for (const index of [2, 3, 4, 5]) {
        await page.evaluate((slide) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(slide), index);
        expect(await axeViolations(page), `${slug} slide ${index + 1}`).toEqual([]);
      }
      // Slide 3: an inline formula sits in its line of text, the display formula is centred and drawn to a real size.
      await page.evaluate(() => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(2));
      // Each formula is labelled with what it says ("d equals 12"), its TeX its title.
      const inline = page.locator('section.present .lectern-math svg[role="img"][aria-label="d equals 12"]');
      expect(await page.locator('section.present .lectern-math-display svg').getAttribute('aria-label')).toMatch(
        /^v equals d over t equals 12 kilometers over 0\.25 h/,
      );
      await expect.poll(() => inline.isVisible()).toBe(true);
      const display = await page.locator('section.present .lectern-math-display svg').boundingBox();
      const slide = await page.locator('section.present').boundingBox();
      expect(display!.height, slug).toBeGreaterThan(40);
      expect(Math.abs(display!.x + display!.width / 2 - (slide!.x + slide!.width / 2)), slug).toBeLessThan(4);
      // The formula is drawn in the theme's text colour.
      const colours = await page.evaluate(() => {
        const svg = document.querySelector('section.present .lectern-math svg g')!;
        const paragraph = document.querySelector('section.present p')!;
        return [getComputedStyle(svg).fill, getComputedStyle(paragraph).color];
      });
      expect(colours[0], slug).toBe(colours[1]);
      expect(problems, slug).toEqual([]);
      expect(remote, slug).toEqual([]);
      await context.close();
    }
  });
});
