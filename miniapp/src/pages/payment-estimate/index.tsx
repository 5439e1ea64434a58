import { useState } from 'react'
import { View } from '@tarojs/components'
import { formatYuan, parseYuan, type PaymentEstimate as Estimate, type ResponseOf } from '@family-share/shared'
import { AppButton } from '@/components/app-button'
import { Card } from '@/components/card'
import { FormField } from '@/components/form-field'
import { Notice } from '@/components/notice'
import { PageShell } from '@/components/page-shell'
import { PageState } from '@/components/page-state'
import { Tag } from '@/components/tag'
import { TextInput } from '@/components/text-input'
import { useAction } from '@/hooks/useAction'
import { useRequest } from '@/hooks/useRequest'
import { call } from '@/services/http'
import { messageOf } from '@/i18n/error-messages'
import { INSTITUTION_KIND_LABELS, relationFromMySide } from '@/i18n/labels'
import { cx } from '@/utils/cx'
import { formatDateTime } from '@/utils/time'
import './index.scss'

/** Where the amount is wrong, in words; null when it is fine. Bounds come from the BFF. */
function amountProblem(text: string, min: number, max: number): string | null {
  if (text.trim() === '') return '请输入金额'
  const fen = parseYuan(text)
  if (fen === null || fen < min || fen > max) return `请输入${formatYuan(min)}至${formatYuan(max)}之间的金额，最多两位小数`
  return null
}

function EstimateResult({ estimate }: { estimate: Estimate }) {
  const lines: Array<{ key: string; label: string; note?: string; amount: number }> = []
  if (estimate.ownBalanceAfter !== null || estimate.own > 0) {
    lines.push({
      key: 'own',
      label: '本人个人账户',
      ...(estimate.ownBalanceAfter !== null ? { note: `支付后余额 ${formatYuan(estimate.ownBalanceAfter)}` } : {}),
      amount: estimate.own,
    })
  }
  estimate.shared.forEach((part, index) => {
    const relation = part.relation ? `（${relationFromMySide(part.relation, 'beneficiary')}）` : ''
    lines.push({ key: `shared-${index}`, label: `${part.maskedName}${relation}的个人账户`, note: '家庭共济', amount: part.amount })
  })
  lines.push({ key: 'cash', label: '现金或其他方式自付', amount: estimate.cash })

  return (
    <Card className='estimate-result' title='预计这样支付' extra={<Tag tone='brand'>预估</Tag>}>
      <View className='estimate-result__charge'>
        <View className='estimate-result__charge-label'>在{estimate.institution.name}支付</View>
        <View className='estimate-result__charge-amount'>{formatYuan(estimate.charge)}</View>
      </View>
      <View className='estimate-result__lines'>
        {lines.map((line) => (
          <View key={line.key} className={cx('estimate-line', line.key === 'cash' && 'estimate-line--cash')}>
            <View className='estimate-line__main'>
              <View className='estimate-line__label'>{line.label}</View>
              {line.note && <View className='estimate-line__note'>{line.note}</View>}
            </View>
            <View className='estimate-line__amount'>{formatYuan(line.amount)}</View>
          </View>
        ))}
      </View>
      {estimate.noSharingReason === 'INSTITUTION_NOT_OPEN_FOR_SHARING' && (
        <Notice tone='warning' title='这里不能使用家人的账户'>
          这家机构未开通家庭共济（异地共济），家人的个人账户不能在这里支付，由本人账户和现金支付。
        </Notice>
      )}
      <View className='estimate-result__foot'>
        按{formatDateTime(estimate.at)}的账户情况预估，不扣款、不留记录。实际以在医院、药店结算时为准。
      </View>
    </Card>
  )
}

/**
 * 付款预估 (R22): before going to the pharmacy, how an amount would be split now — my own
 * account, which family member (masked, as I call them), cash. Nothing is paid or recorded,
 * and a relative's balance is never shown: only their part of this amount.
 */
/** 付款预估 (R22): how an amount would be split now. */
type Institution = ResponseOf<'estimateInstitutions'>['items'][number]

/** A place's name and kind, and whether it takes family sharing: the same in the list and once chosen. */
function PlaceMain({ place }: { place: Institution }) {
  return (
    <View className='estimate-place__main'>
      <View className='estimate-place__name'>{place.name}</View>
      <View className='estimate-place__kind'>
        {INSTITUTION_KIND_LABELS[place.kind]}
        {!place.familySharing && <Tag tone='warning'>未开通家庭共济</Tag>}
      </View>
    </View>
  )
}

const estimatePayment = (body: { amount: string; institutionCode?: string }) => call('paymentEstimate', { body })

export default function PaymentEstimatePage() {
  const institutions = useRequest(() => call('estimateInstitutions'))
  const [amount, setAmount] = useState('')
  const [picked, setPicked] = useState<string | null>(null)
  const [choosing, setChoosing] = useState(false)
  const [checked, setChecked] = useState(false)
  const [estimate, setEstimate] = useState<Estimate | null>(null)
  const action = useAction(estimatePayment)

  if (!institutions.data) {
    return (
      <PageShell className='estimate'>
        {institutions.loading ? <PageState status='loading' /> : <PageState status='error' error={institutions.error} onRetry={institutions.reload} />}
      </PageShell>
    )
  }

  const { items, defaultCode, minAmount, maxAmount } = institutions.data
  const code = picked ?? defaultCode
  const place = items.find((i) => i.code === code) ?? null
  const problem = amountProblem(amount, minAmount, maxAmount)

  const change = (next: () => void) => {
    next()
    setEstimate(null)
    action.setError(null)
  }

  const submit = async () => {
    setChecked(true)
    if (problem || !code) return
    setEstimate(null)
    const result = await action.run({ amount: amount.trim(), institutionCode: code })
    if (result.ok) setEstimate(result.value)
  }

  return (
    <PageShell className='estimate'>
      <Card>
        <View className='estimate__intro'>去医院、药店之前，先看看这笔费用会怎样支付：本人账户、家人共享的账户和现金各付多少。</View>
        <FormField label='预计费用（元）' error={checked ? problem : null} tip='医保报销后需个人负担的部分'>
          <TextInput value={amount} type='digit' maxLength={12} placeholder='例如 128.50' invalid={checked && problem !== null} onChange={(v) => change(() => setAmount(v))} />
        </FormField>

        <View className='estimate__field-label'>在哪里支付</View>
        {place && !choosing ? (
          <View className='estimate-place estimate-place--chosen'>
            <PlaceMain place={place} />
            <View className='estimate-place__change' hoverClass='estimate-place__change--hover' onClick={() => setChoosing(true)}>
              更换
            </View>
          </View>
        ) : (
          <View className='estimate-places'>
            {items.map((i) => (
              <View
                key={i.code}
                className={cx('estimate-place', i.code === code && 'estimate-place--on')}
                aria-selected={i.code === code}
                onClick={() =>
                  change(() => {
                    setPicked(i.code)
                    setChoosing(false)
                  })
                }
              >
                <PlaceMain place={i} />
              </View>
            ))}
          </View>
        )}

        <AppButton block size='large' loading={action.busy} onClick={submit}>
          预估支付方式
        </AppButton>
      </Card>

      {action.error ? (
        <Notice tone='danger' title='没有预估成功'>
          {messageOf(action.error)}
        </Notice>
      ) : null}
      {estimate && <EstimateResult estimate={estimate} />}
    </PageShell>
  )
}
