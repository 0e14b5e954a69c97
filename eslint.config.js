// Lint rules for Lectern's TypeScript: the recommended sets, strict about types.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers of src/, each allowed to import only from the layers below it:
// cli → commands (build, check, dev, new, import; config) → the pipeline (build/) → deck, pptx, print → lesson → shared.
const COMMANDS = ['cli', 'check', 'dev', 'new', 'import', 'config'];
const OUTPUTS = ['deck', 'pptx', 'print'];
const FORBIDDEN_IMPORTS = {
  shared: ['lesson', 'build', ...OUTPUTS, ...COMMANDS],
  lesson: ['build', ...OUTPUTS, ...COMMANDS],
  deck: ['build', 'pptx', 'print', ...COMMANDS],
  pptx: ['build', 'deck', 'print', ...COMMANDS],
  print: ['build', 'deck', 'pptx', ...COMMANDS],
  build: COMMANDS,
  config: ['cli', 'check', 'dev', 'new', 'import'],
  new: ['cli', 'check', 'dev', 'import', 'build'],
  import: ['cli', 'check', 'dev', 'new', 'build'],
  check: ['cli', 'dev', 'new', 'import'],
  dev: ['cli', 'check', 'new', 'import'],
};
const layerRules = Object.entries(FORBIDDEN_IMPORTS).map(([folder, forbidden]) => ({
  files: [`src/${folder}/**`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((layer) => ({
          group: [`**/${layer}/*`],
          message: `src/${folder}/ must not import from src/${layer}/: dependencies point one way (see "For developers" in the README).`,
        })),
      },
    ],
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
  { files: ['bench/**'], rules: { 'no-console': 'off' } },
);
