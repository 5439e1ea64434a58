import Taro from '@tarojs/taro'

/**
 * The invitation link (发送给家人) an invitee opened before she could see it: not logged in,
 * or without an activated e-credential. Login and activation bring her back to it. Only the
 * signed token is kept, which tells nothing by itself.
 */
const KEY = 'fs.pending-invite'
export const INVITE_PAGE = '/pages/invite/index'

export function rememberInvite(token: string): void {
  Taro.setStorageSync(KEY, token)
}

export function forgetInvite(): void {
  Taro.removeStorageSync(KEY)
}

/** Where to go after login or activation: the pending invitation, else the given page. */
export function afterSignIn(fallback: string): string {
  const token: unknown = Taro.getStorageSync(KEY)
  return typeof token === 'string' && token ? `${INVITE_PAGE}?t=${encodeURIComponent(token)}` : fallback
}
