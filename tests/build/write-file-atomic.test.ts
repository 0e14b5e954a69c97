import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/node/write-file-atomic.ts';
import { scratchFolder } from '../support/run-lectern.ts';

/** A rename that fails the way Windows does while a viewer holds the file open, `times` times. */
function renameLockedFor(times: number, code = 'EPERM') {
  let failures = 0;
  const rename_ = async (from: string, to: string) => {
    if (failures < times) {
      failures++;
      throw Object.assign(new Error(`${code}: operation not permitted, rename '${from}' -> '${to}'`), { code });
    }
    await rename(from, to);
  };
  return { rename: rename_, tries: () => failures };
}

describe('writing an output file', () => {
  it('should try again while the old file is held open, and write it once it is let go', async () => {
    const target = path.join(await scratchFolder(), 'handout.pdf');
    const locked = renameLockedFor(2, 'EBUSY');
    await writeFileAtomic(target, 'new', { rename: locked.rename, retryDelaysMs: [1, 1, 1] });
    expect(locked.tries()).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('should name the file and ask to close it when it stays open, leaving no temporary file', async () => {
    const folder = await scratchFolder();
    const target = path.join(folder, 'handout.pdf');
    const locked = renameLockedFor(Infinity);
    await expect(writeFileAtomic(target, 'new', { rename: locked.rename, retryDelaysMs: [1, 1, 1] })).rejects.toThrow(
      `${target} is open in another program, so Lectern cannot replace it. Close it in your PDF viewer (or that program) and build again.`,
    );
    expect(locked.tries()).toBe(4);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('should not retry other failures', async () => {
    const target = path.join(await scratchFolder(), 'handout.pdf');
    const locked = renameLockedFor(Infinity, 'ENOSPC');
    await expect(writeFileAtomic(target, 'new', { rename: locked.rename, retryDelaysMs: [1, 1, 1] })).rejects.toThrow(/^ENOSPC/);
    expect(locked.tries()).toBe(1);
  });
});
