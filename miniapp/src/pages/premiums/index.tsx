import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import { formatYuan, type ResponseOf } from '@family-share/shared'
import { Card } from '@/components/card'
import { ChipGroup } from '@/components/chip-group'
import { PageShell } from '@/components/page-shell'
import { PageState } from '@/components/page-state'
import { useRequest } from '@/hooks/useRequest'
import { useShowRefresh } from '@/hooks/useShowRefresh'
import { isRetryable, messageOf } from '@/i18n/error-messages'
import { confusableNames } from '@/i18n/labels'
import { usePolicy } from '@/hooks/usePolicy'
import { listPremiums, newIdempotencyKey, payPremium } from '@/services/premiums'
import { askToNotify } from '@/services/subscribe'
import { navigate, ROUTES } from '@/utils/nav'
import { saveReceipt } from '@/utils/receipt-store'
import { isoDate } from '@/utils/time'
import { PremiumCard } from './premium-card'
import { alert, confirm } from '@/utils/dialog'
import './index.scss'

type PremiumItem = ResponseOf<'listPremiums'>['items'][number]

interface Attempt {
  bindingId: string
  year: number
  key: string
}

/** R15: pay a bound resident relative's yearly premium from my account, once (R17). */
export default function Premiums() {
  const thisYear = Number(isoDate().slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const { data, loading, error, reload } = useRequest(() => listPremiums(year), [year])
  const [payingId, setPayingId] = useState<string | null>(null)
  const words = usePolicy()
  // The attempt whose answer never arrived: its retry must carry the same key.
  const unanswered = useRef<Attempt | null>(null)
  useShowRefresh(reload)

  const pay = async (item: PremiumItem, confirmed = false): Promise<void> => {
    if (payingId || item.amountDue === null) return
    if (!confirmed) {
      const yes = await confirm({
        title: '确认缴费',
        content: `从您的职工医保个人账户为${item.relative.maskedName}缴纳${item.year}年度城乡居民医保费${formatYuan(item.amountDue)}${item.demoAmount ? '（演示金额）' : ''}。`,
        confirmText: '确认缴纳',
      })
      if (!yes) return
      await askToNotify('payPremium')
    }
    const previous = unanswered.current
    const attempt = previous && previous.bindingId === item.bindingId && previous.year === item.year ? previous : { bindingId: item.bindingId, year: item.year, key: newIdempotencyKey() }
    setPayingId(item.bindingId)
    try {
      const receipt = await payPremium({ bindingId: item.bindingId, year: item.year }, attempt.key)
      unanswered.current = null
      saveReceipt(receipt)
      navigate(`${ROUTES.premiumReceipt}?paymentId=${encodeURIComponent(receipt.paymentId)}`)
    } catch (caught) {
      if (isRetryable(caught)) {
        unanswered.current = attempt
        setPayingId(null)
        if (await confirm({ title: '缴费结果未知', content: `${messageOf(caught)}重试不会重复扣款。`, confirmText: '重试', cancelText: '稍后' })) await pay(item, true)
        return
      }
      unanswered.current = null
      await alert('缴费没有成功', messageOf(caught))
      void reload()
    } finally {
      setPayingId(null)
    }
  }

  const twins = confusableNames((data?.items ?? []).map((item) => item.relative))
  const years = [thisYear, thisYear + 1].map((y) => ({ value: String(y), label: `${y}年度` }))

  return (
    <PageShell className='premiums'>
      <ChipGroup options={years} value={String(year)} onChange={(v) => setYear(Number(v))} />
      {!data ? (
        loading ? (
          <PageState status='loading' />
        ) : (
          <PageState status='error' error={error} onRetry={reload} />
        )
      ) : (
        <>
          <Card className='premiums__usable'>
            <View className='premiums__label'>个人账户可用于家人</View>
            <View className='premiums__amount nowrap'>{formatYuan(data.usableForFamily)}</View>
            <View className='premiums__note'>保费需一次付清{words ? `；账户余额最低保留${words.floor}` : ''}。</View>
          </Card>
          {data.items.length === 0 ? (
            <PageState status='empty' title='还没有可以代缴的家人' description='与家人建立家庭共济关系后，可以为参加城乡居民医保的家人缴纳保费。' action={{ text: '添加家人', onClick: () => navigate(ROUTES.addRelative) }} />
          ) : (
            data.items.map((item) => <PremiumCard key={item.bindingId} item={item} confusable={twins.has(item.relative.maskedName)} usable={data.usableForFamily} paying={payingId === item.bindingId} onPay={() => pay(item)} />)
          )}
        </>
      )}
    </PageShell>
  )
}
