import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
vi.mock('@/services/http', async (original) => (await import('./support/api')).httpMock(await original()))

import Taro from '@tarojs/taro'
import Invitations from '@/pages/invitations/index'
import { ApiError } from '@/services/http'
import { endpoint } from './support/api'
import { binding, invitation } from './support/fixtures'
import { resetTaroMock, router } from './support/taro'

const list = endpoint('listInvitations')

function boxes(received: ReturnType<typeof invitation>[], sent: ReturnType<typeof invitation>[]) {
  list.mockImplementation(async (request) => ({ items: request.query?.box === 'received' ? received : sent }))
}

describe('my invitations page', () => {
  beforeEach(() => {
    localStorage.clear()
    resetTaroMock()
    vi.clearAllMocks()
  })

  it('when the lists have not arrived, then the loading state shows', () => {
    list.mockReturnValue(new Promise(() => undefined))
    render(<Invitations />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
  })

  it('when loading fails, then the mapped message and a retry show, and the retry loads the lists', async () => {
    list.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', 0))
    render(<Invitations />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试。')).toBeTruthy()

    boxes([invitation({ expiresAt: Date.now() + 5 * 3_600_000 })], [])
    fireEvent.click(screen.getByText('重新加载'))

    expect(await screen.findByText('扎*')).toBeTruthy()
  })

  it('when nothing was received, then the empty state says so', async () => {
    boxes([], [])
    render(<Invitations />)
    expect(await screen.findByText('没有收到邀请')).toBeTruthy()
  })

  it('when nothing was sent, then the empty state offers to add a relative', async () => {
    router.params = { box: 'sent' }
    boxes([], [])
    render(<Invitations />)
    expect(await screen.findByText('还没有发出邀请')).toBeTruthy()
    fireEvent.click(screen.getByText('添加家人'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/add-relative/index' })
  })

  it('when a received invitation is pending, then its time left shows, and accepting asks first and then accepts it', async () => {
    const pending = invitation({ expiresAt: Date.now() + 5 * 3_600_000 + 30 * 60_000 })
    boxes([pending], [])
    endpoint('acceptInvitation').mockResolvedValue(binding({ role: 'beneficiary' }))
    render(<Invitations />)

    expect(await screen.findByText(/^5小时30分钟/)).toBeTruthy()
    // what the inviter (who bound me as their parent) is to me: my child, a son by the ID's 17th digit (item 8)
    expect(screen.getByText('我的儿子')).toBeTruthy()
    fireEvent.click(screen.getByText('接受邀请'))

    await waitFor(() => expect(endpoint('acceptInvitation')).toHaveBeenCalledWith({ params: { invitationId: 'inv-1' } }))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '接受邀请' }))
  })

  it('when a pending invitation is past its expiry, then it shows as expired without actions', async () => {
    boxes([invitation({ expiresAt: Date.now() - 60_000 })], [])
    render(<Invitations />)
    expect(await screen.findByText('已过期')).toBeTruthy()
    expect(screen.queryByText('接受邀请')).toBeNull()
  })

  it('when I withdraw a sent invitation and the server says it was already answered, then that is explained', async () => {
    router.params = { box: 'sent' }
    boxes([], [invitation({ box: 'sent', invitationId: 'inv-9', expiresAt: Date.now() + 3_600_000 })])
    endpoint('cancelInvitation').mockRejectedValue(new ApiError('INVITATION_NOT_PENDING', 409))
    render(<Invitations />)

    fireEvent.click(await screen.findByText('撤回邀请'))

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '这条邀请已被处理（接受、拒绝或撤回）。' })))
    expect(endpoint('cancelInvitation')).toHaveBeenCalledWith({ params: { invitationId: 'inv-9' } })
  })

  it('issue 9 item 9: when an invitation was closed because it can never be accepted, then it reads 已失效 with the reason and offers no answer', async () => {
    boxes([invitation({ status: 'closed', closedReason: 'REVERSE_BINDING', decidedAt: Date.now() - 60_000 })], [])
    render(<Invitations />)
    expect(await screen.findByText('已失效')).toBeTruthy()
    expect(screen.getByText('失效原因')).toBeTruthy()
    expect(screen.getByText('对方已经把医保个人账户共享给您，不能再反向绑定。')).toBeTruthy()
    expect(screen.queryByText('接受邀请')).toBeNull()
  })

  it("issue 9 item 8: when accepting fails because of the inviter's credential, then the message is about the inviter, never 您的", async () => {
    boxes([invitation({ invitationId: 'inv-7', expiresAt: Date.now() + 3_600_000 })], [])
    endpoint('acceptInvitation').mockRejectedValue(new ApiError('AUTHORIZER_ECREDENTIAL_INACTIVE', 422))
    render(<Invitations />)

    fireEvent.click(await screen.findByText('接受邀请'))

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '邀请人的医保电子凭证目前未激活，暂时不能接受这条邀请。' })))
  })
})

