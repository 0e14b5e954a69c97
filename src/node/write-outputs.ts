// The write stage: a lesson's files put in its output folder, and its printables that are no longer made removed.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { report } from '../lesson/problems.ts';
import { PRINTABLES } from '../shared/printables.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export type Outputs = Map<string, string | Uint8Array>;

/** Write each file (atomically) into `folder`; gives their paths relative to the output folder, `<slug>/<name>`. */
export async function writeOutputs(folder: string, slug: string, outputs: Outputs): Promise<string[]> {
  const written: string[] = [];
  for (const [name, data] of outputs) {
    await writeFileAtomic(path.join(folder, name), data);
    written.push(path.join(slug, name));
  }
  return written;
}

/** Lectern's own PDFs that are not in `keep` (their block was removed): never any other file in the folder. */
export async function removeStalePrintables(folder: string, keep: Set<string>, file: VFile): Promise<void> {
  const removed: string[] = [];
  for (const { file: name } of PRINTABLES) {
    if (keep.has(name)) continue;
    if (
      await rm(path.join(folder, name)).then(
        () => true,
        () => false,
      )
    )
      removed.push(name);
  }
  if (removed.length > 0)
    report(
      file,
      'note',
      `Removed ${removed.join(', ')} from the last build: the lesson no longer has what ${removed.length === 1 ? 'it needs' : 'they need'}.`,
      undefined,
      'printable-removed',
    );
}
