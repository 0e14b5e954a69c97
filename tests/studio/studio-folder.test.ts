// `lectern studio` on a folder of lessons, as a teacher runs it: the page lists the folder's lessons, shows one with its
// pictures from the folder, saves what is typed into the lesson file within two seconds, builds it to the output folder,
// and stops when its process is told to. Another site's page cannot write to the folder through it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { COMPLETE_FIXTURE } from '../support/build-fixture.ts';
import { LECTERN, scratchFolder } from '../support/run-lectern.ts';

let folder: string;
let studio: ChildProcess;
let url: string;
let browser: Browser;

beforeAll(async () => {
  folder = await scratchFolder();
  await mkdir(path.join(folder, 'lessons'));
  await cp(COMPLETE_FIXTURE, path.join(folder, 'lessons', 'water-cycle.md'));
  await cp(path.join(path.dirname(COMPLETE_FIXTURE), 'images'), path.join(folder, 'lessons', 'images'), { recursive: true });
  await cp(COMPLETE_FIXTURE, path.join(folder, 'lessons', 'second-lesson.md'));
  studio = spawn(process.execPath, [LECTERN, 'studio', '--no-open'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let printed = '';
    studio.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const found = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(printed);
      if (found) resolve(found[1]);
    });
    studio.once('exit', (code) => reject(new Error(`lectern studio stopped (${code}): ${printed}`)));
  });
  if (hasChromium) browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (studio.exitCode === null) studio.kill('SIGKILL');
});

describe('lectern studio', () => {
  it.runIf(hasChromium)(
    "should show the folder's lessons, save an edit into the lesson file a moment after typing stops, and build it to output/",
    async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      try {
        await page.goto(url);
        await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
        const lessons = await page.getByRole('combobox', { name: 'Lesson' }).locator('option').allTextContents();
        expect(lessons).toEqual(['second-lesson', 'water-cycle']);
        await page.getByRole('combobox', { name: 'Lesson' }).selectOption('water-cycle.md');
        const slides = page.frameLocator('iframe[title="Slide preview"]').locator('.reveal .slides > section');
        await expect.poll(() => slides.count(), { timeout: 30_000 }).toBeGreaterThan(3);
        // The lesson's picture comes from the folder: no problem about it, and it is on its slide.
        const problems = page.getByRole('list', { name: 'Problems' }).getByRole('listitem');
        await expect.poll(() => problems.allTextContents(), { timeout: 30_000 }).not.toContainEqual(expect.stringMatching(/image/i));
        await expect
          .poll(() => page.frameLocator('iframe[title="Slide preview"]').locator('img[src^="data:image/png"]').count(), { timeout: 30_000 })
          .toBeGreaterThan(0);

        await page.getByRole('textbox', { name: 'Lesson Markdown' }).click();
        await page.keyboard.press('Control+End');
        await page.keyboard.insertText('\n\nA sentence typed in the studio.\n');
        // Saved 0.4 s after typing stops; waited for here as a condition, not against the clock.
        const file = path.join(folder, 'lessons', 'water-cycle.md');
        await expect.poll(() => readFileSync(file, 'utf8'), { timeout: 10_000, interval: 50 }).toContain('A sentence typed in the studio.');

        await page.getByRole('button', { name: 'Build to output folder' }).click();
        await expect
          .poll(() => page.locator('#status').textContent(), { timeout: 60_000 })
          .toMatch(/water-cycle\.md: built → output\/water-cycle\/ \(\d+ files\), 0 errors, \d+ warnings?\./);
        expect(existsSync(path.join(folder, 'output', 'water-cycle', 'handout.pdf'))).toBe(true);
        expect(readFileSync(path.join(folder, 'output', 'water-cycle', 'index.html'), 'utf8')).toContain('A sentence typed in the studio.');
      } finally {
        await context.close();
      }
    },
    120_000,
  );

  it("should refuse writes from another site's page, and files outside the folder", async () => {
    const fromElsewhere = await fetch(new URL('api/lessons/water-cycle.md', url), { method: 'PUT', body: 'x', headers: { origin: 'http://example.com' } });
    expect(fromElsewhere.status).toBe(403);
    const outside = await fetch(new URL('api/files/..%2F..%2Fsecret.png', url));
    expect([403, 404]).toContain(outside.status);
    const notAPicture = await fetch(new URL('api/files/water-cycle.md', url));
    expect(notAPicture.status).toBe(400);
    expect(readFileSync(path.join(folder, 'lessons', 'water-cycle.md'), 'utf8')).not.toBe('x');
  });

  it('should stop when it is told to (SIGTERM)', async () => {
    const stopped = new Promise<number | null>((resolve) => studio.once('exit', resolve));
    studio.kill('SIGTERM');
    expect(await stopped).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });
});
