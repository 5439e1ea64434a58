import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { cx } from '@/utils/cx'
import './index.scss'

interface NoticeProps {
  children: ReactNode
  title?: ReactNode
  tone?: 'info' | 'warning' | 'danger' | 'success'
  className?: string
}

/** An inline message inside a page: a form error, an explanation, a rule. */
export function Notice({ children, title, tone = 'info', className }: NoticeProps) {
  return (
    <View className={cx('notice', `notice--${tone}`, className)}>
      {title && <View className='notice__title'>{title}</View>}
      <View>{children}</View>
    </View>
  )
}
