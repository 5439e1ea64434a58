import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, render, screen } from '@testing-library/react'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
vi.mock('@/services/face', () => ({ startFaceSession: vi.fn(), completeFaceSession: vi.fn(), getFaceStatus: vi.fn() }))
vi.mock('@/utils/face-handoff', () => ({ faceRequestOf: vi.fn(), answerFaceRequest: vi.fn() }))

import Taro from '@tarojs/taro'
import Face from '@/pages/face/index'
import { completeFaceSession, getFaceStatus, startFaceSession } from '@/services/face'
import { ApiError } from '@/services/http'
import { answerFaceRequest, faceRequestOf } from '@/utils/face-handoff'
import { fire, resetTaroMock, router } from './support/taro'

const SESSION = { sessionId: 'sess-0001', verifyId: 'verify-0001', purpose: 'bind' as const, expiresAt: Date.now() + 600_000, demo: true, help: { counter: '参保地医疗保障经办机构服务窗口', hotline: '12393' } }

/** Runs the three liveness prompts (1.4 s each) and lets the completion settle. */
async function runPrompts() {
  for (let i = 0; i < 4; i += 1) await act(async () => vi.advanceTimersByTimeAsync(1_400))
}

describe('face verification page', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    resetTaroMock()
    vi.clearAllMocks()
    router.params = { purpose: 'bind', target: '540102195807202428', rid: 'r1' }
    vi.mocked(faceRequestOf).mockReturnValue({ purpose: 'bind', target: '540102195807202428' })
    vi.mocked(getFaceStatus).mockResolvedValue({ attemptsLeft: 5, lockedUntil: null })
    vi.mocked(startFaceSession).mockResolvedValue(SESSION)
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('when the demo outcome 通过 is chosen, then the prompts run in order and the ticket goes back to the opener before leaving', async () => {
    vi.mocked(completeFaceSession).mockResolvedValue({ ticket: 'ticket-0123456789abcdef', purpose: 'bind', expiresAt: Date.now() + 60_000 })
    // like the real hand-off, which forgets the request once it is answered
    vi.mocked(answerFaceRequest).mockImplementation(() => vi.mocked(faceRequestOf).mockReturnValue(undefined))
    render(<Face />)
    fireEvent.click(await screen.findByText('开始验证'))

    expect(screen.getByText('请眨眨眼')).toBeTruthy()
    await act(async () => vi.advanceTimersByTimeAsync(1_400))
    expect(screen.getByText('请张张嘴')).toBeTruthy()
    await act(async () => vi.advanceTimersByTimeAsync(1_400))
    expect(screen.getByText('请缓慢转头')).toBeTruthy()
    await runPrompts()

    expect(completeFaceSession).toHaveBeenCalledWith('sess-0001', 'pass')
    expect(answerFaceRequest).toHaveBeenCalledWith('r1', { ticket: 'ticket-0123456789abcdef' })
    // still about the binding while it goes back, though the hand-off has forgotten the request
    expect(screen.getByText(/绑定家人/)).toBeTruthy()
    expect(Taro.navigateBack).toHaveBeenCalled()
    const answeredAt = vi.mocked(answerFaceRequest).mock.invocationCallOrder[0] as number
    expect(answeredAt).toBeLessThan(vi.mocked(Taro.navigateBack).mock.invocationCallOrder[0] as number)
  })

  it('when the demo outcome 不匹配 fails, then the reason and the attempts left show, with a retry', async () => {
    vi.mocked(completeFaceSession).mockRejectedValue(new ApiError('FACE_VERIFICATION_FAILED', 422))
    vi.mocked(getFaceStatus).mockResolvedValueOnce({ attemptsLeft: 5, lockedUntil: null }).mockResolvedValue({ attemptsLeft: 4, lockedUntil: null })
    render(<Face />)
    fireEvent.click(await screen.findByText('不匹配'))
    fireEvent.click(screen.getByText('开始验证'))
    await runPrompts()

    expect(completeFaceSession).toHaveBeenCalledWith('sess-0001', 'fail')
    expect(screen.getByText('人脸与身份信息不匹配，请本人重新验证。')).toBeTruthy()
    expect(screen.getByText('还可以尝试 4 次')).toBeTruthy()
    expect(screen.getByText('重新验证')).toBeTruthy()
    expect(answerFaceRequest).not.toHaveBeenCalled()
  })

  it('when WeChat\'s query says this phone cannot do face verification, then the counter and the hotline from the policy are offered, not a retry', async () => {
    vi.mocked(completeFaceSession).mockRejectedValue(new ApiError('FACE_DEVICE_UNSUPPORTED', 422))
    const help = { counter: '阿里地区医疗保障局经办服务窗口', hotline: '0897-0000000' }
    vi.mocked(startFaceSession).mockResolvedValue({ ...SESSION, help })
    render(<Face />)
    fireEvent.click(await screen.findByText('开始验证'))
    await runPrompts()

    expect(screen.getByText('这部手机暂不支持微信人脸验证')).toBeTruthy()
    expect(document.body.textContent).toContain(help.counter)
    expect(document.body.textContent).toContain(`拨打 ${help.hotline}`)
    expect(screen.queryByText('重新验证')).toBeNull()
    fireEvent.click(screen.getByText(`拨打 ${help.hotline}`))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: help.hotline })
  })

  it('when verification is locked, then the lock-out, its end time and the other ways (counter, hotline) show and no session starts (issue 12 item 3)', async () => {
    const until = Date.UTC(2036, 2, 9, 7, 30)
    vi.mocked(getFaceStatus).mockResolvedValue({ attemptsLeft: 0, lockedUntil: until })
    const { container } = render(<Face />)

    expect(await screen.findByText('失败次数过多，人脸验证已暂时锁定')).toBeTruthy()
    const text = container.textContent ?? ''
    expect(text).toContain('2036-03-09 15:30 后可以再试')
    expect(text).toContain('当地医疗保障经办机构窗口')
    expect(text).toContain('医保服务热线 12393')
    expect(screen.getByText('拨打 12393')).toBeTruthy()
    expect(startFaceSession).not.toHaveBeenCalled()
  })

  it('when the page is left before passing, then the opener is told there is no ticket', async () => {
    render(<Face />)
    await screen.findByText('开始验证')
    fire('unload')
    expect(answerFaceRequest).toHaveBeenCalledWith('r1', null)
  })

  it('when the page was reloaded and lost its request, then it asks to start again', () => {
    vi.mocked(faceRequestOf).mockReturnValue(undefined)
    render(<Face />)
    expect(screen.getByText('验证已中断')).toBeTruthy()
    expect(startFaceSession).not.toHaveBeenCalled()
  })
})
