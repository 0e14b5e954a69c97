// Start the print worker thread from the TypeScript sources, as bin/lectern.js does for the command.
await import('../scripts/source-hooks.mjs');
await import('../src/node/print-worker.ts');
