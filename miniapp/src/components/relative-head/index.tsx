import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { cx } from '@/utils/cx'
import './index.scss'

interface RelativeHeadProps {
  /** Masked already by the BFF: 卓*, 5401**********2428. */
  maskedName: string
  maskedIdNumber?: string
  /** The relation as the reader says it (从我这边看): 父母, 子女… */
  relation: string
  /** A line under the name instead of the masked ID number. */
  sub?: ReactNode
  /** The status tag on the right. */
  aside?: ReactNode
  avatar?: boolean
  muted?: boolean
}

/** The head of a card about a relative: avatar, masked name, relation, masked ID, status. */
export function RelativeHead({ maskedName, maskedIdNumber, relation, sub, aside, avatar = true, muted = false }: RelativeHeadProps) {
  return (
    <View className={cx('relative-head', muted && 'relative-head--muted')}>
      {avatar && <View className='relative-head__avatar'>{maskedName.slice(0, 1)}</View>}
      <View className='relative-head__who'>
        <View className='relative-head__name'>
          {maskedName}
          <View className='relative-head__relation'>{relation}</View>
        </View>
        {sub !== undefined ? <View className='relative-head__sub'>{sub}</View> : <View className='relative-head__sub'>{maskedIdNumber}</View>}
      </View>
      {aside}
    </View>
  )
}
