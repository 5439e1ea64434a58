import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/dist-h5/**', '**/coverage/**', 'test-artifacts/**', '.run/**', '.swc/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // shared/ is protocol-free (STYLE 3): no I/O libraries, nothing from the other packages.
    files: ['shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['koa', 'koa-*', '@koa/*', '@tarojs/*', 'ioredis', 'jsonwebtoken', 'node:*', 'fs', 'http'], message: 'shared/ stays pure: no I/O.' },
            { group: ['**/bff/**', '**/mocks/**', '**/miniapp/**', '@family-share/bff', '@family-share/mocks', '@family-share/miniapp'], message: 'shared/ never imports the other packages.' },
          ],
        },
      ],
    },
  },
);
