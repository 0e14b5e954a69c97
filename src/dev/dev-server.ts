// `lectern dev`: build, serve the output on 127.0.0.1, rebuild what changed and reload the open pages.
import { readFile, readdir, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { watch } from 'chokidar';
import { prepareBuild, type BuildContext, type BuildOptions, type LessonResult } from '../node/build-context.ts';
import { buildLesson } from '../node/build-lesson.ts';
import { findLessonFiles } from '../node/lesson-inputs.ts';
import { formatMessages, isNote, tallyMessages, tallyText } from '../shared/reporter.ts';
import { templateRoots } from '../node/project-files.ts';
import { MEDIA_TYPES, mediaTypeOf } from '../shared/media-types.ts';
import { defaultPoolSize, startPrintPool } from '../node/print-pool.ts';
import { renderIndexPage } from './index-page.ts';
import { EVENTS_PATH, LIVE_RELOAD_PATH, liveReloadScript } from './live-reload-client.ts';

export interface DevServerOptions {
  port: number;
  /** Files whose change means every lesson is rebuilt with freshly loaded settings (the project config). */
  configFiles: string[];
  /** Reads the build settings again (after the config changed). */
  loadBuildOptions: () => Promise<BuildOptions>;
  /** Told about each rebuild and its problems, for the terminal. */
  log: (line: string) => void;
}

export interface DevServer {
  url: string;
  close: () => Promise<void>;
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  // The port is taken first: when it is busy, the command stops at once, before building anything.
  let ready!: () => void;
  const built = new Promise<void>((resolve) => (ready = resolve));
  const server = createServer((request, response) => void built.then(() => handle(request, response)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });

  // After the first build, a preview rebuilds one lesson at a time.
  const printPool = startPrintPool(defaultPoolSize('preview'));
  const loadContext = async () => ({ ...(await prepareBuild(await options.loadBuildOptions())), printPool, deckFirst: true });
  let context: BuildContext = await loadContext();
  const results = new Map<string, LessonResult>();
  /** The lessons broken now, by slug, with their problems: told to a page as it connects. */
  const broken = new Map<string, string[]>();
  const clients = new Set<ServerResponse>();
  const broadcast = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const builtVersion = new Map<string, number>();
  const version = async (source: string) => (await stat(source).catch(() => undefined))?.mtimeMs ?? -1;
  const rebuild = async (source: string): Promise<void> => {
    const started = performance.now();
    builtVersion.set(source, await version(source));
    const result = await buildLesson(source, {
      ...context,
      options: {
        ...context.options,
        onProgress: (event) => {
          if (event.type !== 'deck-written') return;
          broken.delete(event.slug);
          broadcast('reload', { slug: event.slug });
        },
      },
    });
    results.set(source, result);
    formatMessages(result.file).forEach(options.log);
    const tally = tallyMessages([result.file]);
    if (tally.errors > 0) {
      broken.set(result.slug, formatMessages(result.file, { notes: false }));
      broadcast('problems', { slug: result.slug, messages: broken.get(result.slug) });
      options.log(`${result.source}: not built (the deck keeps its last good slides), ${tallyText(tally)}.`);
    } else {
      broken.delete(result.slug);
      broadcast('reload', { slug: result.slug, printables: true });
      options.log(`${result.source}: rebuilt in ${Math.round(performance.now() - started)} ms, ${tallyText(tally)}.`);
    }
    // The watcher merges changes that come within 50 ms of each other: look again once that window has passed.
    setTimeout(() => {
      void version(source).then((now) => {
        if (now !== -1 && now !== builtVersion.get(source)) void enqueue(() => rebuild(source));
      });
    }, 120).unref();
  };
  const rebuildAll = async () => {
    for (const source of await findLessonFiles(context.options.inputs, context.cwd)) await rebuild(source);
  };

  // One rebuild at a time, in the order the changes came.
  let queue = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue
      .then(work)
      .catch((error: unknown) => options.log(`lectern: the rebuild failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    return queue;
  };
  await enqueue(rebuildAll);

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname === EVENTS_PATH) {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        response.write(': connected\n\n');
        // A page opened or reloaded while its lesson is broken shows the problems too, over the last good version.
        for (const [slug, messages] of broken) response.write(`event: current-problems\ndata: ${JSON.stringify({ slug, messages })}\n\n`);
        clients.add(response);
        request.on('close', () => clients.delete(response));
        return;
      }
      if (url.pathname === LIVE_RELOAD_PATH) return send(response, 200, MEDIA_TYPES['.js'], liveReloadScript);
      if (url.pathname === '/') {
        const entries = await Promise.all(
          [...results.values()].map(async (result) => ({
            slug: result.slug,
            source: result.source,
            ...(result.title !== undefined ? { title: result.title } : {}),
            files: await lessonFiles(path.join(context.outDir, result.slug)),
            problems: formatMessages(result.file, { notes: false }),
            notes: result.file.messages.filter(isNote).map((message) => message.reason),
          })),
        );
        return send(response, 200, MEDIA_TYPES['.html'], withLiveReload(renderIndexPage(entries)));
      }
      const folder = /^\/[^/]+$/.test(url.pathname)
        ? await stat(path.join(context.outDir, decodeURIComponent(url.pathname))).catch(() => undefined)
        : undefined;
      if (folder?.isDirectory()) {
        response.writeHead(301, { location: `${url.pathname}/` });
        return response.end();
      }
      const file = await resolveOutputFile(context.outDir, decodeURIComponent(url.pathname));
      if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found. Go to / for the list of lessons.');
      const type = mediaTypeOf(file) ?? 'application/octet-stream';
      const body = await readFile(file);
      return send(response, 200, type, type.startsWith('text/html') ? withLiveReload(body.toString('utf8')) : body);
    })();
  };
  ready();

  const lessonFolders = context.options.inputs.map((input) => path.resolve(context.cwd, input));
  const templateFolders = templateRoots(context.options.templates);
  const watcher = watch([...lessonFolders, ...templateFolders, ...options.configFiles], {
    ignoreInitial: true,
    ignored: (file) => path.basename(file).startsWith('.') && file.endsWith('.tmp'),
  });
  const onChange = (file: string) => {
    const absolute = path.resolve(file);
    if (options.configFiles.includes(absolute) || templateFolders.some((folder) => absolute.startsWith(folder + path.sep))) {
      return enqueue(async () => {
        context = await loadContext();
        await rebuildAll();
      });
    }
    if (absolute.toLowerCase().endsWith('.md')) return enqueue(() => rebuild(absolute));
    // An image or other file next to the lessons: rebuild the lessons that use it.
    return enqueue(async () => {
      for (const [source, result] of results) {
        if (result.assets?.some((asset) => path.resolve(path.dirname(source), asset) === absolute)) await rebuild(source);
      }
    });
  };
  watcher
    .on('add', onChange)
    .on('change', onChange)
    .on('unlink', (file) => {
      results.delete(path.resolve(file));
      broadcast('reload', { slug: '' });
    });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await watcher.close();
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue;
      await printPool.close();
    },
  };
}

/**
 * Every file a lesson's folder holds, to link from the front page: the deck first, then the rest by name (the PDFs,
 * the single-file deck, any other output), leaving out the deck's own stylesheet and half-written files.
 */
async function lessonFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && entry.name !== 'lectern.css')
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, 'en'));
  return names.includes('index.html') ? ['index.html', ...names.filter((name) => name !== 'index.html')] : names;
}

function withLiveReload(html: string): string {
  const tag = `<script src="${LIVE_RELOAD_PATH}"></script>`;
  return html.includes('</body>') ? html.replace('</body>', `${tag}\n</body>`) : html + tag;
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/** A file inside the output folder for a URL path (`/slug/` means the deck), or undefined. */
async function resolveOutputFile(outDir: string, urlPath: string): Promise<string | undefined> {
  const root = path.resolve(outDir);
  let file = path.resolve(root, `.${urlPath}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = path.join(file, 'index.html');
    if (!(await stat(file).catch(() => undefined))?.isFile()) return undefined;
  } else if (!info?.isFile()) return undefined;
  return file;
}
