import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

// The internal workspace package exports TypeScript source; it reaches the build through
// the node_modules/@family-share/shared -> ../../shared symlink. Taro's babel rule skips
// node_modules by default, so it has to be compiled explicitly.
// With webpack's default resolve.symlinks=true the module path is the real path
// (<root>/shared/src/...), so the string entry is what matches; the function also covers
// a resolve.symlinks=false setup. Taro's config schema rejects RegExp entries here.
const sharedDir = path.resolve(__dirname, '..', '..', 'shared')
const compileInclude: (string | ((filename: string) => boolean))[] = [
  sharedDir,
  (filename: string) => /[\\/]node_modules[\\/]@family-share[\\/]/.test(filename)
]

// API base URL baked in at build time: TARO_APP_API_BASE=https://api.example.com npm run build:h5
// or a line TARO_APP_API_BASE="https://…" in miniapp/.env.production (Taro loads .env.<mode>
// before this file runs). Empty → src/utils/api.ts decides at run time (H5 only).
const API_BASE = process.env.TARO_APP_API_BASE ?? ''

// Off on both platforms: every component and page styles one BEM block by its own class names.
const cssModules = {
  enable: false,
  config: {
    namingPattern: 'module' as const,
    generateScopedName: '[name]__[local]___[hash:base64:5]'
  }
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'family-share-miniapp',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    outputRoot: process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {
      __API_BASE__: JSON.stringify(API_BASE)
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src')
    },
    copy: {
      // the browser tab's icon (h5 only; a mini-program has its own in the WeChat console)
      patterns: process.env.TARO_ENV === 'h5' ? [{ from: 'src/favicon.svg', to: 'dist-h5/favicon.svg' }] : [],
      options: {}
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: false
    },
    mini: {
      compile: {
        include: compileInclude
      },
      // Component styles are independent (one BEM block each), so the order in which the
      // shared chunk collects them does not matter; without this the build warns per page.
      miniCssExtractPluginOption: {
        ignoreOrder: true
      },
      postcss: {
        pxtransform: {
          enable: true,
          config: {}
        },
        cssModules
      }
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: {
        mode: 'hash'
      },
      compile: {
        include: compileInclude
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css'
      },
      webpackChain(chain) {
        // H5 pages are async chunks, but Taro's H5 splitChunks only looks at 'initial' chunks,
        // so a library used by several pages (zod via @family-share/shared) gets copied into
        // every page chunk. 'all' lets Taro's own vendors/common groups share it instead.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' })
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {}
        },
        cssModules
      }
    }
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
