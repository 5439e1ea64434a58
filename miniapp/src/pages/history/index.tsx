import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import type { DeductionView, PaymentView } from '@family-share/shared'
import { ChipGroup } from '@/components/chip-group'
import { PageShell } from '@/components/page-shell'
import { PageState } from '@/components/page-state'
import { Tabs } from '@/components/tabs'
import { useCursorList } from '@/hooks/useCursorList'
import { useRequest } from '@/hooks/useRequest'
import { messageOf } from '@/i18n/error-messages'
import { RELATION_LABELS } from '@/i18n/labels'
import { listBindings } from '@/services/bindings'
import { listDeductions, listPayments, type HistoryFilter } from '@/services/history'
import { formatMonth, recentMonths } from '@/utils/time'
import { DeductionRow, PaymentRow } from './rows'
import { MonthlyChart } from './monthly-chart'
import './index.scss'

type Tab = 'deductions' | 'payments'
const ALL = 'all'

/** R16: deductions from my account (authorizer's side) and my payments with their split. */
export default function History() {
  const [tab, setTab] = useState<Tab>('deductions')
  const [relative, setRelative] = useState<string>(ALL)
  const [month, setMonth] = useState<string>(ALL)
  const bindings = useRequest(listBindings)

  const relativeFilter = tab === 'deductions' && relative !== ALL ? relative : undefined
  const monthFilter = month !== ALL ? month : undefined
  const fetchPage = useCallback(
    (cursor?: string) => {
      const filter: HistoryFilter = { relative: relativeFilter, month: monthFilter }
      return tab === 'deductions' ? listDeductions(filter, cursor) : listPayments(filter, cursor)
    },
    [tab, relativeFilter, monthFilter],
  )
  const list = useCursorList<DeductionView | PaymentView>(fetchPage)
  useReachBottom(() => {
    void list.loadMore()
  })

  const relativeOptions = [
    { value: ALL, label: '全部' },
    { value: 'self', label: '本人' },
    ...(bindings.data?.asAuthorizer ?? []).map((b) => ({ value: b.bindingId, label: `${b.counterpart.maskedName}（${RELATION_LABELS[b.relation]}）` })),
  ]
  const monthOptions = [{ value: ALL, label: '全部月份' }, ...recentMonths().map((m) => ({ value: m, label: formatMonth(m) }))]

  return (
    <PageShell className='history'>
      <Tabs<Tab>
        items={[
          { key: 'deductions', label: '我账户的扣款' },
          { key: 'payments', label: '我的消费' },
        ]}
        active={tab}
        onChange={setTab}
      />

      {tab === 'deductions' && <MonthlyChart selected={month === ALL ? null : month} onSelect={(m) => setMonth(m ?? ALL)} />}

      <View className='history__filters'>
        {tab === 'deductions' && (
          <View className='history__filter'>
            <View className='history__filter-label'>谁使用</View>
            <ChipGroup options={relativeOptions} value={relative} onChange={setRelative} layout='scroll' />
          </View>
        )}
        <View className='history__filter'>
          <View className='history__filter-label'>月份</View>
          <ChipGroup options={monthOptions} value={month} onChange={setMonth} layout='scroll' />
        </View>
      </View>

      {list.loading && list.items.length === 0 ? (
        <PageState status='loading' />
      ) : list.error ? (
        <PageState status='error' error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <PageState
          status='empty'
          title={tab === 'deductions' ? '没有扣款记录' : '没有消费记录'}
          description={
            relative !== ALL || month !== ALL
              ? '换个筛选条件试试。'
              : tab === 'deductions'
                ? '您或家人使用您的职工医保个人账户后，每一笔扣款都会记录在这里。'
                : '您在定点医院、药店结算后，每一笔的支付明细都会显示在这里。'
          }
        />
      ) : (
        <View className='history__list'>
          {list.items.map((item) =>
            tab === 'deductions' ? <DeductionRow key={item.seq} item={item as DeductionView} /> : <PaymentRow key={item.seq} item={item as PaymentView} />,
          )}
          <View className='history__footer' onClick={() => (list.hasMore && !list.loadingMore ? void list.loadMore() : undefined)}>
            {list.loadingMore
              ? '正在加载…'
              : list.moreError
                ? `${messageOf(list.moreError)} 点击重试`
                : list.hasMore
                  ? '上拉或点击加载更多'
                  : '没有更多了'}
          </View>
        </View>
      )}
    </PageShell>
  )
}
