// Write files so that readers only ever see the old whole file or the new whole file, even if the build is killed.
import { open, readdir, mkdir, rename as renameFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EnvironmentError } from '../shared/environment-error.ts';

const TEMPORARY = /^\..+\.\d+\.tmp$/;

/** How to put the new file in place; tests pass a rename that fails like Windows does. */
export interface AtomicWriteOptions {
  rename?: (from: string, to: string) => Promise<void>;
  /** The waits before each new try when the file is in use. */
  retryDelaysMs?: number[];
}

/**
 * On Windows a file open in another program (a PDF in a viewer) cannot be replaced: renaming onto it fails with EPERM or
 * EBUSY. A viewer may be letting go of it, so the rename is tried again a few times before the teacher is asked to close it.
 */
async function renameWhenFree(from: string, to: string, rename: (from: string, to: string) => Promise<void>, delays: number[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'EBUSY') throw error;
      if (attempt >= delays.length)
        throw new EnvironmentError(
          `${to} is open in another program, so Lectern cannot replace it. Close it in your PDF viewer (or that program) and build again.`,
        );
      await sleep(delays[attempt]);
    }
  }
}

export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await renameWhenFree(temporary, target, options.rename ?? renameFile, options.retryDelaysMs ?? [100, 250, 500, 1000]);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Remove temporary files left in `folder` (and below) by a build that was killed half-way. */
export async function removeStrayTemporaryFiles(folder: string): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile() && TEMPORARY.test(entry.name)) await rm(path.join(entry.parentPath, entry.name), { force: true });
  }
}
