import { beforeEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, render, screen } from '@testing-library/react'

vi.mock('@tarojs/taro', async (original) => {
  const mocked = (await import('./support/taro')).taroMock(await original())
  const pageScrollTo = vi.fn(async () => ({ errMsg: 'pageScrollTo:ok' }))
  return { ...mocked, pageScrollTo, default: { ...mocked.default, pageScrollTo } }
})

import Taro from '@tarojs/taro'
import { DeductionRow, PaymentRow } from '@/pages/history/rows'
import { deduction, payment } from './support/fixtures'
import { resetTaroMock } from './support/taro'

describe('refund rows in the history (R23, R24)', () => {
  beforeEach(() => {
    resetTaroMock()
    vi.clearAllMocks()
  })

  it('when a deduction was refunded by a cancellation, then the refund shows 退回 +¥ in its own row and the original is crossed out and marked 已撤销', () => {
    const original = deduction('2', { amount: 9850, cancelled: true, refundSeq: '1' })
    const refund = deduction('1', { kind: 'refund', amount: 9850, balanceAfter: 900000, refundOf: 'stl-2', refundOfSeq: '2', refundVia: 'cancellation' })
    const { container } = render(
      <>
        <DeductionRow item={refund} />
        <DeductionRow item={original} />
      </>,
    )
    expect(screen.getByText('+¥98.50')).toBeTruthy()
    expect(screen.getByText('退回 · 拉萨市人民医院')).toBeTruthy()
    expect(screen.getByText('撤销退回')).toBeTruthy()
    expect(screen.getByText('已撤销')).toBeTruthy()
    const crossed = container.querySelector('.record__amount--void')
    expect(crossed?.textContent).toBe('-¥98.50')
    expect(container.querySelector('#record-1 .amount-in')?.textContent).toBe('+¥98.50')
  })

  it('when the link of a refund is tapped, then the page scrolls to the original and lights it; its own link goes back', async () => {
    const { container } = render(
      <>
        <DeductionRow item={deduction('1', { kind: 'refund', amount: 500, refundOfSeq: '2', refundVia: 'reversal' })} />
        <DeductionRow item={deduction('2', { amount: 500, cancelled: true, refundSeq: '1' })} />
      </>,
    )
    expect(screen.getByText('冲正退回')).toBeTruthy()
    await act(async () => {
      fireEvent.click(screen.getByText('原扣款'))
    })
    expect(vi.mocked(Taro.pageScrollTo)).toHaveBeenLastCalledWith({ selector: '#record-2', duration: 300 })
    expect(container.querySelector('#record-2')?.className).toContain('record--lit')
    expect(container.querySelector('#record-1')?.className).not.toContain('record--lit')

    await act(async () => {
      fireEvent.click(screen.getByText('查看退回'))
    })
    expect(vi.mocked(Taro.pageScrollTo)).toHaveBeenLastCalledWith({ selector: '#record-1', duration: 300 })
    expect(container.querySelector('#record-1')?.className).toContain('record--lit')
  })

  it('when the original is not loaded yet, then a toast says it is further down', async () => {
    vi.mocked(Taro.pageScrollTo).mockRejectedValueOnce(new Error('no such element'))
    render(<DeductionRow item={deduction('1', { kind: 'refund', amount: 500, refundOfSeq: '99', refundVia: 'cancellation' })} />)
    await act(async () => {
      fireEvent.click(screen.getByText('原扣款'))
    })
    expect(vi.mocked(Taro.showToast)).toHaveBeenCalledWith({ title: '原记录在更早的明细中，请上拉加载', icon: 'none' })
  })

  it('when the beneficiary’s payment was cancelled, then the refund record says what went back to which account and what cash is due at the counter', () => {
    const paid = { ...payment('2'), cancelled: true, refundSeq: '1' }
    const back = { ...payment('1'), kind: 'refund' as const, refundOfSeq: '2', refundVia: 'cancellation' as const }
    render(
      <>
        <PaymentRow item={back} />
        <PaymentRow item={paid} />
      </>,
    )
    expect(screen.getByText('退回 · 拉萨城关区康源药店')).toBeTruthy()
    expect(screen.getByText('+¥500.00')).toBeTruthy()
    expect(screen.getByText('退回本人账户')).toBeTruthy()
    expect(screen.getByText('退回扎*的账户（家庭共济）')).toBeTruthy()
    expect(screen.getByText('现金部分，在柜台退还')).toBeTruthy()
    expect(screen.getByText('已撤销')).toBeTruthy()
    expect(screen.getByText('原支付')).toBeTruthy()
    expect(screen.getByText('查看退回')).toBeTruthy()
  })

  it('when a cancellation was itself reversed, then the refund says it was taken back and the taken-back row is money out again', () => {
    render(
      <>
        <DeductionRow item={deduction('3', { kind: 'refund_taken_back', amount: 700, refundOfSeq: '2' })} />
        <DeductionRow item={deduction('2', { kind: 'refund', amount: 700, takenBack: true, refundOfSeq: '1', refundVia: 'cancellation' })} />
      </>,
    )
    expect(screen.getByText('-¥7.00')).toBeTruthy()
    expect(screen.getByText('退款收回 · 拉萨市人民医院')).toBeTruthy()
    expect(screen.getByText('撤销已冲正，退款已收回')).toBeTruthy()
  })

  it('when a payment was never cancelled, then no mark and no link show', () => {
    render(<DeductionRow item={deduction('1')} />)
    expect(screen.getByText('-¥123.45')).toBeTruthy()
    expect(screen.queryByText('已撤销')).toBeNull()
    expect(screen.queryByText('查看退回')).toBeNull()
  })
})
