import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import type { DeductionView, PaymentView } from '@family-share/shared'
import { ChipGroup } from '@/components/chip-group'
import { PageShell } from '@/components/page-shell'
import { ActivateFirst, PageState } from '@/components/page-state'
import { Tabs } from '@/components/tabs'
import { useCursorList } from '@/hooks/useCursorList'
import { useRequest } from '@/hooks/useRequest'
import { messageOf } from '@/i18n/error-messages'
import { confusableNames, lastFour, relativeWord } from '@/i18n/labels'
import { getHome } from '@/services/home'
import { call } from '@/services/http'
import { listDeductions, listPayments, type HistoryFilter } from '@/services/history'
import { formatMonth, isoDate } from '@/utils/time'
import { DeductionRow, PaymentRow } from './rows'
import { MonthlyChart } from './monthly-chart'
import './index.scss'
import { FOCUSABLE } from '@/utils/a11y'

type Tab = 'deductions' | 'payments'
const ALL = 'all'

/** Beijing-time year of a moment. */
const yearOf = (epochMs: number) => Number(isoDate(epochMs).slice(0, 4))

/**
 * R16: deductions from my account (authorizer's side) and my payments with their split.
 * Item 6: only a person with a personal account (employee-insured) has deductions to see, so
 * the page asks home for the role first and opens on what that person has.
 */
export default function History() {
  const home = useRequest(getHome)
  if (!home.data) {
    return <PageShell>{home.loading ? <PageState status='loading' /> : <PageState status='error' error={home.error} onRetry={home.reload} />}</PageShell>
  }
  if (!home.data.person) {
    return (
      <PageShell>
        <ActivateFirst />
      </PageShell>
    )
  }
  return <HistoryOf hasAccount={home.data.person.insurance === 'employee'} />
}

function HistoryOf({ hasAccount }: { hasAccount: boolean }) {
  const thisYear = yearOf(Date.now())
  const [tab, setTab] = useState<Tab>(hasAccount ? 'deductions' : 'payments')
  const [year, setYear] = useState(thisYear)
  const [relative, setRelative] = useState<string>(ALL)
  const [month, setMonth] = useState<string>(ALL)
  // bumped by the list's retry so that a chart in error tries again too (item 6: each part recovers)
  const [chartRetry, setChartRetry] = useState(0)
  const bindings = useRequest(() => call('listBindings'))

  const relativeFilter = tab === 'deductions' && relative !== ALL ? relative : undefined
  const monthFilter = month !== ALL ? month : undefined
  const fetchPage = useCallback(
    (cursor?: string) => {
      const filter: HistoryFilter = { relative: relativeFilter, month: monthFilter }
      return tab === 'deductions' ? listDeductions(filter, cursor) : listPayments(filter, cursor)
    },
    // the year is part of what is shown: a new year is a new list, never the old rows meanwhile
    // eslint-disable-next-line react-hooks/exhaustive-deps -- year is on purpose: it makes a new list
    [tab, relativeFilter, monthFilter, year],
  )
  const list = useCursorList<DeductionView | PaymentView>(fetchPage)
  useReachBottom(() => {
    void list.loadMore()
  })

  // Item 6: the chart shows a year, so the list shows that year too. The API filters by month
  // only; for a whole year the rows (newest first) are kept to that year, and pages are read on
  // until the year has begun or there are no more.
  const rows = list.items.filter((item) => yearOf(item.at) === year)
  const pastYear = list.items.some((item) => yearOf(item.at) < year)
  const complete = !list.hasMore || pastYear
  const { loading, loadingMore, moreError, loadMore } = list
  useEffect(() => {
    if (!loading && !loadingMore && !moreError && !complete && rows.length < 10) void loadMore()
  }, [loading, loadingMore, moreError, complete, rows.length, loadMore])

  const chooseYear = (y: number) => {
    setYear(y)
    setMonth(ALL)
  }
  const retryAll = () => {
    setChartRetry((n) => n + 1)
    return list.reload()
  }

  const mine = bindings.data?.asAuthorizer ?? []
  const maskedIdOf = new Map(mine.map((b) => [b.bindingId, b.counterpart.maskedIdNumber]))
  const twins = confusableNames(mine.map((b) => b.counterpart))
  const relativeOptions = [
    { value: ALL, label: '全部' },
    { value: 'self', label: '本人' },
    ...mine.map((b) => {
      const tail = twins.has(b.counterpart.maskedName) ? lastFour(b.counterpart.maskedIdNumber) : null
      return { value: b.bindingId, label: `${relativeWord(b.relation, b.counterpart.maskedIdNumber)} · ${b.counterpart.maskedName}${tail ? ` ${tail}` : ''}` }
    }),
  ]
  const lastMonth = year === thisYear ? Number(isoDate().slice(5, 7)) : 12
  const monthOptions = [
    { value: ALL, label: `${year}年全年` },
    ...Array.from({ length: lastMonth }, (_, i) => `${year}-${String(lastMonth - i).padStart(2, '0')}`).map((m) => ({ value: m, label: formatMonth(m) })),
  ]
  const yearOptions = [thisYear - 1, thisYear].map((y) => ({ value: String(y), label: `${y}年` }))

  return (
    <PageShell className='history'>
      {hasAccount && (
        <Tabs<Tab>
          items={[
            { key: 'deductions', label: '我账户的扣款' },
            { key: 'payments', label: '我的消费' },
          ]}
          active={tab}
          onChange={setTab}
        />
      )}

      <View className='history__filters'>
        <View className='history__filter'>
          <View className='history__filter-label'>年份</View>
          <ChipGroup options={yearOptions} value={String(year)} onChange={(v) => chooseYear(Number(v))} layout='scroll' />
        </View>
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

      {tab === 'deductions' && <MonthlyChart year={year} retry={chartRetry} selected={month === ALL ? null : month} onSelect={(m) => setMonth(m ?? ALL)} />}

      {(list.loading && list.items.length === 0) || (!complete && rows.length === 0 && !list.error && !list.moreError) ? (
        <PageState status='loading' />
      ) : list.error ? (
        <PageState status='error' error={list.error} onRetry={retryAll} />
      ) : rows.length === 0 && complete ? (
        <PageState
          status='empty'
          title={tab === 'deductions' ? '没有扣款记录' : '没有消费记录'}
          description={
            relative !== ALL || month !== ALL || year !== thisYear
              ? '这段时间没有记录，换个年份或月份试试。'
              : tab === 'deductions'
                ? '您或家人使用您的职工医保个人账户后，每一笔扣款都会记录在这里。'
                : '您在定点医院、药店结算后，每一笔的支付明细都会显示在这里。'
          }
        />
      ) : (
        <View className='history__list'>
          {rows.map((item) =>
            tab === 'deductions' ? <DeductionRow key={item.seq} item={item as DeductionView} maskedIdOf={maskedIdOf} /> : <PaymentRow key={item.seq} item={item as PaymentView} />,
          )}
          <View className='history__footer' role='button' {...FOCUSABLE} onClick={() => (!complete && !list.loadingMore ? void list.loadMore() : undefined)}>
            {list.loadingMore ? '正在加载…' : list.moreError ? `${messageOf(list.moreError)} 点击重试` : !complete ? '上拉或点击加载更多' : '没有更多了'}
          </View>
        </View>
      )}
    </PageShell>
  )
}
