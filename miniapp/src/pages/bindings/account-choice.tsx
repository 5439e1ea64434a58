import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import { Notice } from '@/components/notice'
import { useAction } from '@/hooks/useAction'
import { call } from '@/services/http'
import { messageOf } from '@/i18n/error-messages'
import { cx } from '@/utils/cx'
import { FOCUSABLE } from '@/utils/a11y'

type Choice = 'own' | 'authorizer'

const OPTIONS: ReadonlyArray<{ value: Choice; title: string; text: string }> = [
  { value: 'own', title: '优先使用本人账户', text: '默认方式：先用自己的个人账户，不足部分再用家人的。' },
  { value: 'authorizer', title: '优先使用家人账户', text: '两个账户都够支付时，使用家人共享给您的账户。' },
]

/** R11: an employee-insured beneficiary chooses which account pays when both could. */
export function AccountChoice({ value, onSaved }: { value: Choice; onSaved: () => unknown }) {
  const save = useAction(async (choice: Choice) => {
    await call('setPreferences', { body: { accountChoice: choice } })
    Taro.showToast({ title: '已保存', icon: 'success' })
    await onSaved()
  })
  return (
    <Card title='结算时优先使用'>
      {OPTIONS.map((option) => (
        <View
          key={option.value}
          className={cx('choice', option.value === value && 'choice--active', save.busy && 'choice--busy')}
          role='radio'
          {...FOCUSABLE}
          aria-checked={option.value === value}
          onClick={() => option.value !== value && void save.run(option.value)}
        >
          <View className='choice__radio' />
          <View>
            <View className='choice__title'>{option.title}</View>
            <View className='choice__text'>{option.text}</View>
          </View>
        </View>
      ))}
      {save.error ? <Notice tone='danger'>{messageOf(save.error)}</Notice> : null}
      <View className='choice__note'>本人账户余额不足时，差额自动由家人账户支付；在医院或药店结算时也可以当场选择。</View>
    </Card>
  )
}
