import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
vi.mock('@/services/auth', () => ({ listDemoPeople: vi.fn(), loginAsDemoPerson: vi.fn(), loginWithWechat: vi.fn() }))

import Taro from '@tarojs/taro'
import Login from '@/pages/login/index'
import { listDemoPeople, loginAsDemoPerson } from '@/services/auth'
import { ApiError } from '@/services/http'
import { DEMO_PEOPLE } from './support/fixtures'
import { resetTaroMock } from './support/taro'

describe('login page (h5: demo login)', () => {
  beforeEach(() => {
    localStorage.clear()
    resetTaroMock()
    vi.clearAllMocks()
  })

  it('when the demo people arrive, then each shows with what they demonstrate, under a clear 演示 mark', async () => {
    vi.mocked(listDemoPeople).mockResolvedValue(DEMO_PEOPLE)
    render(<Login />)

    expect(await screen.findByText('扎西')).toBeTruthy()
    expect(screen.getByText('职工医保，余额8000元：激活凭证、邀请母亲卓玛')).toBeTruthy()
    expect(screen.getByText('演示登录')).toBeTruthy()
    expect(screen.getByText('演示')).toBeTruthy()
    expect(screen.queryByText('微信一键登录')).toBeNull()
  })

  it('when a demo person is chosen, then the app logs in as them and opens home', async () => {
    vi.mocked(listDemoPeople).mockResolvedValue(DEMO_PEOPLE)
    vi.mocked(loginAsDemoPerson).mockResolvedValue()
    render(<Login />)

    fireEvent.click(await screen.findByText('卓玛'))

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    expect(loginAsDemoPerson).toHaveBeenCalledWith('o_demo_zhuoma')
  })

  it('when the login is refused, then the reason shows and the list stays', async () => {
    vi.mocked(listDemoPeople).mockResolvedValue(DEMO_PEOPLE)
    vi.mocked(loginAsDemoPerson).mockRejectedValue(new ApiError('RATE_LIMITED', 429))
    render(<Login />)

    fireEvent.click(await screen.findByText('扎西'))

    expect(await screen.findByText('操作太频繁，请稍后再试。')).toBeTruthy()
    expect(screen.getByText('卓玛')).toBeTruthy()
    expect(Taro.reLaunch).not.toHaveBeenCalled()
  })

  it('when the demo list cannot load, then an error with a retry shows', async () => {
    vi.mocked(listDemoPeople).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', 0)).mockResolvedValueOnce(DEMO_PEOPLE)
    render(<Login />)

    expect(await screen.findByText('演示账号加载失败')).toBeTruthy()
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('扎西')).toBeTruthy()
  })
})
