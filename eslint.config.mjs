// ESLint flat config: the TypeScript sources, and the plain scripts (bench/, test/e2e,
// test/electron, the test runner, bin/, build scripts) with type information, so that a
// promise nobody awaits is an error there too. Bundles and build output are ignored.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SCRIPTS = ['**/*.js', '**/*.mjs', '**/*.cjs'];

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'dist/elb-lens.js',
      'client/out/**',
      'server/out/**',
      'node_modules/**',
      '.cache/**',
      'examples/**',
      'test/**/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: SCRIPTS,
    languageOptions: {
      globals: globals.node,
      parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // CommonJS: the launchers in bin/ and dist/, and the Mocha suite that VS Code's extension host loads.
    files: ['**/*.cjs', 'bin/*.js', 'dist/action.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Mocha's TDD interface (index.cjs runs it with ui: 'tdd').
    files: ['test/electron/suite/**/*.test.cjs'],
    languageOptions: {
      globals: Object.fromEntries(['suite', 'test', 'suiteSetup', 'suiteTeardown', 'setup', 'teardown'].map((name) => [name, 'readonly'])),
    },
  },
);
