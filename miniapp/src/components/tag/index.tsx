import type { ReactNode } from 'react'
import { Text } from '@tarojs/components'
import { cx } from '@/utils/cx'
import './index.scss'

interface TagProps {
  children: ReactNode
  tone?: 'brand' | 'success' | 'warning' | 'danger' | 'neutral' | 'demo'
  className?: string
}

export function Tag({ children, tone = 'neutral', className }: TagProps) {
  return <Text className={cx('tag', `tag--${tone}`, className)}>{children}</Text>
}
