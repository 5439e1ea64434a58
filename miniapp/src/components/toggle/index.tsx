import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { cx } from '@/utils/cx'
import './index.scss'
import { FOCUSABLE } from '@/utils/a11y'

interface ToggleProps {
  checked: boolean
  onChange: (checked: boolean) => void
  label: ReactNode
  description?: ReactNode
}

/** A labelled on/off switch; the whole row is the tap target. */
export function Toggle({ checked, onChange, label, description }: ToggleProps) {
  return (
    <View className={cx('toggle', checked && 'toggle--on')} role='switch' {...FOCUSABLE} aria-checked={checked} onClick={() => onChange(!checked)}>
      <View className='toggle__text'>
        <View className='toggle__label'>{label}</View>
        {description && <View className='toggle__desc'>{description}</View>}
      </View>
      <View className='toggle__track'>
        <View className='toggle__knob' />
      </View>
    </View>
  )
}
