// Build Lectern Studio, the whole of Lectern in a browser tab, into dist/studio/: a static site that any web host serves
// as it is (`npm run build:studio`). Its code is the pipeline `lectern build` runs, bundled for browsers; Lectern's own
// files (fonts, world outlines, reveal.js) go in files/, as the pipeline names them. `--no-files` leaves files/ out, for
// the package: `lectern studio` serves them from where they are installed.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { lecternFileNames, lecternFilePath, useNodeLecternFiles } from '../src/node/node-lectern-files.ts';
import { BUNDLED_TEMPLATES } from '../src/node/project-files.ts';
import { readTemplateFiles } from '../src/node/read-templates.ts';
import { fontCoverage } from '../src/studio/font-coverage.ts';
import { PDFKIT_STANDALONE } from './pdfkit-standalone.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'dist', 'studio');
const fresh = path.join(root, 'dist', `studio.${process.pid}.tmp`);
const withFiles = !process.argv.includes('--no-files');

/** `pdfkit` is PDFKit's standalone build, as in every host (see pdfkit-standalone.mjs). */
const pdfkitStandalone: Plugin = {
  name: 'pdfkit-standalone',
  setup: (builder) => builder.onResolve({ filter: /^pdfkit$/ }, () => ({ path: PDFKIT_STANDALONE })),
};

useNodeLecternFiles();
await rm(fresh, { recursive: true, force: true });
await mkdir(fresh, { recursive: true });

const bundled = await build({
  entryPoints: {
    app: 'src/studio/app.ts',
    'core-worker': 'src/studio/core-worker.ts',
    'print-worker': 'src/studio/print-worker.ts',
  },
  absWorkingDir: root,
  outdir: fresh,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'browser',
  format: 'esm',
  target: ['chrome110', 'firefox115', 'safari16'],
  // Code only some lessons need (MathJax, pptxgenjs, pdf.js) is its own chunk, loaded when first needed.
  minify: true,
  keepNames: true,
  metafile: true,
  // Node's modules appear in code paths libraries take only in Node (pptxgenjs reads images from disk there).
  external: ['node:*', 'module', 'fs', 'path', 'url', 'crypto', 'zlib', 'stream', 'http', 'https', 'os'],
  // Libraries' builds for workers, not for pages: the pipeline runs on Web Workers, which have no DOM.
  conditions: ['worker'],
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [pdfkitStandalone],
  logLevel: 'warning',
});

// HarfBuzz finds its WebAssembly beside the chunk that holds it.
const harfbuzzChunk = Object.entries(bundled.metafile.outputs).find(([, output]) =>
  Object.keys(output.inputs).some((input) => input.includes('harfbuzzjs/dist/harfbuzz.js')),
)?.[0];
if (!harfbuzzChunk) throw new Error('No chunk of the studio holds HarfBuzz.');
await copyFile(path.join(root, 'node_modules/harfbuzzjs/dist/harfbuzz.wasm'), path.join(root, path.dirname(harfbuzzChunk), 'harfbuzz.wasm'));
// pdf.js draws the printables' previews with its own worker.
await copyFile(path.join(root, 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs'), path.join(fresh, 'pdf.worker.min.mjs'));

for (const name of ['index.html', 'studio.css', 'manifest.webmanifest', 'icon.svg'])
  await copyFile(path.join(root, 'src/studio/static', name), path.join(fresh, name));

// Lectern's own templates, and which characters each PDF font has (so a font is fetched only when a lesson needs it).
const templates = await readTemplateFiles([BUNDLED_TEMPLATES]);
await writeFile(path.join(fresh, 'templates.json'), JSON.stringify(Object.fromEntries(templates.files)));
await writeFile(path.join(fresh, 'font-coverage.json'), JSON.stringify(fontCoverage()));

const lecternFiles = lecternFileNames();
if (withFiles)
  for (const name of lecternFiles) {
    await mkdir(path.join(fresh, 'files', path.dirname(name)), { recursive: true });
    await copyFile(lecternFilePath(name), path.join(fresh, 'files', name));
  }

/**
 * What the service worker keeps when the studio is first opened, so it works offline afterwards: the app itself, the
 * Latin fonts and reveal.js. The other fonts, the world's outlines and MathJax are kept the first time a lesson needs them.
 */
const everyFile = async (folder: string): Promise<string[]> =>
  (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(fresh, path.join(entry.parentPath, entry.name)));
const appFiles = (await everyFile(fresh)).map((name) => name.split(path.sep).join('/')).sort();
const onDemand = (name: string) => name.startsWith('files/') || /mathjax|render-pptx|pdf\.worker|pdfjs|sre-/i.test(name);
// reveal.js and its default theme; another theme's stylesheet (some 400 KB: it holds its fonts) is kept when first used.
const keptAtOnce = lecternFiles.filter((name) => /Pretendard|^reveal\.js\/dist\/(?!theme\/)|theme\/white\.css$/.test(name)).map((name) => `files/${name}`);
const precache = ['./', ...appFiles.filter((name) => !onDemand(name) && name !== 'index.html'), ...keptAtOnce];
const version = createHash('sha256');
for (const name of appFiles) version.update(name).update(await readFile(path.join(fresh, name)));
if (!withFiles) for (const name of lecternFiles) version.update(name).update(await readFile(lecternFilePath(name)));

await build({
  entryPoints: { 'service-worker': 'src/studio/service-worker.ts' },
  absWorkingDir: root,
  outdir: fresh,
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome110', 'firefox115', 'safari16'],
  minify: true,
  define: {
    STUDIO_VERSION: JSON.stringify(version.digest('hex').slice(0, 16)),
    STUDIO_PRECACHE: JSON.stringify(precache),
  },
  logLevel: 'warning',
});

// Put in place at once: a server running meanwhile serves the old studio or the new one, never half of each.
const old = path.join(root, 'dist', `studio.${process.pid}.old.tmp`);
await rename(target, old).catch(() => {});
await rename(fresh, target);
await rm(old, { recursive: true, force: true });
console.log(`Lectern Studio built into ${path.relative(process.cwd(), target) || '.'}${withFiles ? '' : ' (without files/)'}.`);
