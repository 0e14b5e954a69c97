// Run the real `lectern` command in a folder, as a teacher would, and collect what it printed.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './build-fixture.ts';

export const LECTERN = path.join(ROOT, 'bin', 'lectern.js');

export async function lectern(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [LECTERN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

export function scratchFolder(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'lectern-'));
}
