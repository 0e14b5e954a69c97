// Run the real `lectern` command in a folder, as a teacher would, and collect what it printed.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './build-fixture.ts';

export const LECTERN = path.join(ROOT, 'bin', 'lectern.js');

export function lectern(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return lecternWithEnvironment({}, cwd, ...args);
}

/** Run `lectern` with these environment variables added to the test's own. */
export async function lecternWithEnvironment(
  environment: Record<string, string>,
  cwd: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [LECTERN, ...args], { cwd, env: { ...process.env, ...environment } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

export function scratchFolder(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'lectern-'));
}
