import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
vi.mock('@/services/premiums', async (original) => ({ ...(await original<object>()), getPremiumReceipt: vi.fn(), listPremiums: vi.fn() }))

import Taro from '@tarojs/taro'
import PremiumReceipt from '@/pages/premium-receipt/index'
import Premiums from '@/pages/premiums/index'
import { ApiError } from '@/services/http'
import { getPremiumReceipt, listPremiums } from '@/services/premiums'
import { findReceipt, saveReceipt } from '@/utils/receipt-store'
import { NOW, premiumReceipt, premiums } from './support/fixtures'
import { resetTaroMock, router } from './support/taro'
import { shortReference } from '@/utils/reference'

const RECEIPT = premiumReceipt('pp-server-1')

describe('issue 9 item 2: the premium receipt page', () => {
  beforeEach(() => {
    localStorage.clear()
    resetTaroMock()
    vi.clearAllMocks()
  })

  it('when this phone did not pay (no local copy), then the receipt is loaded from the server and kept', async () => {
    vi.mocked(getPremiumReceipt).mockResolvedValue(RECEIPT)
    router.params = { bindingId: 'b-yangjin', year: '2026' }
    render(<PremiumReceipt />)
    expect(await screen.findByText('¥400.00')).toBeTruthy()
    expect(screen.getByText(shortReference('pp-server-1', 12))).toBeTruthy()
    expect(getPremiumReceipt).toHaveBeenCalledWith('b-yangjin', 2026)
    expect(findReceipt('pp-server-1')).toEqual(RECEIPT)
  })

  it('when the local copy is there, then it is shown without asking the server', async () => {
    saveReceipt({ ...RECEIPT, paymentId: 'pp-local-1' })
    router.params = { paymentId: 'pp-local-1', bindingId: 'b-yangjin', year: '2026' }
    render(<PremiumReceipt />)
    expect(await screen.findByText(shortReference('pp-local-1', 12))).toBeTruthy()
    expect(getPremiumReceipt).not.toHaveBeenCalled()
  })

  it('when the server has no receipt for me (NOT_FOUND), then the page says so; when it fails otherwise, then it offers a retry', async () => {
    vi.mocked(getPremiumReceipt).mockRejectedValueOnce(new ApiError('NOT_FOUND', 404))
    router.params = { bindingId: 'b-yangjin', year: '2026' }
    const { unmount } = render(<PremiumReceipt />)
    expect(await screen.findByText('没有找到这张缴费凭证')).toBeTruthy()
    unmount()

    vi.mocked(getPremiumReceipt).mockRejectedValueOnce(new ApiError('SERVICE_UNAVAILABLE', 503))
    render(<PremiumReceipt />)
    expect(await screen.findByText('重新加载')).toBeTruthy()
    expect(screen.queryByText('没有找到这张缴费凭证')).toBeNull()
  })

  it('when a premium was paid by me on another device, then the premiums page still offers 查看凭证, opening the receipt by relative and year', async () => {
    vi.mocked(listPremiums).mockResolvedValue(premiums({ status: 'paid', paidAt: NOW, paidByMe: true }))
    render(<Premiums />)
    fireEvent.click(await screen.findByText('查看凭证'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/premium-receipt/index?bindingId=b-yangjin&year=2026' }))
  })
})
