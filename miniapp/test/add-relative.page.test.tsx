import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { composeIdNumber } from '@family-share/shared'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
vi.mock('@/utils/face-handoff', () => ({ verifyFace: vi.fn() }))
vi.mock('@/services/http', async (original) => (await import('./support/api')).httpMock(await original()))

import Taro from '@tarojs/taro'
import AddRelative from '@/pages/add-relative/index'
import { endpoint } from './support/api'
import { ApiError } from '@/services/http'
import { wordsOf } from '@/i18n/error-messages'
import { verifyFace } from '@/utils/face-handoff'
import { binding, COMMITMENT, invitation, NOW } from './support/fixtures'
import { typeInto } from './support/input'
import { hooks, resetTaroMock } from './support/taro'

const CHILD_ID = composeIdNumber('540102', '2018-09-01', 264) // 8 years old for years to come
const ADULT_ID = composeIdNumber('540102', '1958-07-20', 242)
const NAME = 0
const ID = 1
const TICKET = { ticket: 'ticket-0123456789abcdef' }

async function renderForm(accepted = true) {
  endpoint('commitment').mockResolvedValue({ ...COMMITMENT, acceptedAt: accepted ? NOW : null })
  const view = render(<AddRelative />)
  await screen.findByText('家人姓名')
  return view
}

