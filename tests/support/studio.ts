// Drive Lectern Studio in Chromium as a teacher would: lessons put in the browser's storage as the studio keeps them
// (IndexedDB), the page opened, its buttons pressed, its downloads read.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { ROOT } from './build-fixture.ts';
import { serveFolder, type StaticServer } from './static-server.ts';

export const STUDIO_FOLDER = path.join(ROOT, 'dist', 'studio');

export interface StudioLessonFiles {
  /** The lesson's file name in the studio, e.g. `rivers.md`. */
  name: string;
  text: string;
  images: Record<string, Uint8Array>;
}

/** A lesson file and every picture in its folder (and the folders below it), as a teacher would add them to the studio. */
export async function lessonFiles(file: string, name = path.basename(file)): Promise<StudioLessonFiles> {
  const folder = path.dirname(file);
  const images: Record<string, Uint8Array> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(png|jpe?g|gif|svg|webp)$/i.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    images[path.relative(folder, full).split(path.sep).join('/')] = new Uint8Array(await readFile(full));
  }
  return { name, text: await readFile(file, 'utf8'), images };
}

export interface OpenStudio {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, in the page and its workers. */
  problems: string[];
  /** Every address the page and its workers asked for. */
  requests: string[];
}

/** Open the studio at `url` with these lessons in its storage (the first opened, or `open`), once it is ready. */
export async function openStudio(browser: Browser, url: string, lessons: StudioLessonFiles[] = [], open?: string): Promise<OpenStudio> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  // A failed request is recorded with its address (below); the browser's own favicon request is not the studio's.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  context.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  context.on('weberror', (error) => problems.push(String(error.error())));
  if (lessons.length > 0) {
    // The page's own origin, before the studio starts: its storage is the studio's.
    await page.goto(new URL('icon.svg', url).href);
    await page.evaluate(
      async (seeded) => {
        const database = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('lectern-studio');
          request.onupgradeneeded = () => request.result.createObjectStore('lessons');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const transaction = database.transaction('lessons', 'readwrite');
        const store = transaction.objectStore('lessons');
        store.put(
          seeded.map((lesson) => lesson.name),
          'lessons',
        );
        for (const lesson of seeded) {
          store.put(lesson.text, `lesson:${lesson.name}`);
          store.put(new Map(Object.entries(lesson.images).map(([name, data]) => [name, new Uint8Array(data)])), `images:${lesson.name}`);
        }
        await new Promise((resolve) => (transaction.oncomplete = resolve));
        database.close();
      },
      lessons.map((lesson) => ({ ...lesson, images: Object.fromEntries(Object.entries(lesson.images).map(([name, data]) => [name, [...data]])) })),
    );
  }
  await page.goto(open ? `${url}?lesson=${encodeURIComponent(open)}` : url);
  await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
  return { context, page, problems, requests };
}

/** Press "Download all" and read the zip it gives: its files by path. */
export async function downloadAll(page: Page): Promise<Map<string, Uint8Array>> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Download all' }).click()]);
  const zip = await readFile((await download.path())!);
  return new Map(Object.entries(unzipSync(new Uint8Array(zip))));
}

/** Every file below a folder, by its path relative to it. */
export async function filesBelow(folder: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files.set(
        path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
        new Uint8Array(await readFile(path.join(entry.parentPath, entry.name))),
      );
  }
  return files;
}

/** For a test file: Chromium and the studio's site on a static web host, started before its tests and stopped after. */
export function studioOnStaticHost(): { browser: () => Browser; url: () => string } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveFolder(STUDIO_FOLDER)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { browser: () => browser!, url: () => server!.url };
}

/** Replace the editor's text, as pasting over a selection does. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Lesson Markdown' }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}
