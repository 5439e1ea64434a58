/**
 * The partial mock of @tarojs/taro for page tests: taro-h5 (the alias) has the API but not
 * the page hooks (the Taro build adds those), and navigation needs a router we do not run.
 * Use in a test file:
 *   vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
 */
import { vi } from 'vitest'

export const router: { params: Record<string, string> } = { params: {} }

/**
 * The latest callback the page gave each hook (hooks run on every render, so the last one has
 * the current state), to fire by hand: fire('reachBottom'), fire('unload').
 */
export const hooks: Record<string, () => void> = {}

const register = (name: string) => (fn: () => void) => {
  hooks[name] = fn
}

export function resetTaroMock(): void {
  router.params = {}
  for (const key of Object.keys(hooks)) delete hooks[key]
}

export function fire(name: string): void {
  hooks[name]?.()
}

export function taroMock(actual: Record<string, unknown> & { default: Record<string, unknown> }) {
  const api = {
    navigateTo: vi.fn(async () => ({ errMsg: 'navigateTo:ok' })),
    redirectTo: vi.fn(async () => ({ errMsg: 'redirectTo:ok' })),
    reLaunch: vi.fn(async () => ({ errMsg: 'reLaunch:ok' })),
    navigateBack: vi.fn(async () => ({ errMsg: 'navigateBack:ok' })),
    showModal: vi.fn(async () => ({ confirm: true, cancel: false })),
    showToast: vi.fn(async () => ({})),
    stopPullDownRefresh: vi.fn(),
    getCurrentPages: vi.fn(() => [{ route: 'pages/index/index' }, { route: 'pages/current/index' }]),
    request: vi.fn(),
    login: vi.fn(async () => ({ code: 'wx-code-1', errMsg: 'login:ok' })),
    setClipboardData: vi.fn(async () => ({ errMsg: 'setClipboardData:ok' })),
    makePhoneCall: vi.fn(async () => ({ errMsg: 'makePhoneCall:ok' })),
  }
  const pageHooks = {
    useRouter: () => router,
    useLoad: register('load'),
    useDidShow: register('show'),
    useUnload: register('unload'),
    useReachBottom: register('reachBottom'),
    usePullDownRefresh: register('pullDownRefresh'),
    useLaunch: register('launch'),
    useShareAppMessage: register('share'),
  }
  // The Taro build puts the whole API on the default export; taro-h5 alone only names it.
  const { default: base, ...named } = actual
  return { ...actual, ...api, ...pageHooks, default: { ...base, ...named, ...api, ...pageHooks } }
}
