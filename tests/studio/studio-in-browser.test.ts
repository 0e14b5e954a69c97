// Lectern Studio served by a plain static web host, used in Chromium as a teacher would: a lesson pasted into the
// editor shows as many slides as `lectern build` makes, problems are listed as they are typed and go when fixed, the
// printables are drawn from their PDFs, nothing is asked of any other machine, and after going offline the studio still
// opens with the lesson.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { ROOT, buildInto } from '../support/build-fixture.ts';
import { openStudio, paste, studioOnStaticHost } from '../support/studio.ts';

const BUNDLED = path.join(ROOT, 'lessons', 'why-putin-visited-north-korea.md');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const editor = (page: Page) => page.getByRole('textbox', { name: 'Lesson Markdown' });
const slides = (page: Page) => page.frameLocator('iframe[title="Slide preview"]').locator('.reveal .slides > section');
const problems = (page: Page) => page.getByRole('list', { name: 'Problems' }).getByRole('listitem');

/** The lessons the studio has saved in this browser (its IndexedDB store), one after another. */
const savedLessons = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('lectern-studio');
        request.onerror = () => resolve('');
        request.onsuccess = () => {
          const database = request.result;
          try {
            const all = database.transaction('lessons').objectStore('lessons').getAll();
            all.onsuccess = () => resolve(all.result.filter((value): value is string => typeof value === 'string').join('\n'));
            all.onerror = () => resolve('');
          } catch {
            resolve('');
          } finally {
            database.close();
          }
        };
      }),
  );

