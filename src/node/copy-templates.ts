// `lectern templates`: the deck, print and lesson templates a teacher can make their own, and copying them from
// Lectern's into the teacher's templates folder, never over a file already there.
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { closestName } from '../lesson/problems.ts';
import { labelsFile } from '../labels/labels-file.ts';
import { TRANSLATIONS } from '../labels/translations.ts';
import { EnvironmentError } from '../shared/environment-error.ts';
import { BUNDLED_TEMPLATES } from './project-files.ts';

/** The groups of templates, as a teacher names them (`print/handout`): the folder and what its files are. */
const GROUPS: { folder: string; extension: string; what: string }[] = [
  { folder: 'deck', extension: '', what: 'the deck: its page around the slides and its styles' },
  { folder: 'deck/partials', extension: '.hbs', what: 'the deck: one partial per kind of slide part' },
  { folder: 'print', extension: '.hbs', what: 'the printables: one template per PDF' },
  { folder: 'lessons', extension: '.md', what: 'templates of new lessons, for `lectern new --from NAME`' },
];

/** Every bundled template by the name a teacher gives it (`print/handout`), with its file (`print/handout.hbs`). */
export async function bundledTemplates(): Promise<{ name: string; file: string; group: string }[]> {
  const found: { name: string; file: string; group: string }[] = [];
  for (const group of GROUPS) {
    const entries = await readdir(path.join(BUNDLED_TEMPLATES, group.folder), { withFileTypes: true });
    for (const entry of entries.filter((candidate) => candidate.isFile()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = `${group.folder}/${entry.name}`;
      const name = group.extension && entry.name.endsWith(group.extension) ? file.slice(0, -group.extension.length) : file;
      found.push({ name, file, group: group.folder });
    }
  }
  return found;
}

/** What `lectern templates` prints: each group and its templates, and the languages of `labels/<tag>`. */
export async function templateList(): Promise<string[]> {
  const templates = await bundledTemplates();
  const lines: string[] = [];
  for (const group of GROUPS) {
    lines.push(`${group.folder}/ (${group.what}):`);
    lines.push(
      `  ${templates
        .filter((template) => template.group === group.folder)
        .map((template) => template.name)
        .join(', ')}`,
    );
  }
  lines.push(
    `labels/ (Lectern's own words in a language, e.g. labels/fr):`,
    `  ${Object.keys(TRANSLATIONS)
      .map((tag) => `labels/${tag}`)
      .join(', ')}`,
  );
  return lines;
}

/** The result of copying: the files written, and those left alone because the teacher already has them. */
export interface CopiedTemplates {
  written: string[];
  kept: string[];
}

/** Copy templates by name (`print/handout`, `deck/partials/terms`, `labels/fr`, or `all`) into `folder`. */
export async function copyTemplates(names: string[], folder: string): Promise<CopiedTemplates> {
  const templates = await bundledTemplates();
  const known = templates.map((template) => template.name);
  const wanted: ({ file: string; from: string } | { file: string; text: string })[] = [];
  for (const name of names.map((given) =>
    given
      .replace(/\\/g, '/')
      .replace(/^templates\//, '')
      .replace(/\/$/, ''),
  )) {
    const labels = /^labels\/([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(?:\.ya?ml)?$/.exec(name);
    if (labels) {
      wanted.push({ file: `labels/${labels[1]}.yaml`, text: labelsFile(labels[1]) });
      continue;
    }
    const matching =
      name === 'all'
        ? templates
        : templates.filter((template) => template.name === name || template.file === name || template.group === name || template.name === `print/${name}`);
    if (matching.length === 0) {
      const suggestion = closestName(name, [...known, ...GROUPS.map((group) => group.folder)]);
      throw new EnvironmentError(
        `There is no template "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Run \`lectern templates\` to see them all, or copy them all with \`lectern templates copy all\`.`,
      );
    }
    for (const template of matching) wanted.push({ file: template.file, from: path.join(BUNDLED_TEMPLATES, template.file) });
  }
  const copied: CopiedTemplates = { written: [], kept: [] };
  for (const item of wanted) {
    const target = path.join(folder, item.file);
    if (copied.written.includes(item.file) || copied.kept.includes(item.file)) continue;
    if (existsSync(target)) {
      copied.kept.push(item.file);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    if ('from' in item) await copyFile(item.from, target);
    else await writeFile(target, item.text);
    copied.written.push(item.file);
  }
  return copied;
}
