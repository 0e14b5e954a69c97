// The templates folders read from disk: a teacher's folder laid over Lectern's own, file by file, as the pipeline takes
// them (shared/template-files.ts).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { deckTemplates, type DeckTemplates } from '../deck/deck-templates.ts';
import { printTemplates, type PrintTemplates } from '../print/print-templates.ts';
import type { TemplateFiles } from '../shared/template-files.ts';
import { BUNDLED_TEMPLATES } from './project-files.ts';

/** The folders of a templates folder that the pipeline reads, and whether their files are text. */
const FOLDERS: [folder: string, text: (name: string) => boolean][] = [
  ['deck', (name) => /\.(hbs|css)$/.test(name)],
  ['deck/partials', (name) => name.endsWith('.hbs')],
  ['print', (name) => name.endsWith('.hbs')],
  ['lessons', (name) => name.endsWith('.md')],
  ['labels', (name) => /\.ya?ml$/.test(name)],
];

const IMAGE = /\.(png|jpe?g)$/i;

/** `roots` are templates folders, the teacher's first and Lectern's last; the first that has a file gives it. */
export async function readTemplateFiles(roots: string[]): Promise<TemplateFiles> {
  const templates: TemplateFiles = { files: new Map(), shown: new Map() };
  for (const root of [...roots].reverse()) {
    const own = path.resolve(root) === path.resolve(BUNDLED_TEMPLATES);
    for (const [folder, isText] of FOLDERS) {
      for (const entry of (await readdir(path.join(root, folder), { withFileTypes: true }).catch(() => [])).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (!entry.isFile() || !(isText(entry.name) || (folder === 'print' && IMAGE.test(entry.name)))) continue;
        const file = path.join(root, folder, entry.name);
        const name = `${folder}/${entry.name}`;
        templates.files.set(name, isText(entry.name) ? await readFile(file, 'utf8') : await readFile(file));
        if (own) templates.shown.delete(name);
        else templates.shown.set(name, path.relative(process.cwd(), file) || file);
      }
    }
  }
  return templates;
}

export async function loadDeckTemplates(roots: string[]): Promise<DeckTemplates> {
  return deckTemplates(await readTemplateFiles(roots));
}

export async function loadPrintTemplates(roots: string[]): Promise<PrintTemplates> {
  return printTemplates(await readTemplateFiles(roots));
}
