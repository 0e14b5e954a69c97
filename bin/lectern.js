#!/usr/bin/env node
// Start the `lectern` command. An installed Lectern runs the bundle in dist/ (made by `npm run bundle`, which `npm ci`,
// `npm install` and `npm pack` run). LECTERN_SOURCES=1 runs the TypeScript sources through tsx instead (`npm run
// lectern` does, for developers); which code runs never depends on file dates.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'lectern.mjs');

if (process.env.LECTERN_SOURCES === '1') {
  await import('../scripts/source-hooks.mjs');
  await import('../src/cli/main.ts');
} else if (existsSync(bundle)) {
  await import(bundle);
} else {
  process.stderr.write(`lectern: ${bundle} is missing. Run "npm run bundle" in ${root}, or set LECTERN_SOURCES=1 to run the sources.\n`);
  process.exitCode = 1;
}
