import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { lastFour } from '@/i18n/labels'
import { cx } from '@/utils/cx'
import './index.scss'

interface RelativeHeadProps {
  /** Masked already by the BFF: 卓*, 5401**********2428. */
  maskedName: string
  maskedIdNumber?: string
  /** The relation as the reader says it, first (item 8): 我的儿子, 我的母亲 (labels.relativeWord). */
  relation: string
  /** Another relative has the same masked name: add the last four of the ID number. */
  showLastFour?: boolean
  /** A line under the name instead of the masked ID number. */
  sub?: ReactNode
  /** The status tag on the right. */
  aside?: ReactNode
  avatar?: boolean
  muted?: boolean
}

/** The head of a card about a relative: avatar, relation · masked name, masked ID, status. */
export function RelativeHead({ maskedName, maskedIdNumber, relation, showLastFour = false, sub, aside, avatar = true, muted = false }: RelativeHeadProps) {
  const tail = showLastFour ? lastFour(maskedIdNumber) : null
  return (
    <View className={cx('relative-head', muted && 'relative-head--muted')}>
      {avatar && <View className='relative-head__avatar'>{maskedName.slice(0, 1)}</View>}
      <View className='relative-head__who'>
        <View className='relative-head__name'>
          <Text className='relative-head__relation'>{relation}</Text>
          <Text className='relative-head__dot'>·</Text>
          <Text>{maskedName}</Text>
          {tail && <Text className='relative-head__tail'>{tail}</Text>}
        </View>
        {sub !== undefined ? <View className='relative-head__sub'>{sub}</View> : <View className='relative-head__sub nowrap'>{maskedIdNumber}</View>}
      </View>
      {aside}
    </View>
  )
}
