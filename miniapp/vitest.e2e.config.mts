import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

// End-to-end: the h5 build served by the BFF with the mocks and a real Redis, driven in
// Debian's Chromium (playwright-core). Builds h5 first when stale (e2e/build.global.ts).
export default defineProject({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/build.global.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
})
