import Taro from '@tarojs/taro'
import type { TokenPair } from '@family-share/shared'

/** The token pair lives in Taro storage (localStorage on h5, wx storage on weapp). */
const KEY = 'fs.session'

export interface StoredSession {
  accessToken: string
  refreshToken: string
}

export function readSession(): StoredSession | null {
  const value: unknown = Taro.getStorageSync(KEY)
  if (value && typeof value === 'object' && 'accessToken' in value && 'refreshToken' in value) {
    const { accessToken, refreshToken } = value as StoredSession
    if (typeof accessToken === 'string' && typeof refreshToken === 'string') return { accessToken, refreshToken }
  }
  return null
}

export function saveSession(pair: TokenPair): void {
  Taro.setStorageSync(KEY, { accessToken: pair.accessToken, refreshToken: pair.refreshToken })
}

export function clearSession(): void {
  Taro.removeStorageSync(KEY)
}

export function hasSession(): boolean {
  return readSession() !== null
}
