// Load and compile the deck's Handlebars templates: a layout, the deck stylesheet and one partial per file in partials/.
// A teacher's templates folder overrides the bundled one file by file.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';

export interface DeckTemplates {
  layout: Handlebars.TemplateDelegate;
  /** The deck's own stylesheet, copied beside it. */
  styles: string;
  /** A hash of every template file read (a teacher's and Lectern's): a deck made with other templates is rebuilt. */
  fingerprint: string;
}

/** `roots` are templates folders, the teacher's first and the bundled one last; each holds a `deck/` folder. */
export async function loadDeckTemplates(roots: string[]): Promise<DeckTemplates> {
  const folders = roots.map((root) => path.join(root, 'deck'));
  const hash = createHash('sha256');
  const read = async (name: string) => {
    for (const folder of folders) {
      const text = await readFile(path.join(folder, name), 'utf8').catch(() => undefined);
      if (text !== undefined) {
        hash.update(`${name}\0${text}\0`);
        return text;
      }
    }
    throw new Error(`The deck template ${name} is missing from ${folders.join(' and ')}.`);
  };
  const handlebars = Handlebars.create();
  const partials = new Set<string>();
  for (const folder of folders) {
    const names = await readdir(path.join(folder, 'partials')).catch(() => [] as string[]);
    names.filter((name) => name.endsWith('.hbs')).forEach((name) => partials.add(name));
  }
  for (const name of [...partials].sort()) handlebars.registerPartial(name.replace(/\.hbs$/, ''), await read(path.join('partials', name)));
  const layout = handlebars.compile(await read('layout.hbs'));
  const styles = await read('lectern.css');
  return { layout, styles, fingerprint: hash.digest('hex') };
}
