// Lectern's own files (shared/lectern-files.ts) in Node: read from disk, `lectern/…` from Lectern's folder and the rest
// from the packages they belong to, found the way Node finds packages (in an installed Lectern they sit beside it).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { revealFiles } from '../deck/render-deck.ts';
import { THEMES } from '../lesson/model.ts';
import { COUNTRY_NAME_LANGUAGES, countryNamesFile } from '../lesson/geography/countries.ts';
import { SPEECH_LOCALES, speechMapFile } from '../math/tex-to-speech.ts';
import { RESVG_WASM } from '../pptx/svg-to-png.ts';
import { revealFileName } from '../pipeline/reveal-files.ts';
import { TYPEFACE_NAMES, fontFile, type FontId } from '../shared/fonts.ts';
import { useLecternFiles, type LecternFiles } from '../shared/lectern-files.ts';
import { PROJECT_ROOT } from './project-files.ts';

const require = createRequire(import.meta.url);
const folders = new Map<string, string>();

/** The folder of an installed package, also of one whose package.json is not exported (reveal.js). */
function packageFolder(name: string): string {
  let folder = folders.get(name);
  if (folder) return folder;
  try {
    folder = path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    folder = path.dirname(require.resolve(name));
    while (!existsSync(path.join(folder, 'package.json')) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  }
  folders.set(name, folder);
  return folder;
}

/** Where one of Lectern's files is on disk. */
export function lecternFilePath(name: string): string {
  const parts = name.split('/');
  const packageName = name.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const rest = parts.slice(packageName.split('/').length).join('/');
  if (rest === '' || parts.includes('..')) throw new Error(`"${name}" does not name one of Lectern's files.`);
  return path.join(packageName === 'lectern' ? PROJECT_ROOT : packageFolder(packageName), rest);
}

/** reveal.js's files are copied into every deck: read once. */
const kept = new Map<string, Uint8Array>();

export const nodeLecternFiles: LecternFiles = {
  read: (name) => {
    const known = kept.get(name);
    if (known) return known;
    const data = readFileSync(lecternFilePath(name));
    if (name.startsWith('reveal.js/')) kept.set(name, data);
    return data;
  },
};

/** Lectern in Node reads its files from disk: called once per thread, before the pipeline runs. */
export function useNodeLecternFiles(): void {
  useLecternFiles(nodeLecternFiles);
}

/** Every one of Lectern's files the pipeline may ask for: the fonts, the world's outlines, reveal.js in every theme, resvg. */
export function lecternFileNames(): string[] {
  const fonts = TYPEFACE_NAMES.flatMap((typeface) => (['regular', 'bold'] as const).map((weight) => fontFile(`${typeface}-${weight}` as FontId)));
  const reveal = [...new Set(THEMES.flatMap((theme) => revealFiles(theme)))].map(revealFileName);
  const speech = ['base', ...SPEECH_LOCALES].map(speechMapFile);
  const countryNames = COUNTRY_NAME_LANGUAGES.map(countryNamesFile);
  return [...fonts, 'world-atlas/countries-50m.json', 'world-atlas/countries-110m.json', ...countryNames, ...reveal, ...speech, RESVG_WASM];
}
