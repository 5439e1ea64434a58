import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { configDefaults, defineProject } from 'vitest/config'

const src = fileURLToPath(new URL('./src', import.meta.url))

// @tarojs/taro-h5 ships ESM .js whose sourcemaps name unpublished sources, so vite warns once
// per file ("Sourcemap for ... points to missing source files", ~140 lines on a cold cache).
// Vitest replaces `customLogger`, so filter on the resolved logger instead.
const quietTaroSourcemaps: Plugin = {
  name: 'quiet-taro-sourcemaps',
  configResolved(config) {
    const warnOnce = config.logger.warnOnce.bind(config.logger)
    config.logger.warnOnce = (msg, options) => {
      if (msg.includes('points to missing source files')) return
      warnOnce(msg, options)
    }
  }
}

export default defineProject({
  // so that `npx vitest run --config miniapp/vitest.config.mts` from the repository root finds
  // the tests too (vitest's root is the working directory otherwise)
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [quietTaroSourcemaps],
  resolve: {
    alias: [
      // Taro's React components as plain React components (the build swaps these per platform)
      { find: /^@tarojs\/components$/, replacement: '@tarojs/components/lib/react' },
      // the H5 implementation of the Taro API
      { find: /^@tarojs\/taro$/, replacement: '@tarojs/taro-h5' },
      { find: /^@\//, replacement: `${src}/` }
    ]
  },
  define: {
    // flags normally injected by Taro's build (@tarojs/runtime reads them)
    ENABLE_INNER_HTML: 'true',
    ENABLE_ADJACENT_HTML: 'false',
    ENABLE_SIZE_APIS: 'false',
    ENABLE_TEMPLATE_CONTENT: 'false',
    ENABLE_CLONE_NODE: 'false',
    ENABLE_CONTAINS: 'false',
    ENABLE_MUTATION_OBSERVER: 'false',
    DEPRECATED_ADAPTER_COMPONENT: 'false',
    // our own defineConstants from config/index.ts
    __API_BASE__: JSON.stringify('https://api.test'),
    'process.env.TARO_ENV': JSON.stringify('h5')
  },
  test: {
    name: 'miniapp',
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    // the compiled-dist smoke test has its own config (vitest.weapp.config.mts)
    exclude: [...configDefaults.exclude, 'test/weapp-dist/**'],
    setupFiles: ['./test/setup.ts']
  }
})
