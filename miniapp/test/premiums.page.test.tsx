import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
vi.mock('@/services/premiums', async (original) => ({ ...(await original<object>()), listPremiums: vi.fn(), payPremium: vi.fn() }))

import Taro from '@tarojs/taro'
import Premiums from '@/pages/premiums/index'
import { ApiError } from '@/services/http'
import { listPremiums, payPremium } from '@/services/premiums'
import { findReceipt } from '@/utils/receipt-store'
import { NOW, premiumReceipt, premiums } from './support/fixtures'
import { resetTaroMock } from './support/taro'

const RECEIPT = premiumReceipt('pp-1')

const keyOf = (n: number) => vi.mocked(payPremium).mock.calls[n]?.[1]

describe('premium payment page', () => {
  beforeEach(() => {
    localStorage.clear()
    resetTaroMock()
    vi.clearAllMocks()
  })

  it('when the amount is a demo value, then it says 演示金额 next to it', async () => {
    vi.mocked(listPremiums).mockResolvedValue(premiums())
    render(<Premiums />)
    expect(await screen.findByText('¥400.00')).toBeTruthy()
    expect(screen.getByText('演示金额')).toBeTruthy()
  })

  it('when the payment succeeds after the confirm step, then the receipt is kept and opened', async () => {
    vi.mocked(listPremiums).mockResolvedValue(premiums())
    vi.mocked(payPremium).mockResolvedValue(RECEIPT)
    render(<Premiums />)

    fireEvent.click(await screen.findByText('从我的个人账户缴纳'))

    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/premium-receipt/index?paymentId=pp-1' }))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认缴费' }))
    expect(findReceipt('pp-1')).toEqual(RECEIPT)
  })

  it('when no answer arrives and the person retries, then the retry carries the same Idempotency-Key (R17)', async () => {
    vi.mocked(listPremiums).mockResolvedValue(premiums())
    vi.mocked(payPremium).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', 0)).mockResolvedValueOnce(RECEIPT)
    render(<Premiums />)

    fireEvent.click(await screen.findByText('从我的个人账户缴纳'))

    await waitFor(() => expect(payPremium).toHaveBeenCalledTimes(2))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '缴费结果未知', confirmText: '重试' }))
    expect(keyOf(0)).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(keyOf(1)).toBe(keyOf(0))
  })

  it('when a payment was refused, then the next attempt gets a new key', async () => {
    vi.mocked(listPremiums).mockResolvedValue(premiums())
    vi.mocked(payPremium).mockRejectedValueOnce(new ApiError('AUTHORIZER_ACCOUNT_ABNORMAL', 422)).mockResolvedValueOnce(RECEIPT)
    render(<Premiums />)
    const button = await screen.findByText('从我的个人账户缴纳')

    fireEvent.click(button)
    await waitFor(() => expect(payPremium).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(screen.getByText('从我的个人账户缴纳').className).not.toContain('busy'))
    fireEvent.click(screen.getByText('从我的个人账户缴纳'))

    await waitFor(() => expect(payPremium).toHaveBeenCalledTimes(2))
    expect(keyOf(1)).not.toBe(keyOf(0))
  })

  it.each([
    ['INSUFFICIENT_SHARED_BALANCE', '个人账户可用于家人的余额不足（账户需保留3,000元），本次保费需一次付清，暂不能从账户缴纳。'],
    ['PREMIUM_ALREADY_PAID', '这位家人本年度的居民医保费已经缴纳，无需重复缴费。'],
    ['PREMIUM_ONLY_FOR_RESIDENT', '只能为参加城乡居民医保的家人代缴保费，这位家人参加的是职工医保或未参保。'],
  ])('when the server refuses with %s, then its own message is shown', async (code, message) => {
    vi.mocked(listPremiums).mockResolvedValue(premiums())
    vi.mocked(payPremium).mockRejectedValue(new ApiError(code as never, 422))
    render(<Premiums />)

    fireEvent.click(await screen.findByText('从我的个人账户缴纳'))

    await waitFor(() => expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '缴费没有成功', content: message })))
  })

  it('when the usable balance cannot cover the premium, then the button is disabled and the reason is given', async () => {
    vi.mocked(listPremiums).mockResolvedValue(premiums({}, 20000))
    render(<Premiums />)

    expect(await screen.findByText(/不足以一次缴清，暂不能从账户代缴/)).toBeTruthy()
    fireEvent.click(screen.getByText('从我的个人账户缴纳'))
    expect(payPremium).not.toHaveBeenCalled()
  })

  it('when the relative is employee-insured, then no payment is offered and the reason is given', async () => {
    vi.mocked(listPremiums).mockResolvedValue(premiums({ insurance: 'employee', status: 'not_applicable', amountDue: null, demoAmount: false }))
    render(<Premiums />)
    expect(await screen.findByText('这位家人参加的是职工医保，不需要缴纳城乡居民医保费。')).toBeTruthy()
    expect(screen.queryByText('从我的个人账户缴纳')).toBeNull()
  })

  it('when another year is chosen while offline, then that year shows its error, never the paid card of the previous year (issue 12 item 7)', async () => {
    const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()
    vi.mocked(listPremiums).mockImplementation(async (year) => {
      if (year !== thisYear) throw new ApiError('NETWORK_ERROR', 0)
      return premiums({ status: 'paid', paidAt: NOW, paidByMe: true })
    })
    render(<Premiums />)
    expect(await screen.findByText('已缴纳')).toBeTruthy()

    fireEvent.click(screen.getByText(`${thisYear + 1}年度`))

    expect(await screen.findByText('网络连接失败，请检查网络后重试。')).toBeTruthy()
    expect(screen.queryByText('已缴纳')).toBeNull()
    expect(screen.queryByText('¥400.00')).toBeNull()
  })
})
