import Taro from '@tarojs/taro'
import { wait } from '@/utils/wechat'
import { ApiError, call, isApiError } from './http'
import { clearSession, readSession, saveSession } from './session'

export async function loginWithCode(code: string): Promise<void> {
  saveSession(await call('login', { body: { code } }))
}

/** Waits before the 2nd and 3rd try when WeChat says too frequent (45011) or busy (-1). */
export const LOGIN_BACKOFF_MS = [1000, 2000] as const

/** A fresh code from wx.login; its failure (no network, WeChat not ready) is a NETWORK_ERROR. */
async function wxCode(): Promise<string> {
  try {
    return (await Taro.login()).code
  } catch (error) {
    throw new ApiError('NETWORK_ERROR', 0, (error as { errMsg?: string } | null)?.errMsg ?? 'wx.login failed')
  }
}

/**
 * weapp: wx.login's code → the BFF → code2Session. A code is good once and for five minutes,
 * so every try takes a fresh one: an invalid or used code (40029/40163) is tried once more at
 * once; WeChat's rate limit (45011) and "busy" (-1) are tried again after a growing wait; any
 * other failure, or the last try, reaches the page.
 */
export async function loginWithWechat(): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await loginWithCode(await wxCode())
      return
    } catch (error) {
      const code = isApiError(error) ? error.code : null
      const backoff = code === 'WECHAT_RATE_LIMITED' || code === 'WECHAT_BUSY' ? LOGIN_BACKOFF_MS[attempt] : undefined
      if (code === 'WECHAT_CODE_INVALID' && attempt === 0) continue
      if (backoff === undefined) throw error
      await wait(backoff)
    }
  }
}

/**
 * weapp, when the app comes back to the foreground: wx.checkSession says whether WeChat's
 * login state of this phone still holds. When it lapsed, log in again quietly with a fresh
 * wx.login code, so that the BFF session keeps matching the WeChat account on the phone. A
 * demo session (h5) or no session at all is left alone; a failed quiet login leaves the
 * current session as it is (the next call that is refused sends the person to login).
 */
export async function keepWechatSessionFresh(): Promise<void> {
  if (!readSession() || Taro.getStorageSync(DEMO_ACCOUNT_KEY)) return
  const valid = await Taro.checkSession().then(
    () => true,
    () => false,
  )
  if (!valid) await loginWithWechat().catch(() => undefined)
}

const DEMO_ACCOUNT_KEY = 'fs.demo-account'

/** h5 demo: the BFF's demo endpoint plays the phone's wx.login for a demo account. */
export async function loginAsDemoPerson(openid: string): Promise<void> {
  const { code } = await call('demoCode', { body: { openid } })
  await loginWithCode(code)
  Taro.setStorageSync(DEMO_ACCOUNT_KEY, openid)
}

/** DEMO: the demo person this phone logged in as, so that a form can offer their registry data. */
export async function currentDemoPerson() {
  const openid: unknown = Taro.getStorageSync(DEMO_ACCOUNT_KEY)
  if (typeof openid !== 'string' || !openid) return null
  const { items } = await listDemoPeople()
  return items.find((p) => p.openid === openid) ?? null
}

export const listDemoPeople = () => call('demoPeople')

/** Ends the session on the server when possible; the phone forgets it either way. */
export async function logout(): Promise<void> {
  try {
    await call('logout')
  } finally {
    clearSession()
    Taro.removeStorageSync(DEMO_ACCOUNT_KEY)
  }
}
