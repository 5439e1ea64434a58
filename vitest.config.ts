import { defineConfig } from 'vitest/config';

// One vitest run covers every package: each package brings its own project config.
export default defineConfig({
  test: {
    projects: ['shared', 'mocks', 'bff', 'miniapp/vitest.config.mts', 'miniapp/vitest.weapp.config.mts', 'miniapp/vitest.e2e.config.mts'],
  },
});
