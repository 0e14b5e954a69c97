// Lint rules for Lectern's TypeScript: the recommended sets, strict about types.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  // The benchmark is a command of its own: it prints its table.
  { files: ['bench/**'], rules: { 'no-console': 'off' } },
);
