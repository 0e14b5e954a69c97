// Before any test: bundle the command into dist/, so that the tests that run `lectern` run the code being tested, the
// way it is installed, and build the studio into dist/studio/.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function bundleForTests(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'inherit' });
  // The studio's static site, which the studio's tests serve as a web host would.
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'build-studio.ts')], { cwd: root, stdio: 'inherit' });
}
