import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
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
    // The rules of hooks in the mini-program: a hook called conditionally or an effect missing a
    // dependency is a bug that shows only at run time (stale data under a new selection, issue 12).
    // The React Compiler rules of the plugin's newer presets (purity, set-state-in-effect) are
    // not on: this app does not use the compiler, and Taro's page hooks load data in effects.
    files: ['miniapp/src/**/*.{ts,tsx}', 'miniapp/test/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // shared/ is protocol-free: no I/O libraries, nothing from the other packages (it runs in the
    // mini-program, the BFF and the platform alike).
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
  {
    // The BFF's inner layers know nothing of HTTP: a use case or an adapter that needs an error
    // throws the shared AppError (@family-share/shared/server-kit), never something from http/.
    files: ['bff/src/use-cases/**/*.ts', 'bff/src/adapters/**/*.ts', 'bff/src/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        // A relative path into http/ (not the node module of that name).
        { patterns: [{ regex: '^(\\.{1,2}/)+http(/|$)', message: 'Use cases, ports and adapters do not import from bff/src/http/ (issue 13).' }] },
      ],
    },
  },
  {
    // The servers' error kit (Redis wording, Koa errors) stays out of the mini-program's bundle.
    files: ['miniapp/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@family-share/shared/server-kit', message: 'Server-only code.' }] }],
    },
  },
);
