// ESLint: typescript-eslint's recommended rules, and the house's own (lint/floors.js): the floors
// of src/ (stages import only downwards) and no import cycles; only src/cli/ touches `process`.
// Formatting is Prettier's (.prettierrc.json, `npm run format`), not ESLint's. Every regular
// expression must run in linear time (inputs may hold 1 MB lines): eslint-plugin-regexp's static
// analysis of backtracking and of a search that moves, rather than a timed test.
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';
import charter from './lint/floors.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.bench-tmp/**', 'src/validate/returnValidator.generated.ts', 'fixtures/**/*.pdf'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    plugins: { charter, regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'charter/floors': 'error',
      'charter/no-import-cycle': 'error',
      'no-restricted-globals': ['error', { name: 'process', message: 'only src/cli/ touches the process: the core takes bytes and returns data' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'node:process', message: 'only src/cli/ touches the process' },
            { name: 'process', message: 'only src/cli/ touches the process' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-imports': 'off' },
  },
);
