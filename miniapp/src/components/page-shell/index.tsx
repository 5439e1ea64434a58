import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useLargeText } from '@/hooks/useLargeText'
import { cx } from '@/utils/cx'

interface PageShellProps {
  children: ReactNode
  /** 'flush': no side padding, for pages with a full-width header. */
  padding?: 'normal' | 'flush'
  className?: string
}

/** Every page's root: carries the large-text class (app.scss) that scales text and tap targets. */
export function PageShell({ children, padding = 'normal', className }: PageShellProps) {
  const [large] = useLargeText()
  return <View className={cx('page', large && 'page--large', padding === 'flush' && 'page--flush', className)}>{children}</View>
}
