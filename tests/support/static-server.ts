// A plain static file server on 127.0.0.1, as any web host serves the studio's folder: files by path, nothing else.
// Every request is recorded, so a test can see what the page asked for.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { mediaTypeOf } from '../../src/shared/media-types.ts';

export interface StaticServer {
  url: string;
  requests: string[];
  close: () => Promise<void>;
}

const EXTRA_TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.ttf': 'font/ttf',
};

export async function serveFolder(folder: string, prefix = '/studio/'): Promise<StaticServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      requests.push(url.pathname);
      if (!url.pathname.startsWith(prefix)) return response.writeHead(404).end();
      let file = path.join(folder, decodeURIComponent(url.pathname.slice(prefix.length)));
      if (!file.startsWith(folder)) return response.writeHead(403).end();
      if ((await stat(file).catch(() => undefined))?.isDirectory()) file = path.join(file, 'index.html');
      const data = await readFile(file).catch(() => undefined);
      if (!data) return response.writeHead(404).end();
      const type = mediaTypeOf(file) ?? EXTRA_TYPES[path.extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, 'content-length': data.byteLength });
      response.end(data);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
