// Smoke test of the COMPILED WeChat output (dist/, from `npm run build:weapp`) with
// miniprogram-simulate (j-component + the official wcc compiler that ships in
// miniprogram-compiler). Shims: Page → Component, App/getApp/getCurrentPages, and a `wx` whose
// request answers like the BFF (the same contract-checked fixtures as the component tests)
// and whose storage is an in-memory map.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import { RELATIONS, templatesOfFlow } from '@family-share/shared'
import { BINDINGS, COMMITMENT, DEMO_PEOPLE, FACE_SESSION, FACE_TICKET, home, invitation, INVITATION_LINK, NOW, SUBSCRIPTIONS, TOKENS } from '../support/fixtures'

const require = createRequire(import.meta.url)
const dist = path.resolve(__dirname, '../../dist')

/** What a callback-style wx API receives. */
interface WxOptions {
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
  complete?: (res?: unknown) => void
}

interface RenderedNode {
  dispatchEvent(name: string, options?: { detail?: unknown }): void
}

interface Rendered {
  dom: { textContent: string; innerHTML: string }
  instance: Record<string, unknown>
  querySelector(selector: string): RenderedNode
  querySelectorAll(selector: string): RenderedNode[]
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
/** The App() options of the compiled app.js: onLaunch, onShow … */
let app: Record<string, (arg?: unknown) => void> = {}
const storage = new Map<string, unknown>()
const LINK_TOKEN = 'inv-link-1.mq2x3.c2lnbmF0dXJlLW9mLXRoZS1saW5r'

/** Every wx API the compiled pages called, in order, with the options they passed (callbacks left out). */
const calls: Array<{ api: string; options: Record<string, unknown> }> = []
const record = (api: string, options: unknown) => {
  const plain = Object.fromEntries(Object.entries((options ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v !== 'function'))
  calls.push({ api, options: plain })
}
const apisCalled = () => calls.map((c) => (c.api === 'request' ? `${c.options.method as string} ${new URL(c.options.url as string, 'https://bff.test').pathname}` : c.api))

/** How the next call of a callback API answers: its success result, or a fail with errCode. */
const behaviour = new Map<string, Array<{ ok: true; res?: Record<string, unknown> } | { ok: false; errCode?: number; errMsg?: string }>>()
function will(api: string, ...outcomes: Array<{ ok: true; res?: Record<string, unknown> } | { ok: false; errCode?: number; errMsg?: string }>) {
  behaviour.set(api, [...(behaviour.get(api) ?? []), ...outcomes])
}
/** A callback-style wx API that records its call and answers as told (success by default). */
const recorded = (api: string, success: (opts: Record<string, unknown>) => Record<string, unknown> = () => ({})) =>
  vi.fn((opts: WxOptions & Record<string, unknown> = {}) => {
    record(api, opts)
    const next = behaviour.get(api)?.shift() ?? { ok: true as const }
    setTimeout(() => {
      if (next.ok) {
        const res = { errMsg: `${api}:ok`, ...success(opts), ...(next.res ?? {}) }
        opts.success?.(res)
        opts.complete?.(res)
      } else {
        const err = { errMsg: next.errMsg ?? `${api}:fail`, errCode: next.errCode }
        opts.fail?.(err)
        opts.complete?.(err)
      }
    }, 0)
  })

interface WxRequest {
  url: string
  method: string
  data?: unknown
  header: Record<string, string>
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
  complete?: () => void
}

type Answer = { statusCode: number; data: unknown }
const apiError = (statusCode: number, code: string): Answer => ({ statusCode, data: { error: { code, message: code, requestId: 'r' } } })

/** Answers a test sets for one route ("POST /api/auth/login"), used in order before the defaults. */
const scripted = new Map<string, Answer[]>()
function script(route: string, ...answers: Answer[]) {
  scripted.set(route, [...(scripted.get(route) ?? []), ...answers])
}

/** What the BFF would answer, by method and path. */
function answer(request: WxRequest): Answer {
  const route = `${request.method} ${new URL(request.url, 'https://bff.test').pathname}`
  const authorized = request.header.Authorization === `Bearer ${TOKENS.accessToken}`
  const next = scripted.get(route)?.shift()
  if (next) return next
  switch (route) {
    case 'GET /api/demo/people':
      return { statusCode: 200, data: DEMO_PEOPLE }
    case 'POST /api/demo/wx-code':
      return { statusCode: 200, data: { code: 'demo-code-1' } }
    case 'POST /api/auth/login':
      return { statusCode: 200, data: TOKENS }
    case 'GET /api/home':
      return authorized ? { statusCode: 200, data: home() } : { statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: 'log in', requestId: 'r' } } }
    case 'GET /api/bindings':
      return { statusCode: 200, data: BINDINGS }
    case 'GET /api/face/status':
      return { statusCode: 200, data: { attemptsLeft: 5, lockedUntil: null } }
    case 'POST /api/face/sessions':
      return { statusCode: 201, data: FACE_SESSION }
    case `POST /api/face/sessions/${FACE_SESSION.sessionId}/complete`:
      return { statusCode: 200, data: FACE_TICKET }
    case 'POST /api/subscriptions':
      return { statusCode: 200, data: SUBSCRIPTIONS }
    case `POST /api/bindings/${BINDINGS.asAuthorizer[0]!.bindingId}/end`:
      return { statusCode: 200, data: { ...BINDINGS.asAuthorizer[0]!, status: 'ended', endedAt: Date.now(), endReason: 'ENDED_BY_AUTHORIZER' } }
    case `GET /api/invitation-links/${LINK_TOKEN}`:
      return { statusCode: 200, data: invitation({ invitationId: 'inv-link-1', expiresAt: Date.now() + 3_600_000 }) }
    case 'GET /api/commitment':
      return { statusCode: 200, data: { ...COMMITMENT, acceptedAt: NOW } }
    case 'POST /api/invitations/check':
      return { statusCode: 200, data: { needsAcceptance: true } }
    case 'POST /api/invitations':
      return { statusCode: 201, data: invitation({ box: 'sent', counterpart: { maskedName: '卓*', maskedIdNumber: '5401**********2428' }, relation: 'parent', expiresAt: Date.now() + 72 * 3_600_000 }) }
    case 'POST /api/invitations/inv-1/link':
      return { statusCode: 200, data: INVITATION_LINK }
    case 'POST /api/invitations/inv-link-1/accept':
      return { statusCode: 200, data: BINDINGS.asAuthorizer[0] }
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
      record('request', opts)
      setTimeout(() => {
        opts.success?.({ ...answer(opts), header: {}, errMsg: 'request:ok' })
        opts.complete?.()
      }, 0)
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    }),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    login: recorded('login', () => ({ code: `wx-code-${calls.filter((c) => c.api === 'login').length}` })),
    checkSession: recorded('checkSession'),
    requestSubscribeMessage: recorded('requestSubscribeMessage', (opts) => Object.fromEntries((opts.tmplIds as string[]).map((id) => [id, 'accept']))),
    checkIsSupportFacialRecognition: recorded('checkIsSupportFacialRecognition'),
    requestFacialVerify: recorded('requestFacialVerify'),
    makePhoneCall: recorded('makePhoneCall'),
    navigateTo: vi.fn((opts: WxOptions & { url?: string } = {}) => (record('navigateTo', opts), ok('navigateTo')(opts))),
    reLaunch: vi.fn((opts: WxOptions & { url?: string } = {}) => (record('reLaunch', opts), ok('reLaunch')(opts))),
    navigateBack: vi.fn((opts: WxOptions = {}) => (record('navigateBack', opts), ok('navigateBack')(opts))),
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
  calls.length = 0
  behaviour.clear()
  scripted.clear()
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

