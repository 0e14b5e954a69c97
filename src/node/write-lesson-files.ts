// Write an imported lesson and copy its images beside it, never overwriting a file the teacher already has.
import { constants } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentError } from '../shared/environment-error.ts';
import type { ImageCopy } from '../import/deck-images.ts';

/** Write the lesson (refusing to overwrite), then copy its images; returns a line for each image left as it was. */
export async function writeLessonFiles(target: string, markdown: string, copies: ImageCopy[], deckFolder: string, cwd: string): Promise<string[]> {
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, markdown, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST')
      throw new EnvironmentError(`${path.relative(cwd, target)} already exists; Lectern will not overwrite it. Use --title to choose another name.`);
    throw error;
  });
  const notes: string[] = [];
  for (const copy of copies) {
    const from = path.resolve(deckFolder, copy.from);
    const to = path.resolve(path.dirname(target), copy.to);
    if (from === to) continue;
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(from, to, constants.COPYFILE_EXCL).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      const same = (await readFile(from)).equals(await readFile(to));
      if (!same)
        notes.push(
          `${path.relative(cwd, to)} already exists and is a different picture: it was left as it is; check the image on the slide of line ${copy.line}.`,
        );
    });
  }
  return notes;
}
