import { beforeEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
vi.mock('@/services/history', () => ({ listDeductions: vi.fn(), listPayments: vi.fn(), getMonthlyTotals: vi.fn() }))
vi.mock('@/services/http', async (original) => (await import('./support/api')).httpMock(await original()))
vi.mock('@/services/home', () => ({ getHome: vi.fn() }))

import History from '@/pages/history/index'
import { endpoint } from './support/api'
import { getHome } from '@/services/home'
import { getMonthlyTotals, listDeductions, listPayments } from '@/services/history'
import { ApiError } from '@/services/http'
import { BINDINGS, deduction, home, MONTHLY, payment } from './support/fixtures'
import { fire, resetTaroMock } from './support/taro'

const deductions = vi.mocked(listDeductions)

describe('deduction history page', () => {
  beforeEach(() => {
    localStorage.clear()
    resetTaroMock()
    vi.clearAllMocks()
    vi.mocked(getHome).mockResolvedValue(home())
    endpoint('listBindings').mockResolvedValue(BINDINGS)
    vi.mocked(getMonthlyTotals).mockResolvedValue(MONTHLY)
    vi.mocked(listPayments).mockResolvedValue({ items: [], nextCursor: null })
  })

  it('when the first page has not arrived, then the loading state shows', () => {
    deductions.mockReturnValue(new Promise(() => undefined))
    render(<History />)
    expect(screen.getAllByText('正在加载…').length).toBeGreaterThan(0)
  })

  it('when loading fails, then the mapped message and a retry show, and the retry loads the list', async () => {
    deductions.mockRejectedValueOnce(new ApiError('SERVICE_UNAVAILABLE', 503)).mockResolvedValueOnce({ items: [deduction('1')], nextCursor: null })
    render(<History />)

    expect(await screen.findByText('医保服务暂时无法连接，请稍后再试。')).toBeTruthy()
    fireEvent.click(screen.getByText('重新加载'))

    expect(await screen.findByText('-¥123.45')).toBeTruthy()
  })

  it('when there are no deductions, then the empty state explains what will appear here', async () => {
    deductions.mockResolvedValue({ items: [], nextCursor: null })
    render(<History />)
    expect(await screen.findByText('没有扣款记录')).toBeTruthy()
    expect(screen.getByText('您或家人使用您的职工医保个人账户后，每一笔扣款都会记录在这里。')).toBeTruthy()
  })

  it('when the page bottom is reached, then the next page is fetched with the cursor and appended', async () => {
    deductions.mockResolvedValueOnce({ items: [deduction('1')], nextCursor: 'c1' }).mockResolvedValueOnce({ items: [deduction('2', { amount: 500 })], nextCursor: null })
    render(<History />)
    await screen.findByText('-¥123.45')

    act(() => fire('reachBottom'))

    expect(await screen.findByText('-¥5.00')).toBeTruthy()
    expect(deductions).toHaveBeenLastCalledWith({ relative: undefined, month: undefined }, 'c1')
    expect(screen.getByText('没有更多了')).toBeTruthy()
    expect(screen.getByText('-¥123.45')).toBeTruthy()
  })

  it('when a relative is chosen as filter, then the list is fetched again for that binding', async () => {
    deductions.mockResolvedValue({ items: [deduction('1')], nextCursor: null })
    render(<History />)
    await screen.findByText('-¥123.45')

    // 5401**********2428: the 17th digit is even, so 卓* is my mother (item 8)
    const chip = (await screen.findAllByText('我的母亲 · 卓*')).find((el) => el.className.includes('chip'))
    fireEvent.click(chip as Element)

    await waitFor(() => expect(deductions).toHaveBeenLastCalledWith({ relative: 'b-zhuoma', month: undefined }, undefined))
  })

  it('when a month bar is tapped, then the list is filtered to that month and its total is shown', async () => {
    deductions.mockResolvedValue({ items: [deduction('1')], nextCursor: null })
    const { container } = render(<History />)
    await screen.findByText('-¥123.45')
    await screen.findByText('2026年全年共扣款')

    const bars = container.querySelectorAll('.chart__col')
    fireEvent.click(bars[1] as Element)

    await waitFor(() => expect(deductions).toHaveBeenLastCalledWith({ relative: undefined, month: '2026-02' }, undefined))
    expect(screen.getByText('2026年2月共扣款')).toBeTruthy()
    expect(screen.getAllByText('¥300.00').length).toBeGreaterThan(0)
  })

  it('when deductions are shown and the payments tab is opened, then the deductions are not drawn as payments meanwhile', async () => {
    deductions.mockResolvedValue({ items: [deduction('1')], nextCursor: null })
    let answer: (page: { items: ReturnType<typeof payment>[]; nextCursor: null }) => void = () => undefined
    vi.mocked(listPayments).mockReturnValue(new Promise((resolve) => (answer = resolve)))
    render(<History />)
    await screen.findByText('-¥123.45')

    fireEvent.click(screen.getByText('我的消费'))

    expect(screen.queryByText('-¥123.45')).toBeNull()
    expect(screen.getAllByText('正在加载…').length).toBeGreaterThan(0)
    await act(async () => answer({ items: [payment('1')], nextCursor: null }))
    expect(await screen.findByText('拉萨城关区康源药店')).toBeTruthy()
  })

  it('when the payments tab is opened, then my payments show how each was split', async () => {
    deductions.mockResolvedValue({ items: [], nextCursor: null })
    vi.mocked(listPayments).mockResolvedValue({ items: [payment('1')], nextCursor: null })
    render(<History />)
    await screen.findByText('没有扣款记录')

    fireEvent.click(screen.getByText('我的消费'))

    expect(await screen.findByText('拉萨城关区康源药店')).toBeTruthy()
    expect(screen.getByText('扎*的账户（家庭共济）')).toBeTruthy()
    expect(screen.getByText('¥250.00')).toBeTruthy()
    expect(screen.getByText('现金或其他方式自付')).toBeTruthy()
  })

  it('when a resident without an account opens history, then it opens on their payments, with no deductions tab and no chart (issue 12 item 6)', async () => {
    vi.mocked(getHome).mockResolvedValue(home({ person: { ...home().person!, insurance: 'resident', balance: 0, usableForFamily: 0 } }))
    vi.mocked(listPayments).mockResolvedValue({ items: [payment('1')], nextCursor: null })
    render(<History />)

    expect(await screen.findByText('拉萨城关区康源药店')).toBeTruthy()
    expect(screen.queryByText('我账户的扣款')).toBeNull()
    expect(screen.queryByText(/每月扣款/)).toBeNull()
    expect(deductions).not.toHaveBeenCalled()
    expect(getMonthlyTotals).not.toHaveBeenCalled()
  })

  it('when an employee opens history, then it opens on the deductions from their account', async () => {
    deductions.mockResolvedValue({ items: [deduction('1')], nextCursor: null })
    render(<History />)
    expect(await screen.findByText('-¥123.45')).toBeTruthy()
    expect(screen.getByText('我账户的扣款').getAttribute('aria-selected')).toBe('true')
    expect(listPayments).not.toHaveBeenCalled()
  })

  it('when the previous year is chosen, then the chart and the list both show that year only (item 6)', async () => {
    const lastYearAt = Date.UTC(2025, 10, 20, 4)
    // newest first across both years: this year's rows, then last year's on the next page
    deductions
      .mockResolvedValueOnce({ items: [deduction('1')], nextCursor: null })
      .mockResolvedValueOnce({ items: [deduction('1'), deduction('2', { amount: 500 })], nextCursor: 'c1' })
      .mockResolvedValueOnce({ items: [deduction('9', { at: lastYearAt, amount: 7700 })], nextCursor: null })
    vi.mocked(getMonthlyTotals).mockImplementation(async (year) =>
      year === 2025 ? { year: 2025, months: [{ month: '2025-11', total: 7700, byRelative: [] }] } : MONTHLY,
    )
    const { container } = render(<History />)
    await screen.findByText('-¥123.45')

    fireEvent.click(screen.getByText('2025年'))

    expect(await screen.findByText('-¥77.00')).toBeTruthy()
    expect(screen.queryByText('-¥123.45')).toBeNull()
    expect(screen.queryByText('-¥5.00')).toBeNull()
    expect(await screen.findByText('2025年全年共扣款')).toBeTruthy()
    expect(container.querySelector('.chart__sum-amount')?.textContent).toBe('¥77.00')
    expect(getMonthlyTotals).toHaveBeenLastCalledWith(2025)
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })

  it('when the chart of the chosen year cannot load, then it says so instead of showing the bars of the other year (item 7)', async () => {
    deductions.mockResolvedValue({ items: [deduction('1')], nextCursor: null })
    vi.mocked(getMonthlyTotals).mockImplementation(async (year) => {
      if (year === 2025) throw new ApiError('NETWORK_ERROR', 0)
      return MONTHLY
    })
    const { container } = render(<History />)
    await screen.findByText('2026年全年共扣款')

    fireEvent.click(screen.getByText('2025年'))

    expect(await screen.findByText('网络连接失败，请检查网络后重试。')).toBeTruthy()
    expect(screen.queryByText('2026年全年共扣款')).toBeNull()
    expect(container.querySelector('.chart__sum-amount')).toBeNull()
  })

  it('when both the chart and the list failed and the list is retried, then both recover (item 6)', async () => {
    deductions.mockRejectedValueOnce(new ApiError('SERVICE_UNAVAILABLE', 503)).mockResolvedValue({ items: [deduction('1')], nextCursor: null })
    vi.mocked(getMonthlyTotals).mockRejectedValueOnce(new ApiError('SERVICE_UNAVAILABLE', 503)).mockResolvedValue(MONTHLY)
    render(<History />)
    expect((await screen.findAllByText('医保服务暂时无法连接，请稍后再试。')).length).toBe(2)

    fireEvent.click(screen.getAllByText('重新加载').at(-1) as Element)

    expect(await screen.findByText('-¥123.45')).toBeTruthy()
    expect(await screen.findByText('2026年全年共扣款')).toBeTruthy()
    expect(screen.queryByText('医保服务暂时无法连接，请稍后再试。')).toBeNull()
  })
})
