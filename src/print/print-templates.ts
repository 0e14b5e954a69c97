// The print templates (templates/print/*.hbs) and the images beside them, from the templates' files.
import { templateNamesIn, templateText, type TemplateFiles } from '../shared/template-files.ts';
import { readLanguageFile, type LanguageFile } from '../labels/lesson-labels.ts';

export interface PrintTemplates {
  /** Template name (file name without .hbs) → its text. */
  sources: Record<string, string>;
  /** Images beside the templates (a school logo), by file name: a template shows one with `![alt](logo.png)`. */
  images: Record<string, Uint8Array>;
  /** Template name → how messages name it: a teacher's template by its path; Lectern's own are not in it. */
  shown: Record<string, string>;
  /** Languages a teacher added or changed: `labels/<tag>.yaml` in their templates folder, by language tag. */
  languages: Record<string, LanguageFile>;
}

const IMAGE = /\.(png|jpe?g)$/i;

export function printTemplates(templates: TemplateFiles): PrintTemplates {
  const print: PrintTemplates = { sources: {}, images: {}, shown: {}, languages: {} };
  for (const name of templateNamesIn(templates, 'print')) {
    const data = templates.files.get(`print/${name}`)!;
    const shown = templates.shown.get(`print/${name}`);
    if (name.endsWith('.hbs')) {
      const template = name.replace(/\.hbs$/, '');
      print.sources[template] = templateText(templates, `print/${name}`)!;
      if (shown) print.shown[template] = shown;
    } else if (IMAGE.test(name)) print.images[name] = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  }
  for (const name of templateNamesIn(templates, 'labels').filter((file) => /\.ya?ml$/.test(file))) {
    const text = templateText(templates, `labels/${name}`)!;
    print.languages[name.replace(/\.ya?ml$/, '')] = readLanguageFile(text, templates.shown.get(`labels/${name}`) ?? `labels/${name}`);
  }
  return print;
}