describe('add-a-relative form', () => {
  beforeEach(() => {
    localStorage.clear()
    resetTaroMock()
    vi.clearAllMocks()
    endpoint('checkInvitation').mockResolvedValue({ needsAcceptance: true })
    endpoint('invitationLink').mockResolvedValue({ token: 'inv-1.abc.sig', path: '/pages/invite/index?t=inv-1.abc.sig', expiresAt: NOW + 72 * 3_600_000 })
  })

  it('when submitted empty, then relation, name and ID number each say what is missing and nothing is sent', async () => {
    await renderForm()
    fireEvent.click(screen.getByText('下一步：人脸验证'))

    expect(await screen.findByText('请选择这位家人是您的什么人')).toBeTruthy()
    expect(screen.getByText('请填写姓名')).toBeTruthy()
    expect(screen.getByText('请填写身份证号')).toBeTruthy()
    expect(verifyFace).not.toHaveBeenCalled()
  })

  it('when the relation is 子女 and the ID number shows a child under 16, then the form switches to the guardian flow', async () => {
    const { container } = await renderForm()
    fireEvent.click(screen.getByText('子女'))
    await typeInto(container, ID, CHILD_ID)

    expect(await screen.findByText('孩子未满16周岁，将按监护人方式办理')).toBeTruthy()
    expect(screen.getByText('人脸验证并绑定')).toBeTruthy()
    expect(screen.getByText('绑定生效')).toBeTruthy()
    expect(screen.queryByText('下一步：人脸验证')).toBeNull()
  })

  it('when the same child is declared as 父母, then the relation is refused with the R18 explanation', async () => {
    const { container } = await renderForm()
    fireEvent.click(screen.getByText('父母'))
    await typeInto(container, ID, CHILD_ID)

    expect(await screen.findByText('未满16周岁的家人只能由父母绑定。如果这是您的子女，请选择“子女”。')).toBeTruthy()
    fireEvent.click(screen.getByText('下一步：人脸验证'))
    await waitFor(() => expect(screen.getByText('请填写姓名')).toBeTruthy())
    expect(verifyFace).not.toHaveBeenCalled()
  })

  it('when a minor child is submitted, then the face step (bind, the child) is followed by the guardian binding', async () => {
    vi.mocked(verifyFace).mockResolvedValue(TICKET)
    endpoint('bindMinor').mockResolvedValue(binding({ bindingId: 'b-yangjin', relation: 'child', needsAcceptance: false, counterpart: { maskedName: '央*', maskedIdNumber: '5401**********2648' } }))
    const { container } = await renderForm()
    fireEvent.click(screen.getByText('子女'))
    await typeInto(container, NAME, '央金')
    await typeInto(container, ID, CHILD_ID)

    fireEvent.click(await screen.findByText('人脸验证并绑定'))

    expect(await screen.findByText('绑定成功，已生效')).toBeTruthy()
    expect(verifyFace).toHaveBeenCalledWith({ purpose: 'bind', target: CHILD_ID })
    expect(endpoint('bindMinor')).toHaveBeenCalledWith({ body: { childName: '央金', childIdNumber: CHILD_ID, faceTicket: TICKET.ticket, commitmentVersion: COMMITMENT.version } })
    expect(endpoint('createInvitation')).not.toHaveBeenCalled()
  })

  it('when an adult parent is submitted, then an invitation is sent and the confirmation shows its expiry', async () => {
    vi.mocked(verifyFace).mockResolvedValue(TICKET)
    endpoint('createInvitation').mockResolvedValue(invitation({ box: 'sent', counterpart: { maskedName: '卓*', maskedIdNumber: '5401**********2428' }, expiresAt: Date.UTC(2026, 2, 15, 6, 5) }))
    const { container } = await renderForm()
    fireEvent.click(screen.getByText('父母'))
    await typeInto(container, NAME, '卓玛')
    await typeInto(container, ID, ADULT_ID)

    fireEvent.click(screen.getByText('下一步：人脸验证'))

    expect(await screen.findByText('邀请已发送')).toBeTruthy()
    expect(screen.getByText('2026-03-15 14:05')).toBeTruthy()
    expect(endpoint('createInvitation')).toHaveBeenCalledWith({ body: { name: '卓玛', idNumber: ADULT_ID, relation: 'parent', faceTicket: TICKET.ticket, commitmentVersion: COMMITMENT.version } })
    expect(endpoint('bindMinor')).not.toHaveBeenCalled()
  })

  it('when the invitation is made, then h5 offers the signed link to copy (发送给家人) and the share card carries the same path', async () => {
    const made = invitation({ invitationId: 'inv-share-1', box: 'sent', counterpart: { maskedName: '卓*', maskedIdNumber: '5401**********2428' } })
    vi.mocked(verifyFace).mockResolvedValue(TICKET)
    endpoint('createInvitation').mockResolvedValue(made)
    endpoint('invitationLink').mockResolvedValue({ token: 'inv-share-1.abc.sig', path: '/pages/invite/index?t=inv-share-1.abc.sig', expiresAt: made.expiresAt })
    const { container } = await renderForm()
    fireEvent.click(screen.getByText('父母'))
    await typeInto(container, NAME, '卓玛')
    await typeInto(container, ID, ADULT_ID)
    fireEvent.click(screen.getByText('下一步：人脸验证'))

    expect(await screen.findByText('复制链接')).toBeTruthy()
    expect(endpoint('invitationLink')).toHaveBeenCalledWith({ params: { invitationId: 'inv-share-1' } })
    expect(container.textContent).toContain('#/pages/invite/index?t=inv-share-1.abc.sig')
    const card = (hooks.share as unknown as () => { title: string; path: string })()
    expect(card.path).toBe('/pages/invite/index?t=inv-share-1.abc.sig')
    expect(card.title).not.toContain('卓')
    fireEvent.click(screen.getByText('复制链接'))
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: expect.stringContaining('#/pages/invite/index?t=inv-share-1.abc.sig') }))
  })

  it('when the commitment letter is not signed yet, then the button leads to the letter instead of the face step', async () => {
    const { container } = await renderForm(false)
    fireEvent.click(screen.getByText('父母'))
    await typeInto(container, NAME, '卓玛')
    await typeInto(container, ID, ADULT_ID)

    fireEvent.click(screen.getByText('先签署承诺书'))

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/commitment/index' })
    expect(verifyFace).not.toHaveBeenCalled()
  })

  it('when the invitation is refused, then the reason shows in Chinese and the form keeps what was typed', async () => {
    vi.mocked(verifyFace).mockResolvedValue(TICKET)
    endpoint('createInvitation').mockRejectedValue(new ApiError('BENEFICIARY_ALREADY_BOUND', 409))
    const { container } = await renderForm()
    fireEvent.click(screen.getByText('父母'))
    await typeInto(container, NAME, '卓玛')
    await typeInto(container, ID, ADULT_ID)

    fireEvent.click(screen.getByText('下一步：人脸验证'))

    expect(await screen.findByText('这位家人已被其他参保人绑定，同一时间只能被绑定一次。')).toBeTruthy()
    const inputs = container.querySelectorAll('input')
    expect(inputs[NAME]?.value).toBe('卓玛')
    expect(inputs[ID]?.value).toBe(ADULT_ID)
    expect(screen.getByText('父母').className).toContain('chip--active')
  })
})

/** The n-th Taro Input's wrapper, which carries the invalid mark. */
const fieldWrapper = (container: HTMLElement, index: number) => container.querySelectorAll('input')[index]?.closest('.text-input')

async function fillAdult(container: HTMLElement, name = '卓玛') {
  fireEvent.click(screen.getByText('父母'))
  await typeInto(container, NAME, name)
  await typeInto(container, ID, ADULT_ID)
}

