// Read the print templates (templates/print/*.hbs): a teacher's templates folder overrides the bundled one file by file.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface PrintTemplates {
  /** Template name (file name without .hbs) → its text. */
  sources: Record<string, string>;
  /** Images beside the templates (a school logo), by file name: a template shows one with `![alt](logo.png)`. */
  images: Record<string, Uint8Array>;
  /** Template name → its file, for messages. */
  paths: Record<string, string>;
}

const IMAGE = /\.(png|jpe?g)$/i;

export async function loadPrintTemplates(roots: string[]): Promise<PrintTemplates> {
  const templates: PrintTemplates = { sources: {}, images: {}, paths: {} };
  for (const root of [...roots].reverse()) {
    const folder = path.join(root, 'print');
    for (const name of (await readdir(folder).catch(() => [] as string[])).sort()) {
      if (name.endsWith('.hbs')) {
        templates.sources[name.replace(/\.hbs$/, '')] = await readFile(path.join(folder, name), 'utf8');
        templates.paths[name.replace(/\.hbs$/, '')] = path.join(folder, name);
      } else if (IMAGE.test(name)) templates.images[name] = await readFile(path.join(folder, name));
    }
  }
  return templates;
}
