import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { BindingView } from '@family-share/shared'
import { AppButton } from '@/components/app-button'
import { Card } from '@/components/card'
import { Notice } from '@/components/notice'
import { useAction } from '@/hooks/useAction'
import { messageOf } from '@/i18n/error-messages'
import { usePolicy } from '@/hooks/usePolicy'
import { call } from '@/services/http'

interface AuthorizerOrderProps {
  /** My active authorizers, in their current order. */
  authorizers: BindingView[]
  onSaved: () => unknown
}

/** R14: with several authorizers, a charge walks my order; I move them up and down. */
export function AuthorizerOrder({ authorizers, onSaved }: AuthorizerOrderProps) {
  const [order, setOrder] = useState(authorizers)
  const words = usePolicy()
  useEffect(() => setOrder(authorizers), [authorizers])
  const save = useAction(async () => {
    await call('setPreferences', { body: { authorizerOrder: order.map((b) => b.bindingId) } })
    Taro.showToast({ title: '顺序已保存', icon: 'success' })
    await onSaved()
  })

  const move = (index: number, by: -1 | 1) => {
    const next = [...order]
    const [item] = next.splice(index, 1)
    if (!item) return
    next.splice(index + by, 0, item)
    setOrder(next)
  }
  const changed = order.some((b, i) => b.bindingId !== authorizers[i]?.bindingId)

  return (
    <Card title='扣款顺序'>
      <View className='order__tip'>看病买药时，先用排在前面的家人账户，不足时再用下一位的{words ? `（每位家人账户都保留${words.floor}）` : ''}。</View>
      {order.map((b, index) => (
        <View key={b.bindingId} className='order__row'>
          <View className='order__no'>{index + 1}</View>
          <View className='order__name'>{b.counterpart.maskedName}</View>
          <AppButton type='secondary' size='small' disabled={index === 0} onClick={() => move(index, -1)}>
            上移
          </AppButton>
          <AppButton type='secondary' size='small' className='order__down' disabled={index === order.length - 1} onClick={() => move(index, 1)}>
            下移
          </AppButton>
        </View>
      ))}
      {save.error ? <Notice tone='danger'>{messageOf(save.error)}</Notice> : null}
      {changed && (
        <AppButton type='primary' block className='order__save' loading={save.busy} onClick={save.run}>
          保存扣款顺序
        </AppButton>
      )}
    </Card>
  )
}
