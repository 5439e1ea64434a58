import { beforeEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
vi.mock('@/services/history', () => ({ listDeductions: vi.fn(), listPayments: vi.fn(), getMonthlyTotals: vi.fn() }))
vi.mock('@/services/bindings', () => ({ listBindings: vi.fn() }))

import History from '@/pages/history/index'
import { listBindings } from '@/services/bindings'
import { getMonthlyTotals, listDeductions, listPayments } from '@/services/history'
import { ApiError } from '@/services/http'
import { BINDINGS, deduction, MONTHLY, payment } from './support/fixtures'
import { fire, resetTaroMock } from './support/taro'

const deductions = vi.mocked(listDeductions)

describe('deduction history page', () => {
  beforeEach(() => {
    localStorage.clear()
    resetTaroMock()
    vi.clearAllMocks()
    vi.mocked(listBindings).mockResolvedValue(BINDINGS)
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

    const chip = (await screen.findAllByText('卓*（父母）')).find((el) => el.className.includes('chip'))
    fireEvent.click(chip as Element)

    await waitFor(() => expect(deductions).toHaveBeenLastCalledWith({ relative: 'b-zhuoma', month: undefined }, undefined))
  })

  it('when a month bar is tapped, then the list is filtered to that month and its total is shown', async () => {
    deductions.mockResolvedValue({ items: [deduction('1')], nextCursor: null })
    const { container } = render(<History />)
    await screen.findByText('-¥123.45')
    await screen.findByText('全年共扣款')

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
})
