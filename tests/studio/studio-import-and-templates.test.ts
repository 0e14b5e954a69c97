// The studio's Import and Templates, as `lectern import` and a templates folder work for the command: an article or a
// deck brought with its pictures becomes a lesson draft that builds, and a teacher's copy of a template changes the
// printables and the slides the studio makes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../support/pdf-text.ts';
import { hasChromium } from '../support/browser.ts';
import { ROOT } from '../support/build-fixture.ts';
import { downloadAll, openStudio, studioOnStaticHost } from '../support/studio.ts';

const DECKS = path.join(ROOT, 'tests', 'fixtures', 'decks');

describe.runIf(hasChromium)("the studio's Import and Templates", () => {
  const host = studioOnStaticHost();

  it('should import a Marp deck with its pictures into a lesson that builds, the pictures beside it', async () => {
    const studio = await openStudio(host.browser(), host.url());
    try {
      const { page } = studio;
      await page.getByRole('button', { name: 'Import' }).click();
      const dialog = page.getByRole('dialog', { name: /Import/ });
      await dialog
        .getByLabel('Files')
        .setInputFiles([
          path.join(DECKS, 'marp-histoire-revolution.md'),
          path.join(DECKS, 'images', 'bastille.png'),
          path.join(DECKS, 'images', 'tricolore.png'),
        ]);
      await dialog.getByRole('button', { name: 'Import' }).click();
      await expect.poll(() => page.getByRole('textbox', { name: 'Lesson Markdown' }).textContent(), { timeout: 30_000 }).toContain('images/tricolore.png');
      await expect
        .poll(() => page.getByRole('list', { name: 'Problems' }).getByRole('listitem').allTextContents(), { timeout: 30_000 })
        .not.toContainEqual(expect.stringMatching(/ error: /));
      const files = await downloadAll(page);
      const slug = [...files.keys()][0].split('/')[0];
      expect(files.has(`${slug}/assets/images/tricolore.png`)).toBe(true);
      expect(files.has(`${slug}/handout.pdf`)).toBe(true);
      expect(studio.problems).toEqual([]);
    } finally {
      await studio.context.close();
    }
  }, 120_000);

  it('should import a plain-text article as a lesson draft', async () => {
    const studio = await openStudio(host.browser(), host.url());
    try {
      const { page } = studio;
      await page.getByRole('button', { name: 'Import' }).click();
      const dialog = page.getByRole('dialog', { name: /Import/ });
      await dialog.getByLabel('Files').setInputFiles(path.join(ROOT, 'tests', 'fixtures', 'articles', 'volcanoes.txt'));
      await dialog.getByRole('button', { name: 'Import' }).click();
      await expect.poll(() => page.getByRole('combobox', { name: 'Lesson' }).inputValue(), { timeout: 30_000 }).not.toBe('my-first-lesson.md');
      const slides = page.frameLocator('iframe[title="Slide preview"]').locator('.reveal .slides > section');
      await expect.poll(() => slides.count(), { timeout: 30_000 }).toBeGreaterThan(2);
    } finally {
      await studio.context.close();
    }
  }, 120_000);

  it("should make the printables and the slides with a teacher's copy of a template", async () => {
    const studio = await openStudio(host.browser(), host.url());
    try {
      const { page } = studio;
      await page.getByRole('button', { name: 'Templates' }).click();
      const dialog = page.getByRole('dialog', { name: 'Templates' });
      await dialog.getByLabel('Template').selectOption('print/handout.hbs');
      const text = dialog.getByLabel('Text');
      await text.fill(`${await text.inputValue()}\n\nRiverside School: bring this sheet to every lesson.\n`);
      await dialog.getByRole('button', { name: 'Save my copy' }).click();
      await page.getByRole('button', { name: 'Templates' }).click();
      await dialog.getByLabel('Template').selectOption('deck/lectern.css');
      await text.fill(`${await text.inputValue()}\n.reveal h1 { letter-spacing: 0.31em; }\n`);
      await dialog.getByRole('button', { name: 'Save my copy' }).click();
      const heading = page.frameLocator('iframe[title="Slide preview"]').locator('.reveal h1').first();
      await expect.poll(() => heading.evaluate((element) => getComputedStyle(element).letterSpacing), { timeout: 30_000 }).not.toBe('normal');
      const files = await downloadAll(page);
      const handout = [...files].find(([name]) => name.endsWith('/handout.pdf'))![1];
      expect((await readPdfText(handout)).text).toContain('Riverside School: bring this sheet to every lesson.');
      // Kept: the copies are still used after a reload.
      await page.reload();
      await page.waitForSelector('body[data-ready]');
      const again = await downloadAll(page);
      expect((await readPdfText([...again].find(([name]) => name.endsWith('/handout.pdf'))![1])).text).toContain('Riverside School');
    } finally {
      await studio.context.close();
    }
  }, 120_000);
});

describe.runIf(hasChromium)("the studio's lesson files on this computer", () => {
  const host = studioOnStaticHost();

  // Browsers without the File System Access API (Firefox, Safari) open with a file upload and save with a download;
  // Chromium's own file pickers cannot be driven by a test, so the API is taken away here to test the way the others go.
  it('should open a local .md file, add a picture to it, and save it back as a download', async () => {
    const studio = await openStudio(host.browser(), host.url());
    try {
      const { page, context } = studio;
      await context.addInitScript('delete window.showOpenFilePicker; delete window.showSaveFilePicker;');
      await page.reload();
      await page.waitForSelector('body[data-ready]');
      const [opening] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open file' }).click()]);
      await opening.setFiles({
        name: 'tides.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('---\ntitle: Tides\n---\n\n# Why the sea rises\n\nThe Moon pulls the water.\n'),
      });
      await expect.poll(() => page.getByRole('combobox', { name: 'Lesson' }).inputValue(), { timeout: 30_000 }).toBe('tides.md');
      await page.getByRole('textbox', { name: 'Lesson Markdown' }).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.insertText('\n');
      const [adding] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Add image' }).click()]);
      await adding.setFiles(path.join(DECKS, 'images', 'tricolore.png'));
      await expect
        .poll(() => page.getByRole('textbox', { name: 'Lesson Markdown' }).textContent(), { timeout: 10_000 })
        .toContain('![tricolore](images/tricolore.png)');
      await expect.poll(() => page.frameLocator('iframe[title="Slide preview"]').locator('img[alt="tricolore"]').count(), { timeout: 30_000 }).toBe(1);
      const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save file' }).click()]);
      expect(saved.suggestedFilename()).toBe('tides.md');
      const text = await readFile((await saved.path())!, 'utf8');
      expect(text).toContain('The Moon pulls the water.');
      expect(text).toContain('![tricolore](images/tricolore.png)');
      const files = await downloadAll(page);
      expect(files.has('tides/assets/images/tricolore.png')).toBe(true);
    } finally {
      await studio.context.close();
    }
  }, 120_000);
});
