// Read the files a lesson refers to, from inside its folder only. Reading reports nothing itself: it says which files
// it could not use, and the check stage (check-lesson.ts) turns that into messages at their places.
import { readFile, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Asset } from '../lesson/model.ts';

export interface LessonAssets {
  /** The files read, by their path relative to the lesson. */
  contents: Map<string, Buffer>;
  /** The files that were not read: missing, or resolving outside the lesson's folder. */
  unread: { asset: Asset; why: 'missing' | 'outside'; nearby?: string[] }[];
}

export async function readLessonAssets(assets: Asset[], lessonDir: string): Promise<LessonAssets> {
  const contents = new Map<string, Buffer>();
  const unread: LessonAssets['unread'] = [];
  const root = await realpath(lessonDir);
  const seen = new Set<string>();
  for (const asset of assets) {
    if (seen.has(asset.path)) continue;
    seen.add(asset.path);
    const real = await realpath(path.join(lessonDir, asset.path)).catch(() => undefined);
    if (!real) {
      // The files in the folder it names, to suggest the one meant (`vt_graph.png` for `vt-graph.png`).
      const folder = path.dirname(asset.path);
      const names = await readdir(path.join(lessonDir, folder)).catch(() => [] as string[]);
      unread.push({ asset, why: 'missing', nearby: names.map((name) => (folder === '.' ? name : `${folder}/${name}`)) });
    } else if (real !== root && !real.startsWith(root + path.sep)) unread.push({ asset, why: 'outside' });
    else contents.set(asset.path, await readFile(real));
  }
  return { contents, unread };
}
