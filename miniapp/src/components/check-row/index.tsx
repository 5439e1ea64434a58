import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { cx } from '@/utils/cx'
import './index.scss'
import { FOCUSABLE } from '@/utils/a11y'

interface CheckRowProps {
  checked: boolean
  onChange: (checked: boolean) => void
  children: ReactNode
  disabled?: boolean
  /** Tapped while disabled: say why it is disabled. */
  onDisabledTap?: () => void
}

export function CheckRow({ checked, onChange, children, disabled = false, onDisabledTap }: CheckRowProps) {
  return (
    <View
      className={cx('check-row', checked && 'check-row--checked', disabled && 'check-row--disabled')}
      role='checkbox'
      {...FOCUSABLE}
      aria-checked={checked}
      aria-disabled={disabled}
      onClick={() => (disabled ? onDisabledTap?.() : onChange(!checked))}
    >
      <View className='check-row__box'>{checked && <View className='check-row__tick' />}</View>
      <View>{children}</View>
    </View>
  )
}
