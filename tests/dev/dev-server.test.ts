import { readFileSync, readdirSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBuildOptions } from '../../src/config/resolve-build-options.ts';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { COMPLETE_FIXTURE, ROOT } from '../support/build-fixture.ts';
import { scratchFolder } from '../support/run-lectern.ts';

let folder: string;
let lessonFile: string;
let server: DevServer;
let original: string;
const logged: string[] = [];

/** Listen to the server's events the way the page script does, over real HTTP. */
async function listen() {
  const response = await fetch(new URL('/__lectern/events', server.url));
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(name: string, wanted: (data: Record<string, unknown>) => boolean = () => true, timeout = 20_000): Promise<Record<string, unknown>> {
      const deadline = Date.now() + timeout;
      for (;;) {
        const events = buffer.split('\n\n');
        buffer = events.pop()!;
        for (const [index, event] of events.entries()) {
          const type = /^event: (.*)$/m.exec(event)?.[1];
          const data = type === name ? (JSON.parse(/^data: (.*)$/m.exec(event)![1]) as Record<string, unknown>) : undefined;
          if (data && wanted(data)) {
            buffer = events.slice(index + 1).join('\n\n') + (events.length > index + 1 ? '\n\n' : '') + buffer;
            return data;
          }
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`No "${name}" event within ${timeout} ms`);
        let timer: NodeJS.Timeout | undefined;
        const timeoutRead = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`No "${name}" event within ${timeout} ms`)), left)));
        const { value, done } = await Promise.race([reader.read(), timeoutRead]).finally(() => clearTimeout(timer));
        if (done) throw new Error('The event stream closed');
        buffer += decoder.decode(value);
      }
    },
    close: () => reader.cancel(),
  };
}

beforeAll(async () => {
  folder = await scratchFolder();
  await mkdir(path.join(folder, 'lessons'));
  await cp(path.dirname(COMPLETE_FIXTURE), path.join(folder, 'lessons'), { recursive: true });
  lessonFile = path.join(folder, 'lessons', 'water.md');
  await cp(path.join(folder, 'lessons', 'input.md'), lessonFile);
  await writeFile(path.join(folder, 'lessons', 'input.md'), '---\ntitle: Second lesson\n---\n\n# Hello\n\nText.\n');
  original = readFileSync(lessonFile, 'utf8');
  server = await startDevServer({
    port: 0,
    configFiles: [path.join(folder, 'lectern.config.yaml')],
    loadBuildOptions: () => resolveBuildOptions(folder, []),
    log: (line) => logged.push(line),
  });
});
afterAll(async () => server?.close());

