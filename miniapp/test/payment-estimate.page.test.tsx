import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ResponseOf } from '@family-share/shared'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
vi.mock('@/services/http', async (original) => (await import('./support/api')).httpMock(await original()))

import PaymentEstimatePage from '@/pages/payment-estimate/index'
import { ApiError } from '@/services/http'
import { endpoint } from './support/api'
import { NOW } from './support/fixtures'
import { typeInto } from './support/input'
import { resetTaroMock } from './support/taro'

const INSTITUTIONS: ResponseOf<'estimateInstitutions'> = {
  items: [
    { code: 'P54010001', name: '拉萨城关区康源药店', kind: 'pharmacy', familySharing: true },
    { code: 'H51010001', name: '成都市第三人民医院', kind: 'hospital', familySharing: false },
  ],
  defaultCode: 'P54010001',
  minAmount: 1,
  maxAmount: 5_000_000,
}

const ESTIMATE: ResponseOf<'paymentEstimate'> = {
  charge: 12850,
  institution: INSTITUTIONS.items[0]!,
  own: 3000,
  ownBalanceAfter: 0,
  shared: [{ bindingId: 'b-1', maskedName: '扎*', relation: 'child', amount: 9850 }],
  cash: 0,
  noSharingReason: null,
  at: NOW,
}

describe('付款预估 page (R22)', () => {
  beforeEach(() => {
    resetTaroMock()
    vi.clearAllMocks()
    endpoint('estimateInstitutions').mockResolvedValue(INSTITUTIONS)
  })

  it('when the institutions have not arrived, then the loading state shows', () => {
    endpoint('estimateInstitutions').mockReturnValue(new Promise(() => undefined))
    render(<PaymentEstimatePage />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
  })

  it('when the institutions cannot be loaded, then the mapped message and a retry show, and the retry loads the form', async () => {
    endpoint('estimateInstitutions').mockRejectedValueOnce(new ApiError('SERVICE_UNAVAILABLE', 503)).mockResolvedValueOnce(INSTITUTIONS)
    render(<PaymentEstimatePage />)
    expect(await screen.findByText('医保服务暂时无法连接，请稍后再试。')).toBeTruthy()
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('拉萨城关区康源药店')).toBeTruthy()
  })

  it('when an amount is estimated at the default pharmacy, then the split shows: own account with its balance after, the parent as I call them, cash — and no balance of the parent', async () => {
    endpoint('paymentEstimate').mockResolvedValue(ESTIMATE)
    const { container } = render(<PaymentEstimatePage />)
    await screen.findByText('拉萨城关区康源药店')
    await typeInto(container, 0, '128.50')
    fireEvent.click(screen.getByText('预估支付方式'))

    expect(await screen.findByText('预计这样支付')).toBeTruthy()
    expect(endpoint('paymentEstimate')).toHaveBeenCalledWith({ body: { amount: '128.50', institutionCode: 'P54010001' } })
    expect(screen.getByText('¥128.50')).toBeTruthy()
    expect(screen.getByText('本人个人账户')).toBeTruthy()
    expect(screen.getByText('支付后余额 ¥0.00')).toBeTruthy()
    // relation 'child': I am their child, so they are my parent.
    expect(screen.getByText('扎*（父母）的个人账户')).toBeTruthy()
    expect(screen.getByText('¥98.50')).toBeTruthy()
    expect(screen.getByText('现金或其他方式自付')).toBeTruthy()
    expect(container.textContent).not.toContain('可用')
  })

  it('when the amount is empty, zero, has three decimals or is above the bound, then the field says so and nothing is sent', async () => {
    const { container } = render(<PaymentEstimatePage />)
    await screen.findByText('拉萨城关区康源药店')
    fireEvent.click(screen.getByText('预估支付方式'))
    expect(await screen.findByText('请输入金额')).toBeTruthy()
    for (const typed of ['0', '1.234', '50000.01']) {
      await typeInto(container, 0, typed)
      fireEvent.click(screen.getByText('预估支付方式'))
      expect(await screen.findByText('请输入¥0.01至¥50,000.00之间的金额，最多两位小数')).toBeTruthy()
    }
    expect(endpoint('paymentEstimate')).not.toHaveBeenCalled()
  })

  it('when the estimate is refused, then the mapped message shows and the typed amount stays', async () => {
    endpoint('paymentEstimate').mockRejectedValue(new ApiError('RATE_LIMITED', 429))
    const { container } = render(<PaymentEstimatePage />)
    await screen.findByText('拉萨城关区康源药店')
    await typeInto(container, 0, '30')
    fireEvent.click(screen.getByText('预估支付方式'))
    expect(await screen.findByText('操作太频繁，请稍后再试。')).toBeTruthy()
    expect(container.querySelector('input')?.value).toBe('30')
    expect(screen.queryByText('预计这样支付')).toBeNull()
  })

  it('when a hospital outside the region not open for sharing is chosen, then it is marked, and the estimate says why nothing is shared (R21)', async () => {
    endpoint('paymentEstimate').mockResolvedValue({ ...ESTIMATE, institution: INSTITUTIONS.items[1]!, shared: [], cash: 9850, noSharingReason: 'INSTITUTION_NOT_OPEN_FOR_SHARING' })
    const { container } = render(<PaymentEstimatePage />)
    fireEvent.click(await screen.findByText('更换'))
    expect(screen.getByText('未开通家庭共济')).toBeTruthy()
    fireEvent.click(screen.getByText('成都市第三人民医院'))
    await typeInto(container, 0, '128.5')
    fireEvent.click(screen.getByText('预估支付方式'))
    await waitFor(() => expect(endpoint('paymentEstimate')).toHaveBeenCalledWith({ body: { amount: '128.5', institutionCode: 'H51010001' } }))
    expect(await screen.findByText('这里不能使用家人的账户')).toBeTruthy()
  })

  it('when a resident-insured person estimates, then no own-account line shows (residents have none, R12) and the relative pays', async () => {
    endpoint('paymentEstimate').mockResolvedValue({ ...ESTIMATE, own: 0, ownBalanceAfter: null, shared: [{ bindingId: 'b-1', maskedName: '扎*', relation: 'parent', amount: 12850 }] })
    const { container } = render(<PaymentEstimatePage />)
    await screen.findByText('拉萨城关区康源药店')
    await typeInto(container, 0, '128.50')
    fireEvent.click(screen.getByText('预估支付方式'))
    expect(await screen.findByText('扎*（子女）的个人账户')).toBeTruthy()
    expect(screen.queryByText('本人个人账户')).toBeNull()
  })
})
