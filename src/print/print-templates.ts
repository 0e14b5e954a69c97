// Read the print templates (templates/print/*.hbs): a teacher's templates folder overrides the bundled one file by file.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Template name (file name without .hbs) → its text. */
export type PrintTemplates = Record<string, string>;

export async function loadPrintTemplates(roots: string[]): Promise<PrintTemplates> {
  const templates: PrintTemplates = {};
  for (const root of [...roots].reverse()) {
    const folder = path.join(root, 'print');
    for (const name of (await readdir(folder).catch(() => [] as string[])).filter((entry) => entry.endsWith('.hbs')).sort()) {
      templates[name.replace(/\.hbs$/, '')] = await readFile(path.join(folder, name), 'utf8');
    }
  }
  return templates;
}
