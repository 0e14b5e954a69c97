import { defineConfig } from 'vitest/config';
import { PDFKIT_STANDALONE } from './scripts/pdfkit-standalone.mjs';

// `npm run test:quick`: the tests a contributor runs after each change, in about a minute: the lesson model and its
// messages, the deck's HTML, the typesetter's handlers, the importer's dialects. No browser, no LibreOffice, no
// bundle: `npm test` runs everything (CI runs that), with the settings of vitest.config.ts.
export default defineConfig({
  resolve: { alias: [{ find: /^pdfkit$/, replacement: PDFKIT_STANDALONE }] },
  test: {
    include: [
      'tests/lesson/**/*.test.ts',
      'tests/math/**/*.test.ts',
      'tests/deck/{render-deck,layout-deck,math-and-code}.test.ts',
      'tests/print/{typeset-handlers,slide-box-size,print-pool-size,keep-units-together}.test.ts',
      'tests/shared/font-character-map.test.ts',
      'tests/pptx/svg-to-png.test.ts',
      'tests/import/import-deck.test.ts',
      'tests/build/write-file-atomic.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    setupFiles: ['tests/support/node-host.ts'],
  },
});
