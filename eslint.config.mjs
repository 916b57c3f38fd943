// ESLint flat config: TypeScript sources only; bundles and build output are ignored.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Only TypeScript is linted here; the few plain scripts (bench, e2e, electron) run as they are.
  {
    ignores: [
      'build/**',
      'client/out/**',
      'server/out/**',
      'node_modules/**',
      '.cache/**',
      'examples/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
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
);
