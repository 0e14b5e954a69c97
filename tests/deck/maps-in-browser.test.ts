import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/lesson/model.ts';
import { hasChromium, launchChromium, openDeck } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { BUNDLED_LESSONS, ROOT, buildInto } from '../support/build-fixture.ts';

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'lessons', 'maps', 'input.md');

describe.runIf(hasChromium)('map and timeline slides in Chromium', () => {
  let browser: Browser;
  let decks: { lesson: Lesson; url: string }[];

  beforeAll(async () => {
    const { outDir, results } = await buildInto([FIXTURE, BUNDLED_LESSONS]);
    decks = results.map((result) => ({ lesson: result.lesson!, url: pathToFileURL(path.join(outDir, result.slug, 'index.html')).href }));
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => browser?.close());

  it('should show each map and drawn timeline whole on a 1280×720 screen, with its names, no error, no request and enough contrast', async () => {
    let checked = 0;
    for (const { lesson, url } of decks) {
      const { context, page, problems, remote } = await openDeck(browser, url);
      const first = 1 + (lesson.meta.objectives.length > 0 ? 1 : 0);
      for (const [index, slide] of lesson.slides.entries()) {
        const drawn = slide.parts.filter((part) => part.kind === 'map' || part.kind === 'timeline');
        if (drawn.length === 0) continue;
        await page.evaluate((h) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(h), first + index);
        await page.waitForFunction((h) => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h === h, first + index);
        const where = `${lesson.slug}, slide ${first + index + 1}`;
        const section = page.locator('.reveal .slides section.present');
        for (const part of drawn) {
          const selector = part.kind === 'map' ? 'figure.lectern-map' : 'svg.lectern-timeline-drawing';
          const box = await section.locator(selector).first().boundingBox();
          expect(box, where).not.toBeNull();
          expect(box!.y, where).toBeGreaterThanOrEqual(0);
          expect(box!.x, where).toBeGreaterThanOrEqual(0);
          expect(box!.y + box!.height, where).toBeLessThanOrEqual(720);
          expect(box!.x + box!.width, where).toBeLessThanOrEqual(1280);
          const shown = await section.innerText();
          if (part.kind === 'map') {
            for (const place of part.places) expect(shown, where).toContain(place.name);
            expect(shown, where).toContain(part.caption);
            const alt = await section.locator('svg.lectern-map-drawing').first().getAttribute('aria-label');
            expect(alt, where).toMatch(/^Map of .*Places: /);
          } else {
            for (const event of part.events) expect(shown, where).toContain(event.date);
            // The list stays for screen readers, out of sight.
            expect(
              await section
                .locator('ol.lectern-timeline')
                .first()
                .boundingBox()
                .then((list) => list!.width <= 1),
              where,
            ).toBe(true);
          }
          checked++;
        }
        expect(await axeViolations(page), where).toEqual([]);
      }
      expect(problems, lesson.slug).toEqual([]);
      expect(remote, lesson.slug).toEqual([]);
      await context.close();
    }
    // The fixture's two maps and timeline, and each bundled lesson's two maps (East Asia, the Korean peninsula) and timeline.
    expect(checked).toBe(9);
  }, 120_000);
});