describe.runIf(hasChromium)('the studio on a static web host', () => {
  const host = studioOnStaticHost();

  it('should show a pasted lesson with as many slides as lectern build makes, asking nothing of any other machine', async () => {
    const { outDir } = await buildInto([BUNDLED]);
    const built = (readFileSync(path.join(outDir, 'why-putin-visited-north-korea', 'index.html'), 'utf8').match(/<section[\s>]/g) ?? []).length;
    const studio = await openStudio(host.browser(), host.url());
    try {
      await paste(studio.page, readFileSync(BUNDLED, 'utf8'));
      await expect.poll(() => slides(studio.page).count(), { timeout: 30_000 }).toBe(built);
      expect(built).toBeGreaterThan(10);
      await expect.poll(() => problems(studio.page).allTextContents(), { timeout: 30_000 }).toEqual(['No problems.']);
      // The printables are drawn from their PDFs a moment after typing stops.
      await expect.poll(() => studio.page.locator('#printable-pages canvas').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await expect(studio.page.getByRole('button', { name: 'Show the teacher edition' }).count()).resolves.toBe(1);
      const elsewhere = studio.requests.filter((url) => !url.startsWith(host.url()) && !/^(data|blob|about):/.test(url));
      expect(elsewhere).toEqual([]);
      // Fonts on demand: the Latin font only, until a lesson needs another script's.
      const fonts = () => [...new Set(studio.requests.filter((url) => url.endsWith('.ttf')).map((url) => url.replace(/^.*\//, '')))].sort();
      expect(fonts()).toEqual(['Pretendard-Bold.ttf', 'Pretendard-Regular.ttf']);
      await paste(studio.page, '---\ntitle: 水の循環\nlang: ja\n---\n\n# 雨はどこから来るのか\n\n水は海から空へ上がり、雨になって戻ってきます。\n');
      await expect.poll(fonts, { timeout: 60_000 }).toContain('NotoSansJP_400Regular.ttf');
      expect(fonts()).not.toContain('NotoSansSC_400Regular.ttf');
      expect(studio.problems).toEqual([]);
    } finally {
      await studio.context.close();
    }
  }, 120_000);

  it('should list an unclosed block under Problems at its line as it is typed, and drop it once it is fixed', async () => {
    const studio = await openStudio(host.browser(), host.url());
    try {
      const text = readFileSync(BUNDLED, 'utf8').trimEnd();
      await paste(studio.page, `${text}\n\n---\n\n## More words\n\n:::terms\n- **Treaty** — A written agreement between countries.\n`);
      const line = text.split('\n').length + 6;
      await expect
        .poll(() => problems(studio.page).allTextContents(), { timeout: 30_000 })
        .toEqual([expect.stringMatching(new RegExp(`^${line}:1 error: .*never closed`))]);
      await studio.page.keyboard.insertText(':::\n');
      await expect.poll(() => problems(studio.page).allTextContents(), { timeout: 30_000 }).toEqual(['No problems.']);
      // A problem's line and column take the keyboard there.
      await paste(studio.page, `${text}\n\n---\n\n:::termz\n- x\n:::\n`);
      await expect.poll(() => problems(studio.page).first().textContent(), { timeout: 30_000 }).toMatch(/^\d+:\d+ error: .*termz/);
    } finally {
      await studio.context.close();
    }
  }, 120_000);

  it('should follow the slide under the cursor', async () => {
    const studio = await openStudio(host.browser(), host.url());
    try {
      const text = readFileSync(BUNDLED, 'utf8');
      await paste(studio.page, text);
      await expect.poll(() => slides(studio.page).count(), { timeout: 30_000 }).toBeGreaterThan(10);
      const deck = studio.page.frameLocator('iframe[title="Slide preview"]');
      // The preview shows the pasted lesson (a new lesson's deck is loaded afresh, so the one before may still be there).
      const title = /^title: *"?(.*?)"?$/m.exec(text)![1];
      await expect.poll(() => deck.locator('.reveal .slides > section').first().textContent(), { timeout: 30_000 }).toContain(title);
      const shownLine = () => deck.locator('.reveal .slides > section.present').first().getAttribute('data-lesson-line');
      // At the top of the lesson, the title slide (made from the front matter, no line of its own); at the end, the last slide written.
      await studio.page.keyboard.press('Control+Home');
      await expect.poll(shownLine, { timeout: 10_000 }).toBeNull();
      await studio.page.keyboard.press('Control+End');
      const lastLine = async () =>
        String(
          Math.max(
            ...(
              await deck
                .locator('.reveal .slides > section[data-lesson-line]')
                .evaluateAll((sections) => sections.map((section) => section.getAttribute('data-lesson-line')))
            ).map(Number),
          ),
        );
      await expect.poll(async () => (await shownLine()) === (await lastLine()), { timeout: 10_000 }).toBe(true);
    } finally {
      await studio.context.close();
    }
  }, 120_000);

  it('should open with the lesson still there after going offline and reloading', async () => {
    const studio = await openStudio(host.browser(), host.url());
    try {
      await studio.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      // The service worker keeps the studio's files as it installs; a reload is then answered by it.
      await studio.page.reload();
      await studio.page.waitForSelector('body[data-ready]');
      await paste(studio.page, '---\ntitle: Kept offline\n---\n\n# Rivers\n\nA river starts at its source.\n');
      await expect.poll(() => slides(studio.page).count(), { timeout: 30_000 }).toBe(2);
      // Saved in the browser's storage (the status line's "Saved" may be replaced by the printables' news at once).
      await expect.poll(() => savedLessons(studio.page), { timeout: 30_000 }).toContain('A river starts at its source.');
      await studio.context.setOffline(true);
      await studio.page.reload();
      await studio.page.waitForSelector('body[data-ready]', { timeout: 60_000 });
      await expect.poll(() => editor(studio.page).textContent()).toContain('A river starts at its source.');
      await expect.poll(() => slides(studio.page).count(), { timeout: 30_000 }).toBe(2);
    } finally {
      await studio.context.close();
    }
  }, 120_000);

  it('should pass axe-core (WCAG 2.1 A and AA) and be usable with the keyboard alone', async () => {
    const studio = await openStudio(host.browser(), host.url());
    try {
      await expect.poll(() => slides(studio.page).count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await studio.page.addScriptTag({ content: axeSource });
      const violations = await studio.page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
          }
        ).axe;
        const result = await axe.run(
          { exclude: [['#deck-preview']] },
          { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } },
        );
        return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
      // From the top of the page, Tab reaches every button of the bar and the editor, each showing where it is.
      const reached: string[] = [];
      await studio.page.locator('body').focus();
      for (let step = 0; step < 16; step++) {
        await studio.page.keyboard.press('Tab');
        reached.push(
          await studio.page.evaluate(() => {
            const active = document.activeElement as HTMLElement;
            const outline = getComputedStyle(active).outlineStyle;
            return `${active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 20)}|${outline}`;
          }),
        );
      }
      const names = reached.map((entry) => entry.split('|')[0]);
      for (const name of ['New lesson', 'Import', 'Download all', 'Lesson Markdown']) expect(names).toContain(name);
      expect(reached.filter((entry) => entry.split('|')[0] !== 'Lesson Markdown').every((entry) => entry.endsWith('|solid'))).toBe(true);
      // Tab indents in the lesson text; Esc, then Tab, leaves it for the slides, as the line above it says.
      const text = studio.page.getByRole('textbox', { name: 'Lesson Markdown' });
      const hint = await text.getAttribute('aria-describedby');
      expect(await studio.page.locator(`#${hint}`).textContent()).toBe('Tab indents a line. To leave the lesson text with the keyboard, press Esc, then Tab.');
      expect(await studio.page.locator(`#${hint}`).isVisible()).toBe(true);
      await text.focus();
      await studio.page.keyboard.press('Tab');
      expect(await studio.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Lesson Markdown');
      await studio.page.keyboard.press('Escape');
      await studio.page.keyboard.press('Tab');
      expect(await studio.page.evaluate(() => document.activeElement?.id)).toBe('deck-preview');
      // New lesson, with the keyboard: the dialog takes the title and makes the lesson from the template.
      await studio.page.getByRole('button', { name: 'New lesson' }).focus();
      await studio.page.keyboard.press('Enter');
      await studio.page.getByRole('dialog', { name: 'New lesson' }).waitFor();
      await studio.page.keyboard.insertText('The Water Cycle');
      await studio.page.keyboard.press('Enter');
      await expect.poll(() => editor(studio.page).textContent(), { timeout: 30_000 }).toContain('title: "The Water Cycle"');
      await expect.poll(() => studio.page.getByRole('combobox', { name: 'Lesson' }).inputValue()).toBe('the-water-cycle.md');
    } finally {
      await studio.context.close();
    }
  }, 120_000);
});
