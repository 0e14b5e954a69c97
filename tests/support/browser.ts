// Launch Debian's Chromium through playwright-core; tests skip with a notice where it is missing, and fail under CI.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { needsTools } from './needs-tool.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = needsTools([CHROMIUM], 'install Debian\'s "chromium" package, or set CHROMIUM_PATH');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface OpenDeck {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions. */
  problems: string[];
  /** Requests that left the machine (anything but file:, data:, about: and blob:). */
  remote: string[];
}

/** Open a built deck on a 1280×720 screen, once reveal.js is ready, with slide transitions off (slides are measured at rest). */
export async function openDeck(browser: Browser, url: string): Promise<OpenDeck> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const remote: string[] = [];
  context.on('request', (request) => {
    if (!/^(file|data|about|blob):/.test(request.url())) remote.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
  await page.evaluate("Reveal.configure({ transition: 'none', backgroundTransition: 'none' })");
  return { context, page, problems, remote };
}
