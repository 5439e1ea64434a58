import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { cx } from '@/utils/cx'
import './index.scss'

interface CardProps {
  children: ReactNode
  title?: ReactNode
  extra?: ReactNode
  tone?: 'plain' | 'brand' | 'warning'
  spacing?: 'normal' | 'tight'
  className?: string
  onClick?: () => void
}

export function Card({ children, title, extra, tone = 'plain', spacing = 'normal', className, onClick }: CardProps) {
  return (
    <View className={cx('card', tone !== 'plain' && `card--${tone}`, spacing === 'tight' && 'card--tight', className)} onClick={onClick}>
      {(title || extra) && (
        <View className='card__head'>
          <View className='card__title'>{title}</View>
          {extra && <View className='card__extra'>{extra}</View>}
        </View>
      )}
      {children}
    </View>
  )
}
