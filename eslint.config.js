// Type-checked ESLint with machine-checked package boundaries (see docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

/** Packages a layer must not import: dependencies point domain ← clinical ← ai ← storage/apps. */
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'evals/out/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    files: ['packages/**/*.ts'],
    ignores: ['packages/**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: restrict(
      ['@kollega/*', 'node:*', 'fs', 'path'],
      'domain is pure types and schemas: no other package, no I/O',
    ),
  },
  {
    files: ['packages/clinical/src/**/*.ts'],
    ignores: ['packages/clinical/src/**/*.test.ts'],
    rules: restrict(
      [
        '@kollega/ai',
        '@kollega/storage',
        '@kollega/server',
        '@kollega/cli',
        '@kollega/web',
        'node:http',
        'node:net',
      ],
      'clinical is pure logic: it imports only @kollega/domain',
    ),
  },
  {
    files: ['packages/ai/src/**/*.ts'],
    rules: restrict(
      ['@kollega/storage', '@kollega/server', '@kollega/cli', '@kollega/web'],
      'ai must not import storage or apps',
    ),
  },
  {
    files: ['packages/storage/src/**/*.ts'],
    rules: restrict(['@kollega/server', '@kollega/cli', '@kollega/web'], 'storage must not import apps'),
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: restrict(
      ['@kollega/clinical', '@kollega/ai', '@kollega/storage', '@kollega/server', '@kollega/cli', 'node:*'],
      'web talks to the server over HTTP only and imports only @kollega/domain types',
    ),
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'evals/**/*.ts', 'apps/*/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
