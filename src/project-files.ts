// Where Lectern's own files are. This module sits one folder below the project root, in src/ as in the bundle's
// dist/, so the same relative path works in both.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const PROJECT_ROOT = path.resolve(here, '..');
export const BUNDLED_TEMPLATES = path.join(PROJECT_ROOT, 'templates');
export const FONTS = path.join(PROJECT_ROOT, 'fonts');
/** Running from the bundle (dist/lectern.mjs) rather than from the TypeScript sources. */
export const RUNNING_BUNDLED = path.basename(here) === 'dist';
/** The script that starts a print worker thread. */
export const PRINT_WORKER_SCRIPT = RUNNING_BUNDLED ? path.join(here, 'print-worker.mjs') : path.join(PROJECT_ROOT, 'bin', 'print-worker.js');

/** Templates folders in the order they are searched: a teacher's own folder first, then Lectern's. */
export function templateRoots(teacherFolder?: string): string[] {
  return [...(teacherFolder ? [teacherFolder] : []), BUNDLED_TEMPLATES];
}
