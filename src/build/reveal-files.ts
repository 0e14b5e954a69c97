// reveal.js's own files, read once per process: every deck gets a copy, so that each lesson's folder works alone.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { revealFiles } from '../deck/render-deck.ts';

const REVEAL_DIST = path.dirname(fileURLToPath(import.meta.resolve('reveal.js')));
const cache = new Map<string, Promise<Buffer>>();

function revealFile(name: string): Promise<Buffer> {
  let file = cache.get(name);
  if (!file) cache.set(name, (file = readFile(path.join(REVEAL_DIST, name))));
  return file;
}

/** The reveal.js files a deck in this theme loads, by their path in reveal.js's dist/ folder. */
export async function readRevealFiles(theme: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of revealFiles(theme)) files.set(name, await revealFile(name));
  return files;
}
