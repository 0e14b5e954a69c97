// Load and compile the deck's Handlebars templates: a layout and one partial per file in partials/.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';

export interface DeckTemplates {
  layout: Handlebars.TemplateDelegate;
  /** Extra files copied beside the deck (the deck's own stylesheet). */
  styles: string;
}

export async function loadDeckTemplates(folder: string): Promise<DeckTemplates> {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('inc', (value: number) => value + 1);
  const partialsFolder = path.join(folder, 'partials');
  for (const name of (await readdir(partialsFolder)).filter((entry) => entry.endsWith('.hbs')).sort()) {
    handlebars.registerPartial(name.replace(/\.hbs$/, ''), await readFile(path.join(partialsFolder, name), 'utf8'));
  }
  const layout = handlebars.compile(await readFile(path.join(folder, 'layout.hbs'), 'utf8'), { strict: false });
  return { layout, styles: await readFile(path.join(folder, 'lectern.css'), 'utf8') };
}