describe('issue 12 item 2: the rule check comes before the face scan, and the real reason stays on the form', () => {
  beforeEach(() => {
    localStorage.clear()
    resetTaroMock()
    vi.clearAllMocks()
    endpoint('checkInvitation').mockResolvedValue({ needsAcceptance: true })
  })

  it('when the name does not match the ID number, then no face scan starts and the name field is marked with the reason', async () => {
    endpoint('checkInvitation').mockRejectedValue(new ApiError('IDENTITY_MISMATCH', 422))
    const { container } = await renderForm()
    await fillAdult(container, '卓嘎')

    fireEvent.click(screen.getByText('下一步：人脸验证'))

    expect(await screen.findByText('姓名与身份证号不一致，请核对后重新填写。')).toBeTruthy()
    expect(endpoint('checkInvitation')).toHaveBeenCalledWith({ body: { name: '卓嘎', idNumber: ADULT_ID, relation: 'parent' } })
    expect(verifyFace).not.toHaveBeenCalled()
    expect(fieldWrapper(container, NAME)?.className).toContain('text-input--invalid')
    expect(fieldWrapper(container, ID)?.className).not.toContain('text-input--invalid')
    expect(screen.queryByText('人脸验证未完成，已填写的信息已保留。')).toBeNull()
  })

  it('when the person corrects the marked name, then the mark and the reason go away', async () => {
    endpoint('checkInvitation').mockRejectedValueOnce(new ApiError('IDENTITY_MISMATCH', 422))
    const { container } = await renderForm()
    await fillAdult(container, '卓嘎')
    fireEvent.click(screen.getByText('下一步：人脸验证'))
    await screen.findByText('姓名与身份证号不一致，请核对后重新填写。')

    await typeInto(container, NAME, '卓玛')

    await waitFor(() => expect(screen.queryByText('姓名与身份证号不一致，请核对后重新填写。')).toBeNull())
    expect(fieldWrapper(container, NAME)?.className).not.toContain('text-input--invalid')
  })

  it('when the relative is the person themself, then the ID number field carries the reason before any face scan', async () => {
    endpoint('checkInvitation').mockRejectedValue(new ApiError('SELF_BINDING', 422))
    const { container } = await renderForm()
    await fillAdult(container)

    fireEvent.click(screen.getByText('下一步：人脸验证'))

    expect(await screen.findByText('不能与本人建立家庭共济关系，请填写家人的信息。')).toBeTruthy()
    expect(fieldWrapper(container, ID)?.className).toContain('text-input--invalid')
    expect(verifyFace).not.toHaveBeenCalled()
  })

  it("when the inviter's own account is suspended, then the reason shows above the button and no field is marked", async () => {
    endpoint('checkInvitation').mockRejectedValue(new ApiError('AUTHORIZER_ACCOUNT_ABNORMAL', 422))
    const { container } = await renderForm()
    await fillAdult(container)

    fireEvent.click(screen.getByText('下一步：人脸验证'))

    expect(await screen.findByText('邀请没有发出')).toBeTruthy()
    expect(screen.getByText(/共享个人账户的一方参保状态异常/)).toBeTruthy()
    expect(container.querySelectorAll('.text-input--invalid')).toHaveLength(0)
    expect(verifyFace).not.toHaveBeenCalled()
  })

  it('when too many names did not match, then the message says at what time checks resume', async () => {
    endpoint('checkInvitation').mockRejectedValue(new ApiError('IDENTITY_CHECKS_LIMITED', 429, undefined, undefined, 1800))
    const { container } = await renderForm()
    await fillAdult(container)

    fireEvent.click(screen.getByText('下一步：人脸验证'))

    expect(await screen.findByText(/核验已暂停。请在\d{2}:\d{2}以后再试。/)).toBeTruthy()
    expect(verifyFace).not.toHaveBeenCalled()
  })

  it('when the refusal comes after the face scan (the world changed meanwhile), then it stays beside its field, never as 人脸验证未完成', async () => {
    vi.mocked(verifyFace).mockResolvedValue(TICKET)
    endpoint('createInvitation').mockRejectedValue(new ApiError('REVERSE_BINDING', 409))
    const { container } = await renderForm()
    await fillAdult(container)

    fireEvent.click(screen.getByText('下一步：人脸验证'))

    expect(await screen.findByText(wordsOf('REVERSE_BINDING'))).toBeTruthy()
    expect(fieldWrapper(container, ID)?.className).toContain('text-input--invalid')
    expect(screen.queryByText('人脸验证未完成，已填写的信息已保留。')).toBeNull()
  })

  it('when the check passes and the person leaves the face page without finishing, then 人脸验证未完成 and what was typed is kept', async () => {
    vi.mocked(verifyFace).mockResolvedValue(null)
    const { container } = await renderForm()
    await fillAdult(container)

    fireEvent.click(screen.getByText('下一步：人脸验证'))

    expect(await screen.findByText('人脸验证未完成，已填写的信息已保留。')).toBeTruthy()
    expect(endpoint('checkInvitation')).toHaveBeenCalledTimes(1)
    expect(endpoint('createInvitation')).not.toHaveBeenCalled()
    expect(container.querySelectorAll('input')[NAME]?.value).toBe('卓玛')
  })
})

