// Check that the files a lesson refers to exist inside its folder, and read them.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Asset } from '../lesson/model.ts';
import { report } from '../lesson/problems.ts';

/** Read every asset; a missing file or one that resolves outside the lesson's folder is reported at its place. */
export async function readLessonAssets(assets: Asset[], lessonDir: string, file: VFile, shownDir: string): Promise<Map<string, Buffer>> {
  const contents = new Map<string, Buffer>();
  const root = await realpath(lessonDir);
  for (const asset of assets) {
    if (contents.has(asset.path)) continue;
    const place = { line: asset.line, column: asset.column };
    const real = await realpath(path.join(lessonDir, asset.path)).catch(() => undefined);
    if (!real) {
      report(
        file,
        'error',
        `The image "${asset.path}" was not found next to the lesson. Check the spelling, or copy the image to ${path.join(shownDir, asset.path)}.`,
        place,
        'image-missing',
      );
    } else if (real !== root && !real.startsWith(root + path.sep)) {
      report(
        file,
        'error',
        `The image "${asset.path}" links to a file outside the lesson's folder; lessons may only use files inside it. Copy the image into the folder instead.`,
        place,
        'image-outside',
      );
    } else {
      contents.set(asset.path, await readFile(real));
    }
  }
  return contents;
}
