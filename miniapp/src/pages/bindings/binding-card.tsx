import { Text, View } from '@tarojs/components'
import type { BindingView } from '@family-share/shared'
import { AppButton } from '@/components/app-button'
import { RelativeHead } from '@/components/relative-head'
import { Tag } from '@/components/tag'
import { endReasonFor, insuranceLabel, relationToMe, relativeWord } from '@/i18n/labels'
import { formatDate } from '@/utils/time'

interface BindingCardProps {
  binding: BindingView
  ending: boolean
  /** R14: the payment order only means something when the policy allows several authorizers. */
  showRank?: boolean
  /** Another relative has the same masked name (item 8). */
  confusable?: boolean
  onEnd?: () => unknown
}

export function BindingCard({ binding, ending, showRank = false, confusable = false, onEnd }: BindingCardProps) {
  const active = binding.status === 'active'
  const iAmAuthorizer = binding.role === 'authorizer'
  return (
    <View className={active ? 'binding' : 'binding binding--ended'}>
      <RelativeHead
        {...binding.counterpart}
        relation={relativeWord(relationToMe(binding.relation, binding.role), binding.counterpart.maskedIdNumber)}
        showLastFour={confusable}
        muted={!active}
        aside={active ? <Tag tone='success'>生效中</Tag> : <Tag tone='neutral'>已解除</Tag>}
      />
      <View className='binding__meta'>
        <View className='binding__line'>
          <View className='binding__key'>{!active ? '建立时间' : iAmAuthorizer ? '对方使用我的账户' : '我使用对方的账户'}</View>
          <View className='nowrap'>{active ? `自${formatDate(binding.since)}起` : formatDate(binding.since)}</View>
        </View>
        {iAmAuthorizer && (
          <View className='binding__line'>
            <View className='binding__key'>对方参保类型</View>
            <View>{insuranceLabel(binding.counterpartInsurance)}</View>
          </View>
        )}
        {showRank && !iAmAuthorizer && active && binding.rank !== null && (
          <View className='binding__line'>
            <View className='binding__key'>扣款顺序</View>
            <View>第{binding.rank}位</View>
          </View>
        )}
        {!active && (
          <View className='binding__line'>
            <View className='binding__key'>解除</View>
            <View className='binding__value'>
              {binding.endedAt ? <Text className='nowrap'>{formatDate(binding.endedAt)} </Text> : null}
              {binding.endReason ? endReasonFor(binding.endReason, binding.role) : ''}
            </View>
          </View>
        )}
      </View>
      {active && onEnd && (
        <View className='binding__actions'>
          <AppButton type='danger' size='small' loading={ending} onClick={onEnd}>
            解除共济
          </AppButton>
        </View>
      )}
    </View>
  )
}
