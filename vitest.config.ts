import { defineConfig } from 'vitest/config';

// One vitest run covers every package: each package brings its own project config.
export default defineConfig({
  test: {
    projects: ['shared', 'mocks', 'bff'],
  },
});
