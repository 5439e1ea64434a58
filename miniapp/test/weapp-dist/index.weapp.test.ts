// Smoke test of the COMPILED WeChat output (dist/, from `npm run build:weapp`) with
// miniprogram-simulate (j-component + the official wcc compiler that ships in
// miniprogram-compiler). Shims: Page → Component, App/getApp/getCurrentPages, and a `wx` whose
// request answers like the BFF (the same contract-checked fixtures as the component tests)
// and whose storage is an in-memory map.
import path from 'node:path'
import { createRequire } from 'node:module'
import { beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import { DEMO_PEOPLE, home, TOKENS } from '../support/fixtures'

const require = createRequire(import.meta.url)
const dist = path.resolve(__dirname, '../../dist')

/** What a callback-style wx API receives. */
interface WxOptions {
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
  complete?: (res?: unknown) => void
}

interface Rendered {
  dom: { textContent: string }
  querySelector(selector: string): { dispatchEvent(name: string): void }
  attach(parent: Element): void
  detach(): void
}

interface Simulate {
  load(file: string, options: { rootPath: string }): string
  render(id: string): Rendered
}

type PageOptions = Record<string, unknown> & { data?: unknown }
type Lifecycle = (this: Record<string, (arg?: unknown) => void>) => void

/** The mini-program globals the compiled dist expects, shimmed on globalThis. */
const g = globalThis as unknown as {
  wx: { [api: string]: unknown; request: Mock; login: Mock; navigateTo: Mock; reLaunch: Mock }
  Page: (options: PageOptions) => void
  Component: (options: { data?: unknown; methods: Record<string, unknown>; lifetimes: Record<string, Lifecycle> }) => void
  App: (options: Record<string, (arg?: unknown) => void>) => void
  getApp: () => unknown
  getCurrentPages: () => unknown[]
  __pageQuery: Record<string, string>
}

let simulate: Simulate
const storage = new Map<string, unknown>()

interface WxRequest {
  url: string
  method: string
  data?: unknown
  header: Record<string, string>
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
  complete?: () => void
}

/** What the BFF would answer, by method and path. */
function answer(request: WxRequest): { statusCode: number; data: unknown } {
  const route = `${request.method} ${new URL(request.url, 'https://bff.test').pathname}`
  const authorized = request.header.Authorization === `Bearer ${TOKENS.accessToken}`
  switch (route) {
    case 'GET /api/demo/people':
      return { statusCode: 200, data: DEMO_PEOPLE }
    case 'POST /api/demo/wx-code':
      return { statusCode: 200, data: { code: 'demo-code-1' } }
    case 'POST /api/auth/login':
      return { statusCode: 200, data: TOKENS }
    case 'GET /api/home':
      return authorized ? { statusCode: 200, data: home() } : { statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: 'log in', requestId: 'r' } } }
    default:
      return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: route, requestId: 'r' } } }
  }
}

const ok = (name: string) => (opts: WxOptions = {}) => {
  const res = { errMsg: `${name}:ok` }
  opts.success?.(res)
  opts.complete?.(res)
  return res
}

beforeAll(() => {
  // CommonJS, loaded with Node's require so that it runs the dist files with Node's require too
  simulate = require('miniprogram-simulate')

  g.wx = {
    request: vi.fn((opts: WxRequest) => {
      setTimeout(() => {
        opts.success?.({ ...answer(opts), header: {}, errMsg: 'request:ok' })
        opts.complete?.()
      }, 0)
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    }),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    login: vi.fn((opts: WxOptions) => {
      const res = { code: 'wx-code-1', errMsg: 'login:ok' }
      opts.success?.(res)
      opts.complete?.(res)
    }),
    navigateTo: vi.fn(ok('navigateTo')),
    reLaunch: vi.fn(ok('reLaunch')),
    navigateBack: vi.fn(ok('navigateBack')),
    showToast: vi.fn(ok('showToast')),
    showModal: vi.fn((opts: WxOptions) => opts.success?.({ confirm: true, cancel: false })),
    stopPullDownRefresh: vi.fn(ok('stopPullDownRefresh')),
  }

  // Page → Component: a page's functions (onLoad, onReady, eh …) become methods, and the page
  // lifecycles are driven from the component lifetimes.
  g.Page = (options) => {
    const methods: Record<string, unknown> = {}
    for (const key of Object.keys(options)) {
      if (typeof options[key] === 'function') methods[key] = options[key]
    }
    g.Component({
      data: options.data,
      methods,
      lifetimes: {
        attached() { this.onLoad?.(g.__pageQuery ?? {}) },
        ready() { this.onShow?.(); this.onReady?.() },
        detached() { this.onUnload?.() }
      }
    })
  }
  let app: Record<string, (arg?: unknown) => void> = {}
  g.App = (options) => { app = options }
  g.getApp = () => app
  g.getCurrentPages = () => []

  // app.js requires runtime/taro/vendors/common and calls App(createReactApp(...)); launching
  // it registers the app's listeners (the go-to-login on AUTH_REQUIRED).
  require(path.join(dist, 'app.js'))
  app.onLaunch?.({})
})

