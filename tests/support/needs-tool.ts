// Tests that need a program outside Node (poppler's PDF tools, qpdf, Chromium): where it is missing they are skipped
// with a notice, except under CI=true, where a missing program fails the run instead of letting its tests pass unseen.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const underCI = process.env.CI === 'true';

/** A program on the PATH, or a file given by its absolute path. */
function isInstalled(tool: string): boolean {
  if (path.isAbsolute(tool)) return existsSync(tool);
  return (spawnSync(tool, ['-v'], { stdio: 'ignore' }).error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT';
}

/**
 * Whether every one of these programs is installed. A missing one is a notice (and the caller skips its tests), or,
 * under CI=true, an error that fails the test file. `install` says how to get them.
 */
export function needsTools(tools: string[], install: string): boolean {
  const missing = tools.filter((tool) => !isInstalled(tool));
  if (missing.length === 0) return true;
  if (underCI) throw new Error(`${missing.join(', ')} missing, and CI=true needs every test to run: ${install}.`);
  console.warn(`\n  NOTICE: tests that need ${missing.join(', ')} are skipped: ${install}.\n`);
  return false;
}
