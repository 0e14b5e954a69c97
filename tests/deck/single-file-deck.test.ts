import { copyFileSync, readFileSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildLessons } from '../../src/node/build-lessons.ts';
import { deckSlideCount } from '../../src/lesson/model.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { COMPLETE_FIXTURE } from '../support/build-fixture.ts';
import { scratchFolder } from '../support/run-lectern.ts';

describe('lectern build --single-file', () => {
  it.runIf(hasChromium)('should write one HTML file that works alone, offline, with its image, in Chromium', async () => {
    const folder = await scratchFolder();
    await cp(path.dirname(COMPLETE_FIXTURE), folder, { recursive: true });
    const [result] = await buildLessons({ inputs: ['input.md'], outDir: path.join(folder, 'output'), cwd: folder, singleFile: true });
    expect(result.written).toContain(path.join('input', 'input.html'));
    const html = readFileSync(path.join(folder, 'output', 'input', 'input.html'), 'utf8');
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
    expect(markup).not.toMatch(/<(script|link|img)[^>]+(src|href)="(?!data:)/);

    const alone = path.join(folder, 'alone');
    await mkdir(alone);
    copyFileSync(path.join(folder, 'output', 'input', 'input.html'), path.join(alone, 'water-cycle.html'));
    const url = pathToFileURL(path.join(alone, 'water-cycle.html')).href;
    const browser = await launchChromium();
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => void (request.url().startsWith('data:') || requests.push(request.url())));
    page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
    expect(await page.evaluate('Reveal.getTotalSlides()')).toBe(deckSlideCount(result.lesson!));
    await page.evaluate('Reveal.slide(3)');
    const image = page.locator('img[alt="A diagram of the water cycle"]');
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
    expect(requests).toEqual([url]);
    expect(problems).toEqual([]);
    await browser.close();
  });
});
