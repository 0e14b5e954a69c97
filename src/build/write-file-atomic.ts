// Write files so that readers only ever see the old whole file or the new whole file, even if the build is killed.
import { open, readdir, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const TEMPORARY = /^\..+\.\d+\.tmp$/;

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
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
    await rename(temporary, target);
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
