import { call } from './http'

export interface HistoryFilter {
  /** a binding id, or 'self' */
  relative?: string
  /** YYYY-MM */
  month?: string
}

const PAGE_SIZE = 20

export const listDeductions = (filter: HistoryFilter, cursor?: string) =>
  call('deductions', { query: { ...filter, cursor, limit: String(PAGE_SIZE) } })

export const listPayments = (filter: HistoryFilter, cursor?: string) =>
  call('payments', { query: { month: filter.month, cursor, limit: String(PAGE_SIZE) } })

export const getMonthlyTotals = (year?: number) => call('monthly', { query: year ? { year: String(year) } : {} })