describe('lectern dev', () => {
  it('should serve an index of every lesson with links to every file in its folder, on 127.0.0.1', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    // A file the build did not make this time (a single-file deck of an earlier `build --single-file`) is linked too.
    await writeFile(path.join(folder, 'output', 'water', 'water.html'), '<!doctype html><title>Water</title>');
    const page = await (await fetch(server.url)).text();
    expect(page).toContain('<h2>The Water Cycle</h2>');
    const links = [...page.matchAll(/<a href="\/water\/([^"]*)">/g)].map((match) => match[1]);
    expect(links).toEqual([
      '',
      'debate-worksheet.pdf',
      'handout.pdf',
      'map-worksheet.pdf',
      'role-cards.pdf',
      'slides-handout.pdf',
      'teacher-edition.pdf',
      'timeline-worksheet.pdf',
      'vocabulary-quiz.pdf',
      'water.html',
      'water.pptx',
    ]);
    expect(page).toContain('<h2>Second lesson</h2>');
    // Its note (printables it has nothing for) is shown as a note, not in the red problems box.
    const second = page.slice(page.indexOf('<h2>Second lesson</h2>'));
    expect(second).toContain('<p class="note">Note: Not made, as the lesson has nothing for them:');
    expect(second.slice(0, second.indexOf('</li>'))).not.toContain('class="problems"');
    const pdf = await fetch(new URL('/water/handout.pdf', server.url));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('should serve decks with the live-reload script, redirect /slug to /slug/, and nothing outside the output folder', async () => {
    const deck = await (await fetch(new URL('/water/', server.url))).text();
    expect(deck).toContain('<script src="/__lectern/live.js"></script>\n</body>');
    const bare = await fetch(new URL('/water', server.url), { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/water/');
    expect((await fetch(new URL('/..%2F..%2Fetc%2Fpasswd', server.url))).status).toBe(404);
    expect((await fetch(new URL('/water/../../lessons/water.md', server.url))).status).toBe(404);
  });

  it('should rebuild a saved lesson, tell open pages to reload, show an error without losing the last good deck, and recover', async () => {
    const events = await listen();
    await writeFile(lessonFile, original.replace('# Water is always moving', '# Water never stops moving'));
    expect(await events.next('reload')).toEqual({ slug: 'water' });
    expect(await (await fetch(new URL('/water/', server.url))).text()).toContain('Water never stops moving');

    await writeFile(lessonFile, original.replace(':::terms', ':::termz'));
    const problems = await events.next('problems');
    expect(problems).toEqual({
      slug: 'water',
      messages: [
        'lessons/water.md:52:1: error: Unknown block ":::termz". Did you mean "terms"? Known blocks: :::terms, :::timeline, :::debate, :::roles, :::questions, :::activity, :::map, :::notes, :::incremental, ::::columns.',
      ],
    });
    expect(await (await fetch(new URL('/water/', server.url))).text()).toContain('Water never stops moving');
    expect(await (await fetch(server.url)).text()).toContain('Unknown block &#34;:::termz&#34;');

    await writeFile(lessonFile, original);
    expect(await events.next('reload')).toEqual({ slug: 'water' });
    expect(await (await fetch(new URL('/water/', server.url))).text()).toContain('Water is always moving');
    await events.close();
  });

  it('should survive every kind of lesson mistake and recover as soon as the lesson is fixed', async () => {
    const fixtures = path.join(ROOT, 'tests', 'fixtures', 'errors');
    for (const name of readdirSync(fixtures)) {
      const events = await listen();
      // The pictures a fixture's lesson uses are beside it: a missing one would be one more mistake.
      for (const file of readdirSync(path.join(fixtures, name)).filter((file) => !['input.md', 'expected.txt'].includes(file)))
        await writeFile(path.join(path.dirname(lessonFile), file), readFileSync(path.join(fixtures, name, file)));
      await writeFile(lessonFile, readFileSync(path.join(fixtures, name, 'input.md')));
      const expected = readFileSync(path.join(fixtures, name, 'expected.txt'), 'utf8')
        .trim()
        .split('\n');
      const problems = await events
        .next('problems', (data) => data.slug === 'water')
        .catch((error: Error) => {
          throw new Error(`${name}: ${error.message}; the server said: ${logged.slice(-3).join(' | ')}`);
        });
      expect(problems.messages, name).toEqual(
        expected.map((message) => message.replace(/^input\.md/, 'lessons/water.md').replace('copy the image to images/', 'copy the image to lessons/images/')),
      );
      expect(await (await fetch(new URL('/water/', server.url))).text(), name).toContain('Water is always moving');
      await writeFile(lessonFile, original);
      await events.next('reload', (data) => data.slug === 'water' && !data.printables);
      await events.close();
    }
  }, 120_000);

  it('should rebuild every lesson when the project config changes', { timeout: 120_000 }, async () => {
    const events = await listen();
    await writeFile(path.join(folder, 'lectern.config.yaml'), 'theme: black\n');
    await events.next('reload', (data) => data.slug === 'input' && !data.printables, 90_000);
    expect(await (await fetch(new URL('/input/', server.url))).text()).toContain('reveal/theme/black.css');
    await events.close();
  });

  it.runIf(hasChromium)('should show an edit in the open deck, and a build error over it, in a real browser', async () => {
    const browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(new URL('/water/#/2', server.url).href);
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
    await page.waitForFunction(() => (window as unknown as { __lecternEvents?: EventSource }).__lecternEvents?.readyState === 1);
    await writeFile(lessonFile, original.replace('# Water is always moving', '# Water keeps moving'));
    await page.waitForFunction(() => document.body.innerText.toUpperCase().includes('WATER KEEPS MOVING'), null, { timeout: 20_000 });
    await page.waitForFunction(() => (window as unknown as { __lecternEvents?: EventSource }).__lecternEvents?.readyState === 1);
    await writeFile(lessonFile, original.replace('title: The Water Cycle', 'title: [broken'));
    const overlay = page.locator('#lectern-problems');
    await overlay.waitFor({ timeout: 20_000 });
    expect(await overlay.innerText()).toMatch(/lessons\/water\.md:\d+:\d+: error: The front matter is not valid YAML/);
    expect(await page.locator('.reveal').innerText()).toContain('WATER KEEPS MOVING');
    // Reloaded (or opened) while the lesson is broken: the last good slides, and the problems over them.
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
    await overlay.waitFor({ timeout: 20_000 });
    expect(await overlay.innerText()).toMatch(/lessons\/water\.md:\d+:\d+: error: The front matter is not valid YAML/);
    expect(await page.locator('.reveal').innerText()).toContain('WATER KEEPS MOVING');
    await page.waitForFunction(() => (window as unknown as { __lecternEvents?: EventSource }).__lecternEvents?.readyState === 1);
    await writeFile(lessonFile, original);
    await page.waitForFunction(() => document.body.innerText.toUpperCase().includes('WATER IS ALWAYS MOVING'), null, { timeout: 20_000 });
    expect(await overlay.count()).toBe(0);
    await browser.close();
  });
});
