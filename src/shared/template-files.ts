// The templates folders' files as data, the way every host hands them to the pipeline: a teacher's folder laid over
// Lectern's own, file by file. Names are paths in a templates folder: `deck/layout.hbs`, `deck/partials/terms.hbs`,
// `deck/lectern.css`, `print/handout.hbs`, `print/logo.png`, `lessons/basic.md`.

export interface TemplateFiles {
  /** Text for templates, styles and lesson templates; bytes for images. */
  files: Map<string, string | Uint8Array>;
  /** How messages name the files a teacher gave (their path, as the teacher sees it); Lectern's own are not in it. */
  shown: Map<string, string>;
}

export const templateText = (templates: TemplateFiles, name: string): string | undefined => {
  const data = templates.files.get(name);
  return data === undefined ? undefined : typeof data === 'string' ? data : new TextDecoder().decode(data);
};

/** The names in one folder of the templates (`print/`), without the folder, sorted. */
export const templateNamesIn = (templates: TemplateFiles, folder: string): string[] =>
  [...templates.files.keys()]
    .filter((name) => name.startsWith(`${folder}/`) && !name.slice(folder.length + 1).includes('/'))
    .map((name) => name.slice(folder.length + 1))
    .sort();
