import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen } from '@testing-library/react'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
vi.mock('@/services/home', () => ({ getHome: vi.fn() }))
vi.mock('@/services/http', async (original) => (await import('./support/api')).httpMock(await original()))

import Taro from '@tarojs/taro'
import Home from '@/pages/index/index'
import { ApiError } from '@/services/http'
import { getHome } from '@/services/home'
import { endpoint } from './support/api'
import { home, invitation } from './support/fixtures'
import { resetTaroMock } from './support/taro'

const getHomeMock = vi.mocked(getHome)

describe('home page', () => {
  beforeEach(() => {
    localStorage.clear()
    resetTaroMock()
    vi.clearAllMocks()
    // no invitation waits unless a test says so (the banner asks on every home)
    endpoint('listInvitations').mockResolvedValue({ items: [] })
  })

  it('when the home answer has not arrived, then the loading state shows', () => {
    getHomeMock.mockReturnValue(new Promise(() => undefined))
    render(<Home />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect(screen.queryByText('重新加载')).toBeNull()
  })

  it('when loading fails, then the mapped message and a retry show, and the retry loads the page', async () => {
    getHomeMock.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', 0)).mockResolvedValueOnce(home())
    render(<Home />)

    expect(await screen.findByText('网络连接失败，请检查网络后重试。')).toBeTruthy()
    fireEvent.click(screen.getByText('重新加载'))

    expect(await screen.findByText('扎西')).toBeTruthy()
    expect(getHomeMock).toHaveBeenCalledTimes(2)
  })

  it('when the e-credential is not activated (person null), then a clear call to activate leads to activation', async () => {
    getHomeMock.mockResolvedValue(home({ person: null, sharing: { asAuthorizer: [], asBeneficiary: [] }, pendingInvitations: 0, unreadNotifications: 0 }))
    render(<Home />)

    expect(await screen.findByText('请先激活医保电子凭证')).toBeTruthy()
    fireEvent.click(screen.getByText('立即激活'))

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/activate/index' })
    expect(screen.queryByText('职工医保个人账户余额')).toBeNull()
  })

  it('when I am activated, then my balance, the part usable for family and the badges show', async () => {
    getHomeMock.mockResolvedValue(home())
    const { container } = render(<Home />)

    expect(await screen.findByText('¥8,000.00')).toBeTruthy()
    expect(screen.getByText('¥5,000.00')).toBeTruthy()
    expect(screen.getByText('账户需保留3,000元，超出部分可供家人使用')).toBeTruthy()
    const invitations = container.querySelector('.service-grid__item--invitations')
    const notices = container.querySelector('.service-grid__item--notifications')
    expect(invitations?.querySelector('.badge')?.textContent).toBe('2')
    expect(notices?.querySelector('.badge')?.textContent).toBe('5')
    expect(screen.getByText('卓*')).toBeTruthy()
    expect(screen.getByText('演示')).toBeTruthy()
  })

  it('when nobody shares with me yet, then the empty sharing lists say so and offer to add a relative', async () => {
    getHomeMock.mockResolvedValue(home({ sharing: { asAuthorizer: [], asBeneficiary: [] }, pendingInvitations: 0, unreadNotifications: 0 }))
    const { container } = render(<Home />)

    expect(await screen.findByText('还没有与家人共享个人账户。添加后，家人看病买药可以使用您的个人账户。')).toBeTruthy()
    expect(screen.getByText('暂时没有家人把个人账户共享给您。')).toBeTruthy()
    expect(container.querySelector('.badge')).toBeNull()
  })

  it('when I am resident-insured, then there is no balance and no entry to share or pay from an account', async () => {
    const base = home()
    getHomeMock.mockResolvedValue(home({ person: { ...base.person!, insurance: 'resident', balance: 0, usableForFamily: 0 } }))
    render(<Home />)

    expect(await screen.findByText(/城乡居民医保参保人没有职工医保个人账户/)).toBeTruthy()
    expect(screen.queryByText('添加家人')).toBeNull()
    expect(screen.queryByText('代缴保费')).toBeNull()
    expect(screen.getByText('扣款明细')).toBeTruthy()
  })

  it('when an invitation waits for me, then a banner at the top names who invites me and opens that invitation (issue 12 item 1)', async () => {
    getHomeMock.mockResolvedValue(home({ pendingInvitations: 1, sharing: { asAuthorizer: [], asBeneficiary: [] } }))
    endpoint('listInvitations').mockResolvedValue({ items: [invitation({ invitationId: 'inv-7', expiresAt: Date.now() + 3_600_000 })] })
    const { container } = render(<Home />)

    expect(await screen.findByText('我的儿子 · 扎*')).toBeTruthy()
    expect(container.querySelector('.invite-banner')?.textContent).toContain('邀请您共享医保个人账户')
    expect(container.firstElementChild?.firstElementChild?.className).toContain('invite-banner')
    fireEvent.click(screen.getByText('查看并接受'))

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/invitations/index?box=received&id=inv-7' })
  })

  it('when no invitation waits, then there is no banner', async () => {
    getHomeMock.mockResolvedValue(home({ pendingInvitations: 0 }))
    const { container } = render(<Home />)
    await screen.findByText('可供家人使用')
    expect(container.querySelector('.invite-banner')).toBeNull()
  })
})
