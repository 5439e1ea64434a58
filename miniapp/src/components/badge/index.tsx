import { View } from '@tarojs/components'
import { cx } from '@/utils/cx'
import './index.scss'

interface BadgeProps {
  count: number
  className?: string
}

/** A red count; nothing at all for zero. */
export function Badge({ count, className }: BadgeProps) {
  if (count <= 0) return null
  return <View className={cx('badge', className)}>{count > 99 ? '99+' : count}</View>
}
