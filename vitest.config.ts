import { defineConfig } from 'vitest/config';
import { PDFKIT_STANDALONE } from './scripts/pdfkit-standalone.mjs';

export default defineConfig({
  // PDFKit's standalone build, as in every host (see scripts/pdfkit-standalone.mjs).
  resolve: { alias: [{ find: /^pdfkit$/, replacement: PDFKIT_STANDALONE }] },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two test files at a time, even on 2 cores (Vitest would run one there): a test spends much of its time waiting on
    // a Chromium, a LibreOffice or a `lectern` it started. Each process runs its files one after another without
    // loading every module again for each: a test does not count on state another file left (e.g. which formulas
    // were already spoken).
    maxWorkers: 2,
    isolate: false,
    globalSetup: ['tests/support/bundle-for-tests.ts'],
    setupFiles: ['tests/support/node-host.ts'],
  },
});
