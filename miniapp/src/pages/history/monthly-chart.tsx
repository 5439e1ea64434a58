import { useState } from 'react'
import { View } from '@tarojs/components'
import { formatYuan } from '@family-share/shared'
import { Card } from '@/components/card'
import { useRequest } from '@/hooks/useRequest'
import { messageOf } from '@/i18n/error-messages'
import { getMonthlyTotals } from '@/services/history'
import { cx } from '@/utils/cx'
import { formatMonth, isoDate } from '@/utils/time'

interface MonthlyChartProps {
  selected: string | null
  onSelect: (month: string | null) => void
}

/** Monthly totals of deductions from my account, as bars made of Views; a bar filters the list. */
export function MonthlyChart({ selected, onSelect }: MonthlyChartProps) {
  const thisYear = Number(isoDate().slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const { data, loading, error, reload } = useRequest(() => getMonthlyTotals(year), [year])

  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
  const totals = new Map((data?.months ?? []).map((m) => [m.month, m.total]))
  const max = Math.max(1, ...months.map((m) => totals.get(m) ?? 0))
  const yearTotal = months.reduce((sum, m) => sum + (totals.get(m) ?? 0), 0)
  const shown = selected && selected.startsWith(String(year)) ? selected : null

  return (
    <Card
      className='chart'
      title={`${year}年每月扣款`}
      extra={
        <View className='chart__years'>
          <View className={cx('chart__year', year === thisYear - 1 && 'chart__year--on')} onClick={() => setYear(thisYear - 1)}>
            {thisYear - 1}
          </View>
          <View className={cx('chart__year', year === thisYear && 'chart__year--on')} onClick={() => setYear(thisYear)}>
            {thisYear}
          </View>
        </View>
      }
    >
      {loading && !data ? (
        <View className='chart__state'>正在加载…</View>
      ) : error && !data ? (
        <View className='chart__state' onClick={reload}>
          {messageOf(error)} 点击重试
        </View>
      ) : (
        <>
          <View className='chart__sum'>
            {shown ? `${formatMonth(shown)}共扣款` : '全年共扣款'}
            <View className='chart__sum-amount'>{formatYuan(shown ? (totals.get(shown) ?? 0) : yearTotal)}</View>
          </View>
          <View className='chart__bars'>
            {months.map((m, i) => {
              const total = totals.get(m) ?? 0
              return (
                <View key={m} className={cx('chart__col', shown === m && 'chart__col--on')} onClick={() => onSelect(shown === m ? null : m)}>
                  <View className='chart__track'>
                    <View className='chart__bar' style={{ height: `${total === 0 ? 0 : Math.max(4, Math.round((total / max) * 100))}%` }} />
                  </View>
                  <View className='chart__label'>{i + 1}</View>
                </View>
              )
            })}
          </View>
          <View className='chart__hint'>点击柱子查看当月明细（单位：月）</View>
        </>
      )}
    </Card>
  )
}
