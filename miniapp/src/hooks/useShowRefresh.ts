import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/**
 * Reloads when the page comes back into view (after a sub-page changed something), but not
 * on the first show: the page's own load already runs then.
 */
export function useShowRefresh(reload: () => unknown): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
}
