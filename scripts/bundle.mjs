// Bundle the command and the print worker into dist/, with their dependencies, so that `lectern` starts by reading a
// few plain JavaScript files instead of compiling TypeScript and resolving hundreds of small modules at every start.
// Runs on `npm ci` (the "prepare" script).
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: { lectern: 'src/cli/main.ts', 'print-worker': 'src/print/print-worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Code only some commands need (PDFKit for the print workers, the dev server) is loaded when it is needed.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // These read their own files (font metrics, WebAssembly, the reveal.js assets) from beside their code.
  external: ['pdfkit', 'fontkit', 'harfbuzzjs', 'reveal.js'],
  // Bundled CommonJS packages still `require` Node's own modules.
  banner: { js: "import { createRequire as lecternCreateRequire } from 'node:module'; const require = lecternCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