beforeEach(() => {
  storage.clear()
  vi.clearAllMocks()
})

// A page's JS runs once (Node caches the require), so each page is loaded once and rendered
// as often as needed.
const loaded = new Map<string, string>()

function renderPage(route: string, query: Record<string, string> = {}) {
  g.__pageQuery = query
  if (!loaded.has(route)) loaded.set(route, simulate.load(path.join(dist, route), { rootPath: dist }))
  const comp = simulate.render(loaded.get(route) as string)
  comp.attach(document.createElement('parent-wrapper'))
  return comp
}

const requested = () => (g.wx.request.mock.calls as Array<[WxRequest]>).map(([r]) => `${r.method} ${r.url}`)

describe('weapp dist (miniprogram-simulate)', () => {
  it('when a logged-in person opens the compiled home page, then it fetches /api/home with the token and shows balance and services', async () => {
    storage.set('fs.session', { accessToken: TOKENS.accessToken, refreshToken: TOKENS.refreshToken })
    const comp = renderPage('pages/index/index')

    await vi.waitFor(() => expect(comp.dom.textContent).toContain('¥8,000.00'))
    const text = comp.dom.textContent
    expect(text).toContain('扎西')
    expect(text).toContain('可供家人使用')
    expect(text).toContain('¥5,000.00')
    expect(text).toContain('扣款明细')
    expect(requested()).toContain('GET /api/home')

    // tap → Taro's event handler (eh) → Taro.navigateTo → wx.navigateTo
    comp.querySelector('.service-grid__item--history').dispatchEvent('tap')
    await vi.waitFor(() => expect(g.wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/history/index' })))
    comp.detach()
  })

  it('when someone without a session opens the compiled home page, then the app sends them to login', async () => {
    const comp = renderPage('pages/index/index')
    await vi.waitFor(() => expect(g.wx.reLaunch).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/login/index' })))
    expect(g.wx.request).not.toHaveBeenCalled()
    comp.detach()
  })

  it('when the compiled login page opens, then WeChat login and the marked demo list both show', async () => {
    const comp = renderPage('pages/login/index')
    await vi.waitFor(() => expect(comp.dom.textContent).toContain('卓玛'))
    const text = comp.dom.textContent
    expect(text).toContain('微信一键登录')
    expect(text).toContain('演示登录')
    expect(text).toContain('扎西的母亲，居民医保，凭证未激活')
    comp.detach()
  })

  it('when 微信一键登录 is tapped, then wx.login’s code is exchanged for tokens that are stored, and home opens', async () => {
    const comp = renderPage('pages/login/index')
    await vi.waitFor(() => expect(comp.dom.textContent).toContain('微信一键登录'))

    comp.querySelector('.login__wechat .app-btn').dispatchEvent('tap')

    await vi.waitFor(() => expect(g.wx.reLaunch).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/index/index' })))
    expect(g.wx.login).toHaveBeenCalled()
    const login = (g.wx.request.mock.calls as Array<[WxRequest]>).map(([r]) => r).find((r) => r.url.endsWith('/api/auth/login'))
    expect(login?.data).toEqual({ code: 'wx-code-1' })
    expect(storage.get('fs.session')).toEqual({ accessToken: TOKENS.accessToken, refreshToken: TOKENS.refreshToken })
    comp.detach()
  })
})
