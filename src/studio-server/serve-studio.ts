// `lectern studio`: the studio's page on 127.0.0.1, for the lessons of a folder on this computer. The page is the
// static studio (dist/studio/); this server adds a small API so the page reads and saves the folder's lesson files (each
// save written atomically, as a build writes), its images and the teacher's templates, and builds to the output folder.
import { countOf } from '../shared/count-of.ts';
import { existsSync } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BuildOptions } from '../node/build-context.ts';
import { buildLessons } from '../node/build-lessons.ts';
import { lecternFileNames, lecternFilePath } from '../node/node-lectern-files.ts';
import { PROJECT_ROOT } from '../node/project-files.ts';
import { writeFileAtomic } from '../node/write-file-atomic.ts';
import { formatMessages, tallyMessages, tallyText } from '../shared/reporter.ts';
import { EnvironmentError } from '../shared/environment-error.ts';
import { MEDIA_TYPES, mediaTypeOf } from '../shared/media-types.ts';

export const STUDIO_SITE = path.join(PROJECT_ROOT, 'dist', 'studio');

export interface StudioServerOptions {
  port: number;
  /** The folder of lessons (absolute). */
  folder: string;
  /** How messages and the page name the folder. */
  shownFolder: string;
  /** The project's build settings (output folder, templates folder, config). */
  buildOptions: BuildOptions;
  /** The templates folder to save a teacher's templates in, when the project names none. */
  defaultTemplates: string;
  log: (line: string) => void;
}

export interface StudioServer {
  url: string;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  ...MEDIA_TYPES,
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.ttf': 'font/ttf',
  '.md': 'text/markdown; charset=utf-8',
};
const typeOf = (file: string) => TYPES[path.extname(file).toLowerCase()] ?? mediaTypeOf(file) ?? 'application/octet-stream';

const LESSON_NAME = /^[^/\\]+\.md$/i;
const IMAGE = /\.(png|jpe?g|gif|svg|webp|avif)$/i;
const TEMPLATE = /^(deck\/(partials\/)?[\w.-]+\.(hbs|css)|print\/[\w.-]+\.(hbs|png|jpe?g)|lessons\/[\w.-]+\.md)$/;
/** A lesson file or an image the page may write: larger ones are refused. */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

class RequestProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startStudioServer(options: StudioServerOptions): Promise<StudioServer> {
  if (!existsSync(path.join(STUDIO_SITE, 'index.html')))
    throw new EnvironmentError(`The studio is not built in ${STUDIO_SITE}. Run "npm run build:studio" in ${PROJECT_ROOT}.`);
  const info = await stat(options.folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new EnvironmentError(`There is no folder "${options.shownFolder}". Give the folder that holds your lessons (.md files).`);
  const folder = await realpath(options.folder);
  const templatesFolder = options.buildOptions.templates ?? options.defaultTemplates;
  const knownFiles = new Set(lecternFileNames());

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      const problem = error instanceof RequestProblem ? error : undefined;
      if (!problem) options.log(`lectern studio: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!response.headersSent) response.writeHead(problem?.status ?? 500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(problem?.message ?? 'Lectern could not answer: see the terminal.');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  /** A path inside the lessons folder, refused when it leads outside it (also through a link). */
  const inFolder = async (relative: string, mustExist: boolean): Promise<string> => {
    const target = path.resolve(folder, relative);
    const check = mustExist
      ? await realpath(target).catch(() => undefined)
      : path.join(await realpath(path.dirname(target)).catch(() => folder), path.basename(target));
    if (!check) throw new RequestProblem(404, `There is no file ${relative} in ${options.shownFolder}.`);
    if (!check.startsWith(folder + path.sep))
      throw new RequestProblem(403, `${relative} is outside ${options.shownFolder}: the studio reads and writes only inside it.`);
    return check;
  };
  const body = async (request: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > MAX_UPLOAD_BYTES) throw new RequestProblem(413, `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  };
  const send = (response: ServerResponse, status: number, type: string, data: string | Uint8Array) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    response.end(data);
  };
  const json = (response: ServerResponse, data: unknown) => send(response, 200, 'application/json', JSON.stringify(data));

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    // Only this computer's browser, on this address: another site's page may not use the folder through it.
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) throw new RequestProblem(403, 'Open the studio at the address the terminal shows.');
    const fromElsewhere = request.headers.origin !== undefined && request.headers.origin !== origin && request.headers.origin !== `http://localhost:${port}`;
    if (request.method !== 'GET' && (fromElsewhere || request.headers['sec-fetch-site'] === 'cross-site'))
      throw new RequestProblem(403, 'Only the studio itself may change the folder.');
    const url = new URL(request.url ?? '/', origin);
    const route = decodeURIComponent(url.pathname);
    if (route.startsWith('/api/')) return api(request, response, route.slice(5), url);
    return site(response, route);
  };

  const api = async (request: IncomingMessage, response: ServerResponse, route: string, url: URL) => {
    const method = request.method ?? 'GET';
    if (route === 'workspace') return json(response, { folder: options.shownFolder });
    if (route === 'lessons' && method === 'GET') {
      const names = (await readdir(folder, { withFileTypes: true }))
        .filter((entry) => entry.isFile() && LESSON_NAME.test(entry.name))
        .map((entry) => entry.name);
      return json(response, names.sort());
    }
    const lesson = /^lessons\/(.+)$/.exec(route)?.[1];
    if (lesson !== undefined) {
      if (!LESSON_NAME.test(lesson)) throw new RequestProblem(400, `"${lesson}" is not a lesson file name (it ends in .md).`);
      const file = path.join(folder, lesson);
      if (method === 'GET') return send(response, 200, TYPES['.md'], await readFile(await inFolder(lesson, true)));
      if (method === 'PUT') {
        if (url.searchParams.has('new') && existsSync(file)) throw new RequestProblem(409, `${lesson} already exists in ${options.shownFolder}.`);
        await writeFileAtomic(await inFolder(lesson, false), await body(request));
        options.log(`Saved ${path.join(options.shownFolder, lesson)}`);
        return send(response, 204, 'text/plain', '');
      }
    }
    const image = /^files\/(.+)$/.exec(route)?.[1];
    if (image !== undefined) {
      if (!IMAGE.test(image)) throw new RequestProblem(400, `The studio reads and writes only pictures in the folder, not ${image}.`);
      if (method === 'GET') return send(response, 200, typeOf(image), await readFile(await inFolder(image, true)));
      if (method === 'PUT') {
        const target = await inFolder(image, false);
        await writeFileAtomic(target, await body(request));
        return send(response, 204, 'text/plain', '');
      }
    }
    if (route === 'templates' && method === 'GET') {
      const found: Record<string, string> = {};
      for (const entry of await readdir(templatesFolder, { recursive: true, withFileTypes: true }).catch(() => [])) {
        const name = path.relative(templatesFolder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
        if (entry.isFile() && TEMPLATE.test(name) && !IMAGE.test(name)) found[name] = await readFile(path.join(templatesFolder, name), 'utf8');
      }
      return json(response, found);
    }
    const template = /^templates\/(.+)$/.exec(route)?.[1];
    if (template !== undefined && method === 'PUT') {
      if (!TEMPLATE.test(template) || IMAGE.test(template)) throw new RequestProblem(400, `"${template}" is not a template the studio edits.`);
      await writeFileAtomic(path.join(templatesFolder, template), await body(request));
      options.log(`Saved your template ${path.relative(process.cwd(), path.join(templatesFolder, template))}`);
      return send(response, 204, 'text/plain', '');
    }
    const built = /^build\/(.+)$/.exec(route)?.[1];
    if (built !== undefined && method === 'POST') {
      if (!LESSON_NAME.test(built)) throw new RequestProblem(400, `"${built}" is not a lesson file name.`);
      const [result] = await buildLessons({
        ...options.buildOptions,
        templates: existsSync(templatesFolder) ? templatesFolder : undefined,
        inputs: [await inFolder(built, true)],
      });
      const lines = formatMessages(result.file, { notes: false });
      const where = path.relative(process.cwd(), path.join(options.buildOptions.outDir, result.slug)) || '.';
      const tally = tallyMessages([result.file]);
      lines.push(
        tally.errors > 0
          ? `${result.source}: not built, ${tallyText(tally)}.`
          : `${result.source}: built → ${where}/ (${countOf(result.written.length, 'file')}), ${tallyText(tally)}.`,
      );
      lines.forEach(options.log);
      return json(response, lines);
    }
    throw new RequestProblem(404, `The studio has no ${method} ${route}.`);
  };

  const site = async (response: ServerResponse, route: string) => {
    // Lectern's own files come from where they are installed when the studio was built without them.
    const lecternFile = /^\/files\/(.+)$/.exec(route)?.[1];
    const inSite = path.resolve(STUDIO_SITE, `.${route.endsWith('/') ? `${route}index.html` : route}`);
    if (!inSite.startsWith(STUDIO_SITE + path.sep)) throw new RequestProblem(403, 'Not part of the studio.');
    let data = await readFile(inSite).catch(() => undefined);
    if (!data && lecternFile && knownFiles.has(lecternFile)) data = await readFile(lecternFilePath(lecternFile)).catch(() => undefined);
    if (!data) throw new RequestProblem(404, `The studio has no file ${route}.`);
    if (inSite.endsWith('index.html'))
      data = Buffer.from(
        data.toString('utf8').replace('<head>', `<head>\n  <meta name="lectern-folder" content="${options.shownFolder.replace(/[&"<>]/g, '')}">`),
      );
    send(response, 200, typeOf(inSite), data);
  };

  return {
    url: `${origin}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
