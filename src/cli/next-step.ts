// The command a teacher types next, written the way it works where they are: `npm run build` in a copy of Lectern's
// own folder, `npx lectern build` where Lectern is installed in the folder, `lectern build` where it is installed for
// the whole computer.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type LecternCommand = 'build' | 'dev' | 'check' | 'templates';

function isLecternsOwnFolder(cwd: string): boolean {
  try {
    return (JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { name?: unknown }).name === 'lectern';
  } catch {
    return false;
  }
}

/** `script` is the path of the running command (process.argv[1]). */
export function nextStep(command: LecternCommand, cwd: string, script: string): string {
  if (isLecternsOwnFolder(cwd)) return command === 'build' ? 'npm run build' : `npm run lectern -- ${command}`;
  const inside = path.relative(path.join(cwd, 'node_modules'), script);
  const installedHere = !inside.startsWith('..') && !path.isAbsolute(inside);
  return `${installedHere ? 'npx ' : ''}lectern ${command}`;
}
