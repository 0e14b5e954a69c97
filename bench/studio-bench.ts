// `npm run bench:studio`: measure Lectern Studio in this machine's Chromium against its targets, beside the CLI where
// it applies, print a table and write bench/studio-results.json. The studio is served as a static web host serves it,
// compressed with gzip as GitHub Pages does.
import { spawn } from 'node:child_process';
import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const SITE = path.join(ROOT, 'dist', 'studio');
const LESSON = path.join(ROOT, 'lessons', 'why-putin-visited-north-korea.md');
const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
};

/** The site, gzipped as a web host sends it; counts the bytes sent per path. */
async function serve(): Promise<{ url: string; sent: Map<string, number>; close: () => void }> {
  const sent = new Map<string, number>();
  const cache = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    void (async () => {
      const route = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const file = path.join(SITE, route.endsWith('/') ? `${route}index.html` : route);
      const data = await readFile(file).catch(() => undefined);
      if (!data) return response.writeHead(404).end();
      let body = cache.get(file);
      if (!body) cache.set(file, (body = gzipSync(data, { level: 6 })));
      sent.set(route, (sent.get(route) ?? 0) + body.byteLength);
      // Cached for ten minutes, as GitHub Pages sends its files.
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-encoding': 'gzip',
        'content-length': body.byteLength,
        'cache-control': 'max-age=600',
      });
      response.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, sent, close: () => server.close() };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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

async function open(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  // tsx names the functions it compiles with a helper the page does not have.
  await context.addInitScript('globalThis.__name = (target) => target;');
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout: 120_000 });
  return page;
}

async function paste(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Lesson Markdown' }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

const lesson = await readFile(LESSON, 'utf8');
const site = await serve();
const firstVisit: number[] = [];
const typing: number[] = [];
const longTasks: number[] = [];
const printables: number[] = [];
const downloadAll: number[] = [];
const cli: number[] = [];

for (let run = 0; run < runs; run++) {
  // First visit: everything sent until the studio shows a Latin lesson's slides and printables.
  site.sent.clear();
  const page = await open(site.url);
  await page.waitForFunction(() => /Printables up to date/.test(document.getElementById('status')?.textContent ?? ''), undefined, { timeout: 120_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => new Promise((resolve) => setTimeout(resolve, 1000))));
  const notLatin = [...site.sent.keys()].filter((route) => /\.ttf$/.test(route) && !/Pretendard/.test(route));
  firstVisit.push([...site.sent.values()].reduce((sum, bytes) => sum + bytes, 0));
  if (notLatin.length > 0) console.warn(`The first visit fetched fonts beyond the Latin one: ${notLatin.join(', ')}`);
  if (run === 0)
    console.log(
      [...site.sent]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([route, bytes]) => `  ${(bytes / 1024).toFixed(0).padStart(6)} KB  ${route}`)
        .join('\n'),
    );

  // Typing: a word typed into a slide's paragraph, until the preview's slide shows it; long tasks on the main thread.
  await paste(page, lesson);
  await page.waitForFunction(() => (document.querySelector('iframe')?.contentDocument?.querySelectorAll('.reveal .slides > section').length ?? 0) > 10);
  await page.getByRole('textbox', { name: 'Lesson Markdown' }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n\n---\n\n## Typed now\n\nWord');
  await page.waitForTimeout(2500);
  const times = await page.evaluate(async () => {
    const tasks: number[] = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask' });
    const frame = document.querySelector('iframe') as HTMLIFrameElement;
    const shows = (text: string) => frame.contentDocument?.body.textContent?.includes(text) === true;
    const latencies: number[] = [];
    for (let count = 0; count < 20; count++) {
      const marker = ` w${count}x`;
      const started = performance.now();
      document.execCommand('insertText', false, marker);
      await new Promise<void>((resolve) => {
        const check = () => (shows(marker.trim()) ? resolve() : requestAnimationFrame(check));
        check();
      });
      latencies.push(performance.now() - started);
      // About the pace of a fast typist.
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    return { latencies, tasks };
  });
  typing.push(median(times.latencies));
  longTasks.push(Math.max(0, ...times.tasks));

  // Printables: from the last keystroke until they are made again and shown.
  const stopped = await page.evaluate(() => {
    document.execCommand('insertText', false, ' end.');
    return performance.now();
  });
  const shown = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const status = document.getElementById('status')!;
        const seen = () => /Printables up to date/.test(status.textContent ?? '') && document.querySelectorAll('#printable-pages canvas').length > 0;
        const watch = new MutationObserver(() => {
          if (seen()) {
            watch.disconnect();
            resolve(performance.now());
          }
        });
        watch.observe(status, { childList: true, characterData: true, subtree: true });
      }),
  );
  printables.push(shown - stopped);

  // Download all (a fresh page: nothing made yet), beside the CLI's cold build of the same lesson.
  const fresh = await open(site.url);
  await paste(fresh, lesson);
  await fresh.waitForTimeout(3000);
  const started = performance.now();
  await Promise.all([fresh.waitForEvent('download', { timeout: 120_000 }), fresh.getByRole('button', { name: 'Download all' }).click()]);
  downloadAll.push(performance.now() - started);
  await fresh.context().close();
  await page.context().close();

  const out = await mkdtemp(path.join(os.tmpdir(), 'lectern-bench-'));
  const cliStarted = performance.now();
  await new Promise<void>((resolve, reject) =>
    spawn(process.execPath, [path.join(ROOT, 'bin', 'lectern.js'), 'build', LESSON, '--out', out, '--quiet'], { stdio: 'ignore' }).on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`lectern build exited ${code}`)),
    ),
  );
  cli.push(performance.now() - cliStarted);
}
site.close();
await browser.close();

const results = {
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Chromium ${browser.version()}`,
  runs,
  firstVisitMB: Math.round(median(firstVisit) / 1024 / 102.4) / 10,
  typingToPreviewMs: Math.round(median(typing)),
  longestTaskWhileTypingMs: Math.round(Math.max(...longTasks)),
  printablesAfterTypingStopsMs: Math.round(median(printables)),
  downloadAllMs: Math.round(median(downloadAll)),
  cliColdBuildMs: Math.round(median(cli)),
};
await writeFile(path.join(ROOT, 'bench', 'studio-results.json'), `${JSON.stringify(results, null, 2)}\n`);
const rows: [string, string, string][] = [
  ['first visit, gzipped (Latin lesson, printables shown)', `${results.firstVisitMB} MB`, '≤ 3 MB'],
  ['typing → slide preview shows it (median)', `${results.typingToPreviewMs} ms`, '≤ 150 ms'],
  ['longest main-thread task while typing', `${results.longestTaskWhileTypingMs} ms`, '≤ 50 ms'],
  ['typing stops → printables shown again', `${results.printablesAfterTypingStopsMs} ms`, '≤ 2000 ms'],
  ['Download all (bundled lesson)', `${results.downloadAllMs} ms`, `≤ 1.5 × CLI = ${Math.round(results.cliColdBuildMs * 1.5)} ms`],
  ['CLI: lectern build of it, cold', `${results.cliColdBuildMs} ms`, ''],
];
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`\nLectern Studio, ${runs} runs, medians (${results.machine})\n`);
for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(9)}  ${target}`);
