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
    globalSetup: ['tests/support/bundle-for-tests.ts'],
    setupFiles: ['tests/support/node-host.ts'],
  },
});
