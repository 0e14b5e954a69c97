// What every lesson's outputs depend on besides the lesson itself: Lectern (its version, dependencies and code), the
// fonts and the print templates. A change in any of them makes the outputs that use it out of date.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TemplateFiles } from '../shared/template-files.ts';
import { FONTS, PROJECT_ROOT, RUNNING_BUNDLED } from './project-files.ts';

export const sha256 = (...parts: (string | Uint8Array)[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/** Every file below `folder` whose name ends in one of `endings`, sorted, relative to it. */
async function filesBelow(folder: string, endings: string[]): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && endings.some((ending) => entry.name.endsWith(ending)))
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Lectern itself: package.json (its version and the exact versions of its dependencies, reveal.js and PDFKit among
 * them) and the code that runs, the bundle or the sources, so a development build never keeps outputs of older code.
 */
async function lecternFingerprint(): Promise<string> {
  const hash = createHash('sha256').update(await readFile(path.join(PROJECT_ROOT, 'package.json')));
  const code = path.join(PROJECT_ROOT, RUNNING_BUNDLED ? 'dist' : 'src');
  // The bundle is dist/'s .mjs files; the studio's site beside them (dist/studio/) is not the command's code.
  const files = (await filesBelow(code, RUNNING_BUNDLED ? ['.mjs'] : ['.ts'])).filter((file) => !file.startsWith(`studio${path.sep}`));
  for (const file of files) hash.update(file).update(await readFile(path.join(code, file)));
  return hash.digest('hex');
}

/**
 * The fonts folder's files by name and size (reading them all would take longer than a build). The font packages are
 * in package.json with their exact versions, which `lecternFingerprint` covers.
 */
async function fontsFingerprint(): Promise<string> {
  const files = await filesBelow(FONTS, ['']);
  return sha256(...(await Promise.all(files.map(async (file) => `${file}:${(await stat(path.join(FONTS, file))).size}`))));
}

export interface Fingerprints {
  lectern: string;
  fonts: string;
  /** The images beside the print templates (a school logo), which every printable may show. */
  printImages: string;
  /** A print template's text by its name; undefined when there is no such template. */
  printTemplate: (name: string) => string | undefined;
  /** Every deck template (a teacher's and Lectern's): a deck made with other templates is made again. */
  deckTemplates: string;
  /** A teacher's language files (`labels/<tag>.yaml`), whose words every output may write. */
  labels: string;
}

let shared: Promise<{ lectern: string; fonts: string }> | undefined;

export async function fingerprints(templates: TemplateFiles): Promise<Fingerprints> {
  // Lectern and the fonts do not change while it runs (the dev server reloads templates, never itself).
  shared ??= Promise.all([lecternFingerprint(), fontsFingerprint()]).then(([lectern, fonts]) => ({ lectern, fonts }));
  const files = [...templates.files].sort(([a], [b]) => (a < b ? -1 : 1));
  const images = files.filter(([name]) => /^print\/[^/]+\.(png|jpe?g)$/i.test(name));
  const templateHashes = new Map(files.flatMap(([name, data]) => (/^print\/[^/]+\.hbs$/.test(name) ? [[name.slice(6, -4), sha256(data)]] : [])));
  const deck = files.filter(([name]) => name.startsWith('deck/'));
  return {
    ...(await shared),
    printImages: sha256(...images.flatMap(([name, data]) => [name.slice(6), data])),
    printTemplate: (name) => templateHashes.get(name),
    deckTemplates: sha256(...deck.flatMap(([name, data]) => [name, data])),
    labels: sha256(...files.filter(([name]) => name.startsWith('labels/')).flatMap(([name, data]) => [name, data])),
  };
}
