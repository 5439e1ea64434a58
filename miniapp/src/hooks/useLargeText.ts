import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

/**
 * Large-text mode (适老化), persisted in Taro storage. Every mounted page listens, so turning
 * it on in one page updates the pages below it in the stack too.
 */
const KEY = 'fs.largeText'
const CHANGED = 'fs:large-text-changed'

export function readLargeText(): boolean {
  return Taro.getStorageSync(KEY) === true
}

export function setLargeText(on: boolean): void {
  Taro.setStorageSync(KEY, on)
  Taro.eventCenter.trigger(CHANGED, on)
}

export function useLargeText(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(readLargeText)
  useEffect(() => {
    const listener = (value: boolean) => setOn(value)
    Taro.eventCenter.on(CHANGED, listener)
    return () => {
      Taro.eventCenter.off(CHANGED, listener)
    }
  }, [])
  return [on, setLargeText]
}
