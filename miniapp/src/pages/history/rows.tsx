import { Text, View } from '@tarojs/components'
import { formatYuan, type DeductionView, type PaymentView } from '@family-share/shared'
import { INSTITUTION_KIND_LABELS, relativeWord } from '@/i18n/labels'
import { formatDateTime } from '@/utils/time'

/** maskedIdOf: the masked ID number of my relatives by binding, to say 我的母亲 rather than 我的父母. */
export function DeductionRow({ item, maskedIdOf }: { item: DeductionView; maskedIdOf?: ReadonlyMap<string, string> }) {
  const { spender } = item
  const maskedId = spender.bindingId ? maskedIdOf?.get(spender.bindingId) : undefined
  const who = spender.self ? '本人' : spender.relation ? `${relativeWord(spender.relation, maskedId)} · ${spender.maskedName}` : spender.maskedName
  const what =
    item.kind === 'premium'
      ? `代缴${item.year ?? ''}年度居民医保费`
      : item.institution
        ? `${item.institution.name}`
        : '医保结算'
  return (
    <View className='record'>
      <View className='record__main'>
        <View className='record__title'>{who}</View>
        <View className='record__what'>
          {what}
          {item.kind === 'settlement' && item.institution && <View className='record__kind'>{INSTITUTION_KIND_LABELS[item.institution.kind]}</View>}
        </View>
        <View className='record__time nowrap'>{formatDateTime(item.at)}</View>
      </View>
      <View className='record__side'>
        <View className='record__amount amount-out nowrap'>-{formatYuan(item.amount)}</View>
        <View className='record__after nowrap'>余额 {formatYuan(item.balanceAfter)}</View>
      </View>
    </View>
  )
}

export function PaymentRow({ item }: { item: PaymentView }) {
  const parts: Array<[string, number]> = [
    ['本人账户', item.own],
    ...item.shared.map((s): [string, number] => [`${s.maskedName}的账户（家庭共济）`, s.amount]),
    ['现金或其他方式自付', item.cash],
  ]
  return (
    <View className='record record--payment'>
      <View className='record__top'>
        <View className='record__main'>
          <View className='record__title'>{item.institution.name}</View>
          <View className='record__time'>
            {INSTITUTION_KIND_LABELS[item.institution.kind]} · <Text className='nowrap'>{formatDateTime(item.at)}</Text>
          </View>
        </View>
        <View className='record__side'>
          <View className='record__amount nowrap'>{formatYuan(item.charge)}</View>
          <View className='record__after'>本次费用</View>
        </View>
      </View>
      <View className='record__split'>
        {parts
          .filter(([, amount]) => amount > 0)
          .map(([label, amount]) => (
            <View key={label} className='record__part'>
              <View>{label}</View>
              <View className='record__part-amount nowrap'>{formatYuan(amount)}</View>
            </View>
          ))}
      </View>
    </View>
  )
}
