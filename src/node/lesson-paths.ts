// How a lesson file is named: its slug (the name of its output folder) and its path as messages show it.
import path from 'node:path';

export function slugOf(source: string): string {
  return path.basename(source).replace(/\.md$/i, '');
}

export function shownPath(source: string, cwd: string): string {
  return path.relative(cwd, source) || source;
}
