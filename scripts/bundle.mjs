// Bundle the command and the print worker into dist/, so `lectern` starts from two plain JavaScript files instead of
// compiling TypeScript at every start (faster, and less memory per thread). Runs on `npm ci` (the "prepare" script).
import { build } from 'esbuild';

await build({
  entryPoints: { lectern: 'src/cli/main.ts', 'print-worker': 'src/print/print-worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
