import { Text, View } from '@tarojs/components'
import { formatYuan, type ResponseOf } from '@family-share/shared'
import { AppButton } from '@/components/app-button'
import { RelativeHead } from '@/components/relative-head'
import { Tag } from '@/components/tag'
import { insuranceLabel, relativeWord } from '@/i18n/labels'
import { navigate, ROUTES } from '@/utils/nav'
import { findReceiptFor } from '@/utils/receipt-store'
import { formatDate } from '@/utils/time'

type PremiumItem = ResponseOf<'listPremiums'>['items'][number]

interface PremiumCardProps {
  item: PremiumItem
  usable: number
  paying: boolean
  /** Another relative has the same masked name (item 8). */
  confusable?: boolean
  onPay: () => unknown
}

export function PremiumCard({ item, usable, paying, confusable = false, onPay }: PremiumCardProps) {
  const short = item.amountDue !== null && item.amountDue > usable
  // Paid by me: the receipt is on this phone, or the server gives it again (any of my devices).
  const hasReceipt = item.status === 'paid' && item.paidByMe
  const receiptUrl = () => {
    const local = findReceiptFor(item.bindingId, item.year)
    const query = `bindingId=${encodeURIComponent(item.bindingId)}&year=${item.year}`
    return `${ROUTES.premiumReceipt}?${query}${local ? `&paymentId=${encodeURIComponent(local.paymentId)}` : ''}`
  }
  return (
    <View className='premium'>
      <RelativeHead
        maskedName={item.relative.maskedName}
        maskedIdNumber={item.relative.maskedIdNumber}
        showLastFour={confusable}
        relation={relativeWord(item.relation, item.relative.maskedIdNumber)}
        sub={
          <>
            {insuranceLabel(item.insurance)} · <Text className='nowrap'>{item.year}年度</Text>
          </>
        }
        avatar={false}
        aside={
          <>
            {item.status === 'paid' && <Tag tone='success'>已缴纳</Tag>}
            {item.status === 'pending' && <Tag tone='warning'>处理中</Tag>}
            {item.status === 'unpaid' && <Tag tone='brand'>待缴纳</Tag>}
          </>
        }
      />

      {item.amountDue !== null && item.status !== 'not_applicable' && (
        <View className='premium__money'>
          <View className='premium__amount nowrap'>{formatYuan(item.amountDue)}</View>
          {item.demoAmount && <Tag tone='demo'>演示金额</Tag>}
        </View>
      )}

      {item.status === 'unpaid' && (
        <>
          {short && (
            <View className='premium__warn'>
              个人账户可用于家人的余额（<Text className='nowrap'>{formatYuan(usable)}</Text>）不足以一次缴清，暂不能从账户代缴。
            </View>
          )}
          <AppButton type='primary' block disabled={short} loading={paying} onClick={onPay}>
            从我的个人账户缴纳
          </AppButton>
        </>
      )}
      {item.status === 'paid' && (
        <View className='premium__paid'>
          <View>
            {item.paidAt ? <Text className='nowrap'>{formatDate(item.paidAt)}缴纳</Text> : '已缴纳'}
            {item.paidByMe ? '，由您代缴' : ''}
          </View>
          {hasReceipt && (
            <AppButton type='plain' size='small' onClick={() => navigate(receiptUrl())}>
              查看凭证
            </AppButton>
          )}
        </View>
      )}
      {item.status === 'pending' && <View className='premium__info'>缴费正在处理，请稍后刷新查看结果，请勿重复缴费。</View>}
      {item.status === 'not_applicable' && (
        <View className='premium__info'>
          {item.insurance === 'employee'
            ? '这位家人参加的是职工医保，不需要缴纳城乡居民医保费。'
            : item.insurance === null
              ? '这位家人目前未参保，无法代缴。'
              : '这位家人本年度没有需要缴纳的保费。'}
        </View>
      )}
    </View>
  )
}
