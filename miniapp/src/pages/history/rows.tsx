import { useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatYuan, type DeductionView, type PaymentView } from '@family-share/shared'
import { Tag } from '@/components/tag'
import { INSTITUTION_KIND_LABELS, relativeWord } from '@/i18n/labels'
import { cx } from '@/utils/cx'
import { formatDateTime } from '@/utils/time'
import './rows.scss'

// ---- the link between a refund and its original (R23, R24) ----
// A tap on one end scrolls to the other and lights it up for a moment. The rows are siblings
// in the page's list, so the lit row is kept here, outside React's tree, for every row to read.

let litSeq: string | null = null
const listeners = new Set<() => void>()
const LIT_MS = 2400

function light(seq: string | null): void {
  litSeq = seq
  listeners.forEach((listener) => listener())
}

function useLit(seq: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => litSeq === seq,
  )
}

export const rowId = (seq: string) => `record-${seq}`

/** Scrolls to the linked row; when it is not loaded yet (further down the list), says so. */
function goToRow(seq: string): void {
  light(seq)
  setTimeout(() => {
    if (litSeq === seq) light(null)
  }, LIT_MS)
  Promise.resolve()
    .then(() => Taro.pageScrollTo({ selector: `#${rowId(seq)}`, duration: 300 }))
    .catch(() => Taro.showToast({ title: '原记录在更早的明细中，请上拉加载', icon: 'none' }))
}

function RowLink({ to, children }: { to: string | undefined; children: string }) {
  if (!to) return null
  return (
    <View
      className='record__link'
      hoverClass='record__link--hover'
      onClick={(e) => {
        e.stopPropagation()
        goToRow(to)
      }}
    >
      {children}
    </View>
  )
}

const REFUND_VIA_LABELS = { cancellation: '撤销退回', reversal: '冲正退回' } as const

// ---- the authorizer's side: deductions from my account ----

/** maskedIdOf: the masked ID number of my relatives by binding, to say 我的母亲 rather than 我的父母. */
export function DeductionRow({ item, maskedIdOf }: { item: DeductionView; maskedIdOf?: ReadonlyMap<string, string> }) {
  const lit = useLit(item.seq)
  const { spender } = item
  const maskedId = spender.bindingId ? maskedIdOf?.get(spender.bindingId) : undefined
  const who = spender.self ? '本人' : spender.relation ? `${relativeWord(spender.relation, maskedId)} · ${spender.maskedName}` : spender.maskedName
  const place = item.institution ? item.institution.name : '医保结算'
  const moneyBack = item.kind === 'refund'
  const what =
    item.kind === 'premium'
      ? `代缴${item.year ?? ''}年度居民医保费`
      : item.kind === 'refund'
        ? `退回 · ${place}`
        : item.kind === 'refund_taken_back'
          ? `退款收回 · ${place}`
          : place
  return (
    <View id={rowId(item.seq)} className={cx('record', item.kind === 'refund' && 'record--refund', lit && 'record--lit')}>
      <View className='record__main'>
        <View className='record__title'>{who}</View>
        <View className='record__what'>
          {what}
          {item.kind === 'settlement' && item.institution && <View className='record__kind'>{INSTITUTION_KIND_LABELS[item.institution.kind]}</View>}
          {item.kind === 'refund' && item.refundVia && <View className='record__kind'>{REFUND_VIA_LABELS[item.refundVia]}</View>}
        </View>
        <View className='record__time nowrap'>{formatDateTime(item.at)}</View>
        {item.cancelled && (
          <View className='record__marks'>
            <Tag tone='warning'>已撤销</Tag>
            <RowLink to={item.refundSeq}>查看退回</RowLink>
          </View>
        )}
        {item.kind === 'refund' && (
          <View className='record__marks'>
            {item.takenBack && <Tag tone='danger'>撤销已冲正，退款已收回</Tag>}
            <RowLink to={item.refundOfSeq}>原扣款</RowLink>
          </View>
        )}
        {item.kind === 'refund_taken_back' && (
          <View className='record__marks'>
            <RowLink to={item.refundOfSeq}>被收回的退款</RowLink>
          </View>
        )}
      </View>
      <View className='record__side'>
        <View className={cx('record__amount', moneyBack ? 'amount-in' : 'amount-out', item.cancelled && 'record__amount--void', 'nowrap')}>
          {moneyBack ? '+' : '-'}
          {formatYuan(item.amount)}
        </View>
        <View className='record__after nowrap'>余额 {formatYuan(item.balanceAfter)}</View>
      </View>
    </View>
  )
}

// ---- the beneficiary's side: my payments and how each was split ----

export function PaymentRow({ item }: { item: PaymentView }) {
  const lit = useLit(item.seq)
  const refund = item.kind === 'refund'
  const parts: Array<[string, number]> = refund
    ? [
        ['退回本人账户', item.own],
        ...item.shared.map((s): [string, number] => [`退回${s.maskedName}的账户（家庭共济）`, s.amount]),
        ['现金部分，在柜台退还', item.cash],
      ]
    : [
        ['本人账户', item.own],
        ...item.shared.map((s): [string, number] => [`${s.maskedName}的账户（家庭共济）`, s.amount]),
        ['现金或其他方式自付', item.cash],
      ]
  return (
    <View id={rowId(item.seq)} className={cx('record', 'record--payment', refund && 'record--refund', lit && 'record--lit')}>
      <View className='record__top'>
        <View className='record__main'>
          <View className='record__title'>{refund ? `退回 · ${item.institution.name}` : item.institution.name}</View>
          <View className='record__time'>
            {refund && item.refundVia ? REFUND_VIA_LABELS[item.refundVia] : INSTITUTION_KIND_LABELS[item.institution.kind]} · <Text className='nowrap'>{formatDateTime(item.at)}</Text>
          </View>
        </View>
        <View className='record__side'>
          <View className={cx('record__amount', refund && 'amount-in', item.cancelled && 'record__amount--void', 'nowrap')}>
            {refund ? `+${formatYuan(item.charge)}` : formatYuan(item.charge)}
          </View>
          <View className='record__after'>{refund ? '退回金额' : '本次费用'}</View>
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
      {item.cancelled && (
        <View className='record__marks'>
          <Tag tone='warning'>已撤销</Tag>
          <RowLink to={item.refundSeq}>查看退回</RowLink>
        </View>
      )}
      {refund && (
        <View className='record__marks'>
          {item.takenBack && <Tag tone='danger'>撤销已冲正，这笔支付重新生效</Tag>}
          <RowLink to={item.refundOfSeq}>原支付</RowLink>
        </View>
      )}
    </View>
  )
}
