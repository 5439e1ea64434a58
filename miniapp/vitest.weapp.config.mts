import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

// Smoke test of the compiled WeChat output (dist/) with miniprogram-simulate.
// Needs `npm run build:weapp` first (the test:weapp script does both).
export default defineProject({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'miniapp-weapp-dist',
    environment: 'jsdom',
    include: ['test/weapp-dist/**/*.test.ts'],
    globalSetup: ['test/weapp-dist/build.global.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000
  }
})
