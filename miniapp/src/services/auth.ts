import Taro from '@tarojs/taro'
import { call } from './http'
import { clearSession, saveSession } from './session'

export async function loginWithCode(code: string): Promise<void> {
  saveSession(await call('login', { body: { code } }))
}

/** weapp: the code comes from wx.login. */
export async function loginWithWechat(): Promise<void> {
  const { code } = await Taro.login()
  await loginWithCode(code)
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