const SESSION = { accessToken: TOKENS.accessToken, refreshToken: TOKENS.refreshToken }
const tick = () => new Promise((resolve) => setTimeout(resolve, 0))
/** The query of a navigateTo url, as the next page's onLoad receives it. */
const queryOf = (url: string) => Object.fromEntries(new URL(url, 'https://mp.test').searchParams)
const requestBody = (route: string) => {
  const found = (g.wx.request.mock.calls as Array<[WxRequest]>).map(([r]) => r).filter((r) => `${r.method} ${new URL(r.url, 'https://bff.test').pathname}` === route)
  return found.at(-1)?.data
}

/** 解除共济 on the compiled bindings page, confirmed: returns the page and the face page's query. */
async function startEndingABinding() {
  storage.set('fs.session', SESSION)
  const bindings = renderPage('pages/bindings/index')
  await vi.waitFor(() => expect(bindings.dom.textContent).toContain('解除共济'))
  bindings.querySelector('.binding__actions .app-btn').dispatchEvent('tap')
  await vi.waitFor(() => expect(g.wx.navigateTo).toHaveBeenCalled())
  const url = (calls.find((c) => c.api === 'navigateTo')?.options.url ?? '') as string
  expect(url).toMatch(/^\/pages\/face\/index\?purpose=unbind&rid=/)
  return { bindings, faceQuery: queryOf(url) }
}

