/**
 * The weapp build talks to WeChat's own phone APIs; the h5 build has none of them (it keeps
 * the demo stand-ins). Taro 4.2 promisifies most of them; wx.requestFacialVerify (base library
 * 3.8.12+) it does not know, and wx.checkIsSupportFacialRecognition it passes through without
 * a promise, so both are reached through the `wx` global, typed as documented.
 */
export const IS_WEAPP = process.env.TARO_ENV === 'weapp'

export interface WxFail {
  errMsg: string
  errCode?: number
}

interface WxGlobal {
  checkIsSupportFacialRecognition?: (options: { success?: (res: { errMsg: string }) => void; fail?: (err: WxFail) => void }) => void
  requestFacialVerify?: (options: { verifyId: string; success?: (res: { errMsg: string }) => void; fail?: (err: WxFail) => void }) => void
}

/** The weapp's `wx`, or null where there is none (h5, tests of the React pages). */
export function wxGlobal(): WxGlobal | null {
  return typeof wx === 'undefined' ? null : (wx as unknown as WxGlobal)
}

/** Waits `ms`; a module of its own so that tests can see the back-off without sleeping through it. */
export const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
