// Launch Debian's Chromium through playwright-core; tests skip with a notice where it is missing, and fail under CI.
import { chromium, type Browser } from 'playwright-core';
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
