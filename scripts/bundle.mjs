// Bundle the command and the print worker into dist/, with their dependencies, so that `lectern` starts by reading a
// few plain JavaScript files instead of compiling TypeScript and resolving hundreds of small modules at every start.
// Runs on `npm ci` and `npm install` (the "prepare" script), before `npm pack` (the "prepack" script), and before the tests.
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PDFKIT_STANDALONE } from './pdfkit-standalone.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
// Bundled into a folder of its own and then put in place, so a command started meanwhile finds the old bundle or the new one.
const fresh = path.join(root, `dist.${process.pid}.tmp`);

/** `pdfkit` is PDFKit's standalone build, as in every host (see pdfkit-standalone.mjs). */
const pdfkitStandalone = {
  name: 'pdfkit-standalone',
  setup: (build) => build.onResolve({ filter: /^pdfkit$/ }, () => ({ path: PDFKIT_STANDALONE })),
};

await build({
  entryPoints: { lectern: 'src/cli/main.ts', 'print-worker': 'src/node/print-worker.ts' },
  absWorkingDir: root,
  outdir: fresh,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Code only some commands need (PDFKit for the print workers, the dev server) is loaded when it is needed.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // These read their own files (WebAssembly, the reveal.js assets) from beside their code.
  external: ['fontkit', 'harfbuzzjs', 'reveal.js'],
  plugins: [pdfkitStandalone],
  // Bundled CommonJS packages still `require` Node's own modules.
  banner: { js: "import { createRequire as lecternCreateRequire } from 'node:module'; const require = lecternCreateRequire(import.meta.url);" },
  // Without spaces, comments and dead code (names are kept, so a stack trace still says which function): V8 keeps each
  // module's source text in memory, and a third less of it took about 8 MB off a library build's peak memory. To
  // debug with readable lines, run the TypeScript itself: `npm run lectern -- build …`.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

// The studio's site (npm run build:studio) stays where it is.
await rename(path.join(dist, 'studio'), path.join(fresh, 'studio')).catch(() => {});
const old = path.join(root, `dist.${process.pid}.old.tmp`);
await rename(dist, old).catch(() => {});
await rename(fresh, dist);
await rm(old, { recursive: true, force: true });
