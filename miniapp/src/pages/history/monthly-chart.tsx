import { View } from '@tarojs/components'
import { formatYuan } from '@family-share/shared'
import { AppButton } from '@/components/app-button'
import { Card } from '@/components/card'
import { useRequest } from '@/hooks/useRequest'
import { messageOf } from '@/i18n/error-messages'
import { getMonthlyTotals } from '@/services/history'
import { cx } from '@/utils/cx'
import { formatMonth } from '@/utils/time'

interface MonthlyChartProps {
  /** The page's year: the list below shows the same one (item 6). */
  year: number
  /** Changes when the page retries everything: a chart in error tries again too. */
  retry: number
  selected: string | null
  onSelect: (month: string | null) => void
}

/**
 * Monthly totals of deductions from my account, as bars made of Views. A bar is a shortcut for
 * the month chips above (the same filter): WCAG 2.5.8's "equivalent control" exception covers
 * its width, so the bars are hidden from assistive technology and the chips are the targets.
 * A new year shows loading, then that year's totals or its error — never the previous year's
 * bars (useRequest drops data of other deps, item 7).
 */
export function MonthlyChart({ year, retry, selected, onSelect }: MonthlyChartProps) {
  const { data, loading, error, reload } = useRequest(() => getMonthlyTotals(year), [year, retry])

  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
  const totals = new Map((data?.months ?? []).map((m) => [m.month, m.total]))
  const max = Math.max(1, ...months.map((m) => totals.get(m) ?? 0))
  const yearTotal = months.reduce((sum, m) => sum + (totals.get(m) ?? 0), 0)
  const shown = selected && selected.startsWith(String(year)) ? selected : null

  return (
    <Card className='chart' title={`${year}年每月扣款`}>
      {!data && loading ? (
        <View className='chart__state'>正在加载…</View>
      ) : !data ? (
        <View className='chart__state'>
          <View className='chart__error'>{messageOf(error)}</View>
          <AppButton type='secondary' size='small' onClick={reload}>
            重新加载
          </AppButton>
        </View>
      ) : (
        <>
          <View className='chart__sum'>
            {shown ? `${formatMonth(shown)}共扣款` : `${year}年全年共扣款`}
            <View className='chart__sum-amount'>{formatYuan(shown ? (totals.get(shown) ?? 0) : yearTotal)}</View>
          </View>
          <View className='chart__bars' aria-hidden='true'>
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
          <View className='chart__hint'>点击柱子或上方的月份，查看当月明细</View>
        </>
      )}
    </Card>
  )
}
