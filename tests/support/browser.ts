// Launch Debian's Chromium through playwright-core; tests skip with a notice where it is missing, and fail under CI.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const mustHaveChromium = process.env.CI === 'true';

if (!hasChromium && !mustHaveChromium) {
  console.warn(`\n  NOTICE: browser tests skipped: no Chromium at ${CHROMIUM} (install Debian's "chromium" package).\n`);
}

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
