// Lint rules for Lectern's TypeScript: the recommended sets, strict about types.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers of src/, each allowed to import only from the layers below it:
// cli → commands (check, dev, studio-server, config) → the Node host (node/) → the pipeline (pipeline/, import/, new/)
// → deck, pptx, print → lesson → math → shared. The studio (studio/) runs in a browser on the pipeline.
const HOSTS = ['cli', 'check', 'dev', 'studio-server', 'config', 'node'];
const OUTPUTS = ['deck', 'pptx', 'print'];
const PIPELINE = ['pipeline', 'import', 'new'];
const FORBIDDEN_IMPORTS = {
  shared: ['math', 'lesson', ...OUTPUTS, ...PIPELINE, 'studio', ...HOSTS],
  math: ['lesson', ...OUTPUTS, ...PIPELINE, 'studio', ...HOSTS],
  lesson: [...OUTPUTS, ...PIPELINE, 'studio', ...HOSTS],
  deck: ['pptx', 'print', ...PIPELINE, 'studio', ...HOSTS],
  pptx: ['deck', 'print', ...PIPELINE, 'studio', ...HOSTS],
  print: ['deck', 'pptx', ...PIPELINE, 'studio', ...HOSTS],
  pipeline: ['import', 'new', 'studio', ...HOSTS],
  import: ['pipeline', 'new', 'studio', ...HOSTS],
  new: ['pipeline', 'import', 'studio', ...HOSTS],
  studio: HOSTS,
  node: ['cli', 'check', 'dev', 'studio-server', 'config', 'studio'],
  config: ['cli', 'check', 'dev', 'studio-server', 'studio'],
  check: ['cli', 'dev', 'studio-server', 'studio'],
  dev: ['cli', 'check', 'studio-server', 'studio'],
  'studio-server': ['cli', 'check', 'dev'],
};
/** Folders whose code runs in a browser too (the studio): they reach no file system, process or Node module. */
const RUNS_IN_BROWSERS = ['shared', 'math', 'lesson', ...OUTPUTS, ...PIPELINE, 'studio'];
const NODE_MODULES = ['node:*', 'fs', 'fs/*', 'path', 'path/*', 'os', 'url', 'crypto', 'zlib', 'worker_threads', 'child_process', 'http', 'module'];
const layerRules = Object.entries(FORBIDDEN_IMPORTS).map(([folder, forbidden]) => ({
  files: [`src/${folder}/**`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((layer) => ({
            group: [`**/${layer}/*`],
            message: `src/${folder}/ must not import from src/${layer}/: dependencies point one way (see "For developers" in the README).`,
          })),
          ...(RUNS_IN_BROWSERS.includes(folder)
            ? [{ group: NODE_MODULES, message: `src/${folder}/ runs in a browser too: only the hosts (src/node/ and above) may use Node's modules.` }]
            : []),
        ],
      },
    ],
    ...(RUNS_IN_BROWSERS.includes(folder)
      ? {
          'no-restricted-globals': [
            'error',
            { name: 'process', message: 'This code runs in a browser too: the host passes what it needs.' },
            { name: 'Buffer', message: 'Use Uint8Array: this code runs in a browser too.' },
          ],
        }
      : {}),
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'output/', 'dist/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn'] }],
    },
  },
  ...layerRules,
  // The benchmark is a command of its own: it prints its table.
  { files: ['bench/**', 'scripts/**'], rules: { 'no-console': 'off' } },
  // The studio runs in browsers.
  { files: ['src/studio/**'], languageOptions: { globals: globals.browser } },
);
