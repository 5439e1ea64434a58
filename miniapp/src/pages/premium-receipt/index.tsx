import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { formatYuan } from '@family-share/shared'
import { AppButton } from '@/components/app-button'
import { PageShell } from '@/components/page-shell'
import { PageState } from '@/components/page-state'
import { useRequest } from '@/hooks/useRequest'
import { isApiError } from '@/services/http'
import { getPremiumReceipt } from '@/services/premiums'
import { goHome, navigate, ROUTES } from '@/utils/nav'
import { findReceipt, findReceiptFor, saveReceipt, type PremiumReceipt as Receipt } from '@/utils/receipt-store'
import { formatDateTime } from '@/utils/time'
import { shortReference } from '@/utils/reference'
import './index.scss'

/**
 * The copy on this phone (by payment id, or by relative and year), else the server's, which
 * any of the payer's devices may ask for (R16). Nothing to ask with: nothing to show.
 */
async function loadReceipt(paymentId: string | undefined, bindingId: string | undefined, year: number | undefined): Promise<Receipt | null> {
  const local = (paymentId ? findReceipt(paymentId) : undefined) ?? (bindingId && year ? findReceiptFor(bindingId, year) : undefined)
  if (local) return local
  if (!bindingId || !year) return null
  try {
    const receipt = await getPremiumReceipt(bindingId, year)
    saveReceipt(receipt)
    return receipt
  } catch (error) {
    if (isApiError(error) && error.code === 'NOT_FOUND') return null
    throw error
  }
}

/** The receipt of a premium paid from my account. */
export default function PremiumReceipt() {
  const { params } = useRouter()
  const paymentId = params.paymentId ? decodeURIComponent(params.paymentId) : undefined
  const bindingId = params.bindingId ? decodeURIComponent(params.bindingId) : undefined
  const year = params.year && /^\d{4}$/.test(params.year) ? Number(params.year) : undefined
  const { data: receipt, loading, error, reload } = useRequest(() => loadReceipt(paymentId, bindingId, year), [paymentId, bindingId, year])

  if (receipt === undefined) {
    return <PageShell>{loading ? <PageState status='loading' /> : <PageState status='error' error={error} onRetry={reload} />}</PageShell>
  }
  if (receipt === null) {
    return (
      <PageShell>
        <PageState status='empty' title='没有找到这张缴费凭证' description='只有代缴的人能查看凭证。缴费记录可以在“扣款明细”中查看。' action={{ text: '查看扣款明细', onClick: () => navigate(ROUTES.history) }} />
      </PageShell>
    )
  }

  const rows: Array<[string, string]> = [
    ['缴费对象', `${receipt.relative.maskedName}（${receipt.relative.maskedIdNumber}）`],
    ['险种', `${receipt.year}年度城乡居民基本医疗保险`],
    ['支付方式', '职工医保个人账户（家庭共济）'],
    ['缴费时间', formatDateTime(receipt.at)],
    ['账户余额', formatYuan(receipt.balanceAfter)],
    // short enough to read out on the phone (item 10); the full id is kept with the payment
    ['凭证编号', shortReference(receipt.paymentId, 12)],
  ]
  return (
    <PageShell className='receipt'>
      <View className='receipt__card'>
        <View className='result-mark' />
        <View className='receipt__title'>缴费成功</View>
        <View className='receipt__amount nowrap'>{formatYuan(receipt.amount)}</View>
        <View className='receipt__rows'>
          {rows.map(([key, value]) => (
            <View key={key} className='receipt__row'>
              <View className='receipt__key'>{key}</View>
              <View className='receipt__value'>{value}</View>
            </View>
          ))}
        </View>
      </View>
      <AppButton type='primary' size='large' block onClick={goHome}>
        返回首页
      </AppButton>
      <View className='receipt__more'>
        <AppButton type='plain' onClick={() => navigate(ROUTES.history)}>
          查看扣款明细
        </AppButton>
      </View>
    </PageShell>
  )
}
