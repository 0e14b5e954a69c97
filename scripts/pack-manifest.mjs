// The package.json that goes into the package `npm pack` makes: without the `prepare` script, which builds dist/ in a
// clone of the repository but is nothing to run where the package is installed (it ships its built code), and which
// npm would otherwise show the teacher as an install script to approve. `strip` (prepack) keeps the original beside it;
// `restore` (postpack) puts it back.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const MANIFEST = 'package.json';
const KEPT = 'package.json.before-pack';

if (process.argv[2] === 'strip') {
  const text = readFileSync(MANIFEST, 'utf8');
  if (!existsSync(KEPT)) writeFileSync(KEPT, text);
  const manifest = JSON.parse(text);
  delete manifest.scripts.prepare;
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
} else if (process.argv[2] === 'restore') {
  if (existsSync(KEPT)) renameSync(KEPT, MANIFEST);
} else {
  process.stderr.write('Usage: node scripts/pack-manifest.mjs strip|restore\n');
  process.exitCode = 1;
}
