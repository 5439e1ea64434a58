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

/**
 * h5: Taro draws dialogs and toasts outside every page, so the switch also marks <html>
 * (app.scss styles `.fs-large .taro-modal__*`). weapp's dialogs are WeChat's own and follow
 * the phone's font size.
 */
function markDocument(on: boolean): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.documentElement.classList.toggle('fs-large', on)
}

export function setLargeText(on: boolean): void {
  Taro.setStorageSync(KEY, on)
  markDocument(on)
  Taro.eventCenter.trigger(CHANGED, on)
}

export function useLargeText(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(readLargeText)
  useEffect(() => {
    markDocument(readLargeText())
    const listener = (value: boolean) => setOn(value)
    Taro.eventCenter.on(CHANGED, listener)
    return () => {
      Taro.eventCenter.off(CHANGED, listener)
    }
  }, [])
  return [on, setLargeText]
}
