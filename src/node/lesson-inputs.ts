// Turn the files and folders given on the command line into the list of lesson files to build.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentError } from '../shared/environment-error.ts';

/** Absolute paths of the lessons named by `inputs` (files or folders, relative to `cwd`). */
export async function findLessonFiles(inputs: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(path.resolve(cwd, input)).catch(() => undefined);
    if (!info) throw new EnvironmentError(`Cannot find "${input}". Give a lesson file (.md) or a folder of lessons.`);
    if (info.isDirectory()) {
      const entries = (await readdir(path.resolve(cwd, input))).filter((name) => name.toLowerCase().endsWith('.md')).sort();
      if (entries.length === 0) throw new EnvironmentError(`The folder "${input}" has no lesson files (.md) in it.`);
      files.push(...entries.map((name) => path.join(input, name)));
    } else if (input.toLowerCase().endsWith('.md')) {
      files.push(input);
    } else {
      throw new EnvironmentError(`"${input}" is not a Markdown lesson file: lesson files end in .md.`);
    }
  }
  return [...new Set(files.map((file) => path.resolve(cwd, file)))];
}