async function openFacePage(query: Record<string, string>) {
  const face = renderPage('pages/face/index', query)
  await vi.waitFor(() => expect(face.dom.textContent).toContain('开始验证'))
  expect(face.dom.textContent).not.toContain('选择模拟的验证结果') // the demo chips are h5 only
  return face
}

describe('weapp: subscription messages and WeChat face verification (人脸核身)', () => {
  it('when 解除共济 is confirmed, then wx.requestSubscribeMessage asks for the flow\'s templates, then the face page runs wx.checkIsSupportFacialRecognition → wx.requestFacialVerify(verifyId) → the BFF decides, and the binding ends with its ticket', async () => {
    const { bindings, faceQuery } = await startEndingABinding()
    expect(calls.find((c) => c.api === 'requestSubscribeMessage')?.options).toEqual({ tmplIds: templatesOfFlow('endBinding') })
    await vi.waitFor(() => expect(requestBody('POST /api/subscriptions')).toEqual({ flow: 'endBinding', decisions: { [templatesOfFlow('endBinding')[0]!]: 'accept' } }))

    const face = await openFacePage(faceQuery)
    expect(requestBody('POST /api/face/sessions')).toEqual({ purpose: 'unbind', target: 'b-zhuoma' })
    face.querySelector('.app-btn--primary').dispatchEvent('tap')

    await vi.waitFor(() => expect(apisCalled()).toContain(`POST /api/bindings/${BINDINGS.asAuthorizer[0]!.bindingId}/end`))
    expect(calls.find((c) => c.api === 'requestFacialVerify')?.options).toEqual({ verifyId: FACE_SESSION.verifyId })
    expect(requestBody(`POST /api/face/sessions/${FACE_SESSION.sessionId}/complete`)).toEqual({}) // no outcome: the phone does not decide
    expect(requestBody(`POST /api/bindings/${BINDINGS.asAuthorizer[0]!.bindingId}/end`)).toEqual({ faceTicket: FACE_TICKET.ticket })
    const order = apisCalled().filter((a) => /requestSubscribeMessage|POST \/api\/subscriptions|navigateTo|checkIsSupport|requestFacialVerify|complete$|\/end$/.test(a))
    expect(order).toEqual([
      'requestSubscribeMessage',
      'POST /api/subscriptions',
      'navigateTo',
      'checkIsSupportFacialRecognition',
      'requestFacialVerify',
      `POST /api/face/sessions/${FACE_SESSION.sessionId}/complete`,
      `POST /api/bindings/${BINDINGS.asAuthorizer[0]!.bindingId}/end`,
    ])
    face.detach()
    bindings.detach()
  })

  it('when the subscription panel fails (20004, switched off), then nothing is recorded and the flow goes on to the face page', async () => {
    will('requestSubscribeMessage', { ok: false, errCode: 20004, errMsg: 'requestSubscribeMessage:fail:the main switch is switched off' })
    const { bindings } = await startEndingABinding()
    expect(apisCalled()).toContain('requestSubscribeMessage')
    expect(apisCalled()).not.toContain('POST /api/subscriptions')
    bindings.detach()
  })

  it('when the phone cannot do face verification, then wx.requestFacialVerify is not called, nothing is completed, and the counter and hotline from the policy are offered', async () => {
    will('checkIsSupportFacialRecognition', { ok: false, errCode: 10001, errMsg: 'checkIsSupportFacialRecognition:fail No front camera' })
    const { bindings, faceQuery } = await startEndingABinding()
    const face = await openFacePage(faceQuery)
    face.querySelector('.app-btn--primary').dispatchEvent('tap')
    await vi.waitFor(() => expect(face.dom.textContent).toContain('这部手机暂不支持微信人脸验证'))
    expect(face.dom.textContent).toContain(FACE_SESSION.help.counter)
    expect(face.dom.textContent).toContain(FACE_SESSION.help.hotline)
    expect(apisCalled()).not.toContain('requestFacialVerify')
    expect(apisCalled().some((a) => a.endsWith('/complete'))).toBe(false)
    face.querySelector('.app-btn--primary').dispatchEvent('tap')
    await vi.waitFor(() => expect(calls.find((c) => c.api === 'makePhoneCall')?.options).toEqual({ phoneNumber: FACE_SESSION.help.hotline }))
    face.detach()
    bindings.detach()
  })

  it('when wx.requestFacialVerify fails (the person left), then the BFF is still asked and its answer is what the page shows', async () => {
    will('requestFacialVerify', { ok: false, errCode: 90004, errMsg: 'requestFacialVerify:fail cancel' })
    script(`POST /api/face/sessions/${FACE_SESSION.sessionId}/complete`, apiError(422, 'FACE_VERIFICATION_CANCELLED'))
    const { bindings, faceQuery } = await startEndingABinding()
    const face = await openFacePage(faceQuery)
    face.querySelector('.app-btn--primary').dispatchEvent('tap')
    await vi.waitFor(() => expect(face.dom.textContent).toContain('不计入失败次数'))
    expect(apisCalled()).not.toContain(`POST /api/bindings/${BINDINGS.asAuthorizer[0]!.bindingId}/end`)
    face.detach()
    bindings.detach()
  })

  it('when wx.requestFacialVerify says success but the BFF\'s query says the face did not match, then no ticket is used', async () => {
    script(`POST /api/face/sessions/${FACE_SESSION.sessionId}/complete`, apiError(422, 'FACE_VERIFICATION_FAILED'))
    const { bindings, faceQuery } = await startEndingABinding()
    const face = await openFacePage(faceQuery)
    face.querySelector('.app-btn--primary').dispatchEvent('tap')
    await vi.waitFor(() => expect(face.dom.textContent).toContain('验证未通过'))
    expect(apisCalled()).toContain('requestFacialVerify')
    expect(apisCalled()).not.toContain(`POST /api/bindings/${BINDINGS.asAuthorizer[0]!.bindingId}/end`)
    face.detach()
    bindings.detach()
  })
})

