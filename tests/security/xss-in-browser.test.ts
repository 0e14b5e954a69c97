import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLessons } from '../../src/node/build-lessons.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { ROOT } from '../support/build-fixture.ts';
import { scratchFolder } from '../support/run-lectern.ts';

const HOSTILE = path.join(ROOT, 'tests', 'fixtures', 'hostile');

/** Build a lesson (by default the one full of XSS vectors) and return the deck's URL. */
async function buildVectors(lesson = readFileSync(path.join(HOSTILE, 'xss.md'), 'utf8')): Promise<string> {
  const folder = await scratchFolder();
  writeFileSync(path.join(folder, 'xss.md'), lesson);
  copyFileSync(path.join(HOSTILE, 'x'), path.join(folder, 'x'));
  const [result] = await buildLessons({ inputs: ['xss.md'], outDir: path.join(folder, 'out'), cwd: folder });
  expect(result.file.messages.filter((message) => message.fatal).map(String)).toEqual([]);
  return pathToFileURL(path.join(folder, 'out', 'xss', 'index.html')).href;
}

interface Visit {
  hits: unknown;
  popupHits: unknown;
  remote: string[];
  dialogs: string[];
}

/** Open the deck, go through every slide poking every element (hover, focus, click), then the speaker view. */
async function visit(browser: Browser, url: string): Promise<Visit> {
  const context: BrowserContext = await browser.newContext();
  const remote: string[] = [];
  const dialogs: string[] = [];
  context.on('request', (request) => void (/^(file|data|about|blob):/.test(request.url()) || remote.push(request.url())));
  context.on('page', (page) => page.on('dialog', (dialog) => void (dialogs.push(dialog.message()), dialog.dismiss())));
  const page = await context.newPage();
  page.on('dialog', (dialog) => void (dialogs.push(dialog.message()), dialog.dismiss()));
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
  const total = (await page.evaluate('Reveal.getTotalSlides()')) as number;
  for (let index = 0; index < total; index++) {
    await page.evaluate(`Reveal.slide(${index})`);
    await page.evaluate(() => {
      for (const element of document.querySelectorAll<HTMLElement>('.reveal .slides section.present *')) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'toggle']) element.dispatchEvent(new Event(type, { bubbles: true }));
        if (element instanceof HTMLAnchorElement || element instanceof HTMLButtonElement) element.click();
      }
    });
    await page.waitForTimeout(50);
  }
  const popup = context.waitForEvent('page');
  await page.keyboard.press('s');
  const speakerView = await popup;
  await speakerView.waitForTimeout(1500);
  const result = {
    hits: await page.evaluate('window.__xss'),
    popupHits: await speakerView.evaluate('window.__xss'),
    remote,
    dialogs,
  };
  await context.close();
  return result;
}

describe.runIf(hasChromium)('a lesson full of XSS vectors, built into a deck and opened in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('should run none of them and load nothing from the network', async () => {
    const result = await visit(browser, await buildVectors());
    expect(result).toEqual({ hits: undefined, popupHits: undefined, remote: [], dialogs: [] });
  });

  it("should run a trusted lesson's own scripts when it opts in with allowHtml: true (so the check above can fail)", async () => {
    const hit = (n: number) => `(window.__xss=window.__xss||[]).push(${n})`;
    const lesson = `---\ntitle: Trusted\nallowHtml: true\n---\n\n# Mine\n\n<script>${hit(1)}</script>\n\n<div onclick="${hit(2)}">click</div>\n`;
    const result = await visit(browser, await buildVectors(lesson));
    expect(result.hits).toEqual([1, 2]);
  });
});
