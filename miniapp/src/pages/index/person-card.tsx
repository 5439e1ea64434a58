import { View, Text } from '@tarojs/components'
import { formatYuan, type Home, type MyPerson } from '@family-share/shared'
import { policyWords } from '@/i18n/policy-words'
import { insuranceLabel, PERSON_STATUS_LABELS } from '@/i18n/labels'
import { useLargeText } from '@/hooks/useLargeText'
import { cx } from '@/utils/cx'
import { FOCUSABLE } from '@/utils/a11y'

interface PersonCardProps {
  person: MyPerson
  policy: Home['policy']
}

/** My e-credential, insurance, balance and (R13) the part relatives may use. */
export function PersonCard({ person, policy }: PersonCardProps) {
  const [large, setLarge] = useLargeText()
  const hasAccount = person.insurance === 'employee'
  const { floor } = policyWords(policy)
  return (
    <View className='person-card'>
      <View className='person-card__top'>
        <View>
          <View className='person-card__name'>{person.name}</View>
          <View className='person-card__id nowrap'>{person.maskedIdNumber}</View>
        </View>
        <View className={cx('person-card__large', large && 'person-card__large--on')} role='switch' {...FOCUSABLE} aria-checked={large} onClick={() => setLarge(!large)}>
          {large ? '大字：开' : '大字：关'}
        </View>
      </View>
      <View className='person-card__chips'>
        <Text className='person-card__chip'>{person.eCredential.mode === 'guardian' ? '电子凭证（监护人激活）' : '医保电子凭证已激活'}</Text>
        <Text className='person-card__chip'>{insuranceLabel(person.insurance)}</Text>
        <Text className={cx('person-card__chip', person.status !== 'active' && 'person-card__chip--warn')}>{PERSON_STATUS_LABELS[person.status]}</Text>
      </View>
      {hasAccount ? (
        <View className='person-card__money'>
          <View className='person-card__label'>职工医保个人账户余额</View>
          <View className='person-card__balance nowrap'>{formatYuan(person.balance)}</View>
          <View className='person-card__usable'>
            <View>
              <View className='person-card__label'>可供家人使用</View>
              <View className='person-card__usable-amount nowrap'>{formatYuan(person.usableForFamily)}</View>
            </View>
            <View className='person-card__note'>
              {policy.reserveMode === 'floor' ? `账户需保留${floor}，超出部分可供家人使用` : `余额高于${floor}时，家人可以使用`}
            </View>
          </View>
        </View>
      ) : (
        <View className='person-card__money'>
          <View className='person-card__note'>城乡居民医保参保人没有职工医保个人账户；家人可以把他们的个人账户共享给您使用。</View>
        </View>
      )}
    </View>
  )
}