describe('weapp: login (wx.login + code2Session) and wx.checkSession', () => {
  async function tapWechatLogin() {
    const comp = renderPage('pages/login/index')
    await vi.waitFor(() => expect(comp.dom.textContent).toContain('微信一键登录'))
    comp.querySelector('.login__wechat .app-btn').dispatchEvent('tap')
    return comp
  }
  const loginCodes = () => (g.wx.request.mock.calls as Array<[WxRequest]>).map(([r]) => r).filter((r) => r.url.endsWith('/api/auth/login')).map((r) => (r.data as { code: string }).code)

  it('when WeChat says too frequent (45011) and then busy (-1), then each try takes a fresh wx.login code after a growing wait, and the third one logs in', async () => {
    script('POST /api/auth/login', apiError(429, 'WECHAT_RATE_LIMITED'), apiError(503, 'WECHAT_BUSY'))
    const started = Date.now()
    const comp = await tapWechatLogin()
    await vi.waitFor(() => expect(g.wx.reLaunch).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/index/index' })), { timeout: 8000 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900) // 1 s, then 2 s
    expect(loginCodes()).toEqual(['wx-code-1', 'wx-code-2', 'wx-code-3'])
    expect(storage.get('fs.session')).toEqual(SESSION)
    comp.detach()
  })

  it('when the code was already used (40163 → WECHAT_CODE_INVALID), then one fresh code is tried at once; a second refusal is shown', async () => {
    script('POST /api/auth/login', apiError(401, 'WECHAT_CODE_INVALID'), apiError(401, 'WECHAT_CODE_INVALID'))
    const comp = await tapWechatLogin()
    await vi.waitFor(() => expect(comp.dom.textContent).toContain('登录没有成功'))
    expect(loginCodes()).toEqual(['wx-code-1', 'wx-code-2'])
    expect(g.wx.reLaunch).not.toHaveBeenCalled()
    comp.detach()
  })

  it('when wx.login itself fails, then nothing is sent to the BFF and the page says so', async () => {
    will('login', { ok: false, errMsg: 'login:fail timeout' })
    const comp = await tapWechatLogin()
    await vi.waitFor(() => expect(comp.dom.textContent).toContain('登录没有成功'))
    expect(loginCodes()).toEqual([])
    comp.detach()
  })

  it('when the app comes back to the foreground with a WeChat session, then wx.checkSession is asked; when it lapsed, a fresh wx.login code logs in again quietly', async () => {
    storage.set('fs.session', SESSION)
    app.onShow?.({})
    await vi.waitFor(() => expect(apisCalled()).toContain('checkSession'))
    await tick()
    expect(apisCalled()).not.toContain('login')

    calls.length = 0
    will('checkSession', { ok: false, errMsg: 'checkSession:fail session time out' })
    app.onShow?.({})
    await vi.waitFor(() => expect(apisCalled()).toEqual(['checkSession', 'login', 'POST /api/auth/login']))
    expect(storage.get('fs.session')).toEqual(SESSION)
  })

  it('when there is no session, then coming back to the foreground asks WeChat nothing', async () => {
    app.onShow?.({})
    await tick()
    await tick()
    expect(apisCalled()).toEqual([])
  })
})

describe('weapp: the shared invitation (发送给家人) lands on /pages/invite', () => {
  it('when the invitee opens the card without a session, then the link is kept and login opens; after login she is sent back to it', async () => {
    const comp = renderPage('pages/invite/index', { t: LINK_TOKEN })
    await vi.waitFor(() => expect(g.wx.reLaunch).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/login/index' })))
    expect(storage.get('fs.pending-invite')).toBe(LINK_TOKEN)
    expect(apisCalled().some((a) => a.startsWith('GET /api/invitation-links'))).toBe(false)
    comp.detach()

    vi.mocked(g.wx.reLaunch).mockClear()
    const login = renderPage('pages/login/index')
    await vi.waitFor(() => expect(login.dom.textContent).toContain('微信一键登录'))
    login.querySelector('.login__wechat .app-btn').dispatchEvent('tap')
    await vi.waitFor(() => expect(g.wx.reLaunch).toHaveBeenCalledWith(expect.objectContaining({ url: `/pages/invite/index?t=${encodeURIComponent(LINK_TOKEN)}` })))
    login.detach()
  })

  it('when the invitee opens it logged in and accepts, then she is asked for the accept flow\'s templates first and the invitation is accepted', async () => {
    storage.set('fs.session', SESSION)
    const comp = renderPage('pages/invite/index', { t: LINK_TOKEN })
    await vi.waitFor(() => expect(comp.dom.textContent).toContain('邀请您共享使用其职工医保个人账户'))
    expect(storage.get('fs.pending-invite')).toBeUndefined()
    comp.querySelector('.app-btn--primary').dispatchEvent('tap')
    await vi.waitFor(() => expect(apisCalled()).toContain('POST /api/invitations/inv-link-1/accept'))
    const order = apisCalled().filter((a) => /showModal|requestSubscribeMessage|accept$/.test(a))
    expect(order).toEqual(['requestSubscribeMessage', 'POST /api/invitations/inv-link-1/accept'])
    expect(calls.find((c) => c.api === 'requestSubscribeMessage')?.options).toEqual({ tmplIds: templatesOfFlow('accept') })
    comp.detach()
  })

  it('when someone else opens it, then the page shows only that it cannot be shown', async () => {
    storage.set('fs.session', SESSION)
    script(`GET /api/invitation-links/${LINK_TOKEN}`, apiError(404, 'INVITATION_LINK_INVALID'))
    const comp = renderPage('pages/invite/index', { t: LINK_TOKEN })
    await vi.waitFor(() => expect(comp.dom.textContent).toContain('无法查看这条邀请'))
    expect(comp.dom.textContent).not.toContain('卓')
    expect(storage.get('fs.pending-invite')).toBeUndefined()
    comp.detach()
  })
})

/** A node of the Taro tree the compiled page renders from (its setData'd `root`): sid, children, props by short key. */
interface TaroNode {
  sid?: string
  v?: string
  cn?: TaroNode[]
  [prop: string]: unknown
}

/** The rendered node whose own text child is `text`, searched depth-first. */
function nodeWithText(node: TaroNode, text: string): TaroNode | undefined {
  if (node.cn?.some((child) => child.v === text)) return node
  for (const child of node.cn ?? []) {
    const found = nodeWithText(child, text)
    if (found) return found
  }
  return undefined
}

/** The short key base.wxml binds a <button>'s open-type to (i.p11 in this build): read from the compiled template, not assumed. */
function buttonOpenTypeKey(): string {
  const template = readFileSync(path.join(dist, 'base.wxml'), 'utf8')
  const key = /<button[^>]*\sopen-type="\{\{i\.(p\d+)\}\}"/.exec(template)?.[1]
  if (!key) throw new Error('base.wxml binds no open-type on <button>')
  return key
}

/** The card's title as the page's source words it (use-invitation-share.ts): about the service, never the people. */
const SHARE_TITLE = '家人邀请您开通医保个人账户家庭共济'

type SharePage = { onShareAppMessage(options: { from: 'button' | 'menu'; target?: unknown }): { title: string; path: string } }

describe('weapp: 发送给家人 on the compiled add-relative page shares the invitation card', () => {
  const zhuoma = DEMO_PEOPLE.items.find((p) => p.key === 'zhuoma')!
  const MOTHER = { name: zhuoma.name, idNumber: zhuoma.idNumber }
  const linkRoute = `POST /api/invitations/${invitation().invitationId}/link`

  /**
   * Fill the compiled form through its real nodes (a tap on the 父母 chip, input events with
   * detail.value), tap the submit, pass the face page through the recording wx, and wait for
   * the done view. Each event waits for its render: Taro's React commits a state change after
   * the event, and a submit tapped before that sees the empty form and does nothing.
   */
  async function inviteMother() {
    storage.set('fs.session', SESSION)
    const page = renderPage('pages/add-relative/index')
    await vi.waitFor(() => expect(page.dom.textContent).toContain('下一步：人脸验证'))
    page.querySelectorAll('.chip')[RELATIONS.indexOf('parent')]!.dispatchEvent('tap')
    await vi.waitFor(() => expect(page.dom.innerHTML).toMatch(/chip--active[^>]*>父母</))
    const [nameInput, idInput] = page.querySelectorAll('.text-input')
    nameInput!.dispatchEvent('input', { detail: { value: MOTHER.name } })
    idInput!.dispatchEvent('input', { detail: { value: MOTHER.idNumber } })
    await vi.waitFor(() => expect(page.dom.textContent).toContain('根据身份证号，这位家人'))

    page.querySelector('.app-btn--primary').dispatchEvent('tap')
    await vi.waitFor(() => expect(g.wx.navigateTo).toHaveBeenCalled())
    const url = (calls.find((c) => c.api === 'navigateTo')?.options.url ?? '') as string
    expect(url.startsWith('/pages/face/index?purpose=bind&rid=')).toBe(true)
    // The relative's ID number never travels in a URL (h5 keeps URLs in the address bar and history).
    expect(url).not.toContain(MOTHER.idNumber)
    const face = await openFacePage(queryOf(url))
    face.querySelector('.app-btn--primary').dispatchEvent('tap')
    await vi.waitFor(() => expect(page.dom.textContent).toContain('邀请已发送'))
    return { page, face, share: page.instance as unknown as SharePage }
  }

  it('when an invitation is made, then the 发送给家人 button (open-type="share") and onShareAppMessage give a card that opens /pages/invite with the signed link token', async () => {
    const { page, face, share } = await inviteMother()
    await vi.waitFor(() => expect(page.dom.textContent).toContain('发送给家人'))

    // The wx calls and BFF requests of the whole flow, in order.
    const order = apisCalled().filter((a) => !/GET \/api\/(policy|commitment|face\/status)/.test(a))
    expect(order).toEqual([
      'requestSubscribeMessage',
      'POST /api/subscriptions',
      'POST /api/invitations/check',
      'navigateTo',
      'POST /api/face/sessions',
      'checkIsSupportFacialRecognition',
      'requestFacialVerify',
      `POST /api/face/sessions/${FACE_SESSION.sessionId}/complete`,
      'POST /api/invitations',
      linkRoute,
    ])
    expect(calls.find((c) => c.api === 'requestSubscribeMessage')?.options).toEqual({ tmplIds: templatesOfFlow('invite') })
    expect(requestBody('POST /api/invitations')).toEqual({ ...MOTHER, relation: 'parent', faceTicket: FACE_TICKET.ticket, commitmentVersion: COMMITMENT.version })

    // The button is WeChat's share button of the compiled template, not a tap handler of ours.
    const button = nodeWithText((page.instance.data as { root: TaroNode }).root, '发送给家人')
    expect(button?.[buttonOpenTypeKey()]).toBe('share')

    // WeChat asks the page for the card: from the button (with its target) and from the menu.
    const fromButton = share.onShareAppMessage({ from: 'button', target: { id: button!.sid, dataset: { sid: button!.sid } } })
    expect(fromButton).toEqual({ title: SHARE_TITLE, path: `/pages/invite/index?t=${INVITATION_LINK.token}` })
    expect(share.onShareAppMessage({ from: 'menu' })).toEqual(fromButton)
    expect(fromButton.title).not.toMatch(/卓|扎/) // a chat list shows the title: no names (issue 11)
    face.detach()
    page.detach()
  })

  it('when the BFF refuses the link (409 INVITATION_NOT_PENDING), then there is no share button, the refusal is shown, and a share opens home rather than a broken invitation path', async () => {
    script(linkRoute, apiError(409, 'INVITATION_NOT_PENDING'))
    const { page, face, share } = await inviteMother()
    await vi.waitFor(() => expect(page.dom.textContent).toContain('这条邀请已被处理'))
    expect(apisCalled()).toContain(linkRoute)
    expect(page.dom.textContent).not.toContain('发送给家人')
    expect(nodeWithText((page.instance.data as { root: TaroNode }).root, '发送给家人')).toBeUndefined()

    expect(share.onShareAppMessage({ from: 'menu' })).toEqual({ title: SHARE_TITLE, path: '/pages/index/index' })
    face.detach()
    page.detach()
  })
})
