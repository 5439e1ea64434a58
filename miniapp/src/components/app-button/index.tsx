import { useRef, useState, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { cx } from '@/utils/cx'
import './index.scss'
import { FOCUSABLE } from '@/utils/a11y'

export interface AppButtonProps {
  children: ReactNode
  type?: 'primary' | 'secondary' | 'danger' | 'plain'
  size?: 'large' | 'normal' | 'small'
  block?: boolean
  /** Shown as a spinner; taps are ignored meanwhile. */
  loading?: boolean
  disabled?: boolean
  /** A returned promise keeps the button busy until it settles: no double submission. */
  onClick?: () => unknown
  className?: string
}

export function AppButton({ children, type = 'primary', size = 'normal', block = false, loading = false, disabled = false, onClick, className }: AppButtonProps) {
  const [pending, setPending] = useState(false)
  const inFlight = useRef(false)
  const busy = loading || pending

  const handleClick = () => {
    if (disabled || busy || inFlight.current || !onClick) return
    const result = onClick()
    if (result && typeof (result as Promise<unknown>).finally === 'function') {
      inFlight.current = true
      setPending(true)
      void (result as Promise<unknown>)
        .catch(() => undefined)
        .finally(() => {
          inFlight.current = false
          setPending(false)
        })
    }
  }

  return (
    <View
      className={cx('app-btn', `app-btn--${type}`, `app-btn--${size}`, block && 'app-btn--block', disabled && 'app-btn--disabled', busy && 'app-btn--busy', className)}
      hoverClass={disabled || busy ? 'none' : 'app-btn__hover'}
      role='button'
      {...FOCUSABLE}
      aria-disabled={disabled || busy}
      onClick={handleClick}
    >
      {busy && <View className='app-btn__spinner' />}
      {children}
    </View>
  )
}
