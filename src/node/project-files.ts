// Where Lectern's own files are. This module is in src/ when run from the TypeScript sources, and somewhere under dist/
// when run from the bundle: the project root is the nearest folder above it with Lectern's package.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(folder, 'package.json')) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return folder;
}

export const PROJECT_ROOT = projectRoot();
export const BUNDLED_TEMPLATES = path.join(PROJECT_ROOT, 'templates');
export const FONTS = path.join(PROJECT_ROOT, 'fonts');
/** Running from the bundle (dist/) rather than from the TypeScript sources. */
export const RUNNING_BUNDLED = !import.meta.url.endsWith('.ts');
/** The script that starts a print worker thread. */
export const PRINT_WORKER_SCRIPT = path.join(PROJECT_ROOT, RUNNING_BUNDLED ? 'dist/print-worker.mjs' : 'bin/print-worker.js');

/** Lectern's version, from its package.json. */
export function lecternVersion(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Templates folders in the order they are searched: a teacher's own folder first, then Lectern's. */
export function templateRoots(teacherFolder?: string): string[] {
  return [...(teacherFolder ? [teacherFolder] : []), BUNDLED_TEMPLATES];
}
