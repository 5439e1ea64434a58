import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
vi.mock('@/utils/face-handoff', () => ({ verifyFace: vi.fn() }))
vi.mock('@/services/http', async (original) => (await import('./support/api')).httpMock(await original()))

import Taro from '@tarojs/taro'
import Activate from '@/pages/activate/index'
import { ApiError } from '@/services/http'
import { endpoint } from './support/api'
import { verifyFace } from '@/utils/face-handoff'
import { blur, typeInto } from './support/input'
import { home } from './support/fixtures'
import { resetTaroMock } from './support/taro'

const NAME = 0
const ID = 1

describe('e-credential activation form', () => {
  beforeEach(() => {
    localStorage.clear()
    resetTaroMock()
    vi.clearAllMocks()
  })

  it('when a too short ID number is left, then the length hint says how many digits are there', async () => {
    const { container } = render(<Activate />)
    await typeInto(container, ID, '5401021985')
    expect(screen.queryByText(/身份证号应为18位/)).toBeNull()

    await blur(container, ID)

    expect(await screen.findByText('身份证号应为18位，目前10位')).toBeTruthy()
  })

  it('when 18 characters with a wrong check digit are typed, then the checksum hint shows at once', async () => {
    const { container } = render(<Activate />)
    await typeInto(container, ID, '540102198503121316')
    expect(await screen.findByText('身份证号最后一位校验码不正确，请逐位核对')).toBeTruthy()
  })

  it('when the birth date in the number is impossible (30 February), then the birth-date hint shows', async () => {
    const { container } = render(<Activate />)
    await typeInto(container, ID, '540102199002301234')
    expect(await screen.findByText('身份证号中的出生日期（第7–14位）不是有效日期')).toBeTruthy()
  })

  it('when a valid number is typed after a wrong one, then the hint goes away', async () => {
    const { container } = render(<Activate />)
    await typeInto(container, ID, '540102198503121316')
    await screen.findByText(/校验码不正确/)
    await typeInto(container, ID, '540102198503121315')
    await waitFor(() => expect(screen.queryByText(/校验码不正确/)).toBeNull())
  })

  it('when submitted empty, then both fields say what is missing and no face verification starts', async () => {
    render(<Activate />)
    fireEvent.click(screen.getByText('下一步：人脸验证'))
    expect(await screen.findByText('请填写姓名')).toBeTruthy()
    expect(screen.getByText('请填写身份证号')).toBeTruthy()
    expect(verifyFace).not.toHaveBeenCalled()
  })

  it('when the name is not in Chinese characters, then the name hint asks for the name on the ID card', async () => {
    const { container } = render(<Activate />)
    await typeInto(container, NAME, 'Tashi')
    await blur(container, NAME)
    expect(await screen.findByText('请填写身份证上的姓名（汉字或藏文，可含间隔号·）')).toBeTruthy()
  })

  it('when the form is valid, then the face step runs for activation and its ticket activates the e-credential', async () => {
    vi.mocked(verifyFace).mockResolvedValue({ ticket: 'ticket-0123456789abcdef' })
    endpoint('activate').mockResolvedValue(home().person!)
    const { container } = render(<Activate />)
    await typeInto(container, NAME, ' 扎西 ')
    await typeInto(container, ID, '540102198503121315')

    fireEvent.click(screen.getByText('下一步：人脸验证'))

    await waitFor(() => expect(endpoint('activate')).toHaveBeenCalledWith({ body: { name: '扎西', idNumber: '540102198503121315', faceTicket: 'ticket-0123456789abcdef' } }))
    expect(verifyFace).toHaveBeenCalledWith({ purpose: 'activate', name: '扎西', idNumber: '540102198503121315' })
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })

  it('when activation is refused, then the Chinese message shows and what was typed stays', async () => {
    vi.mocked(verifyFace).mockResolvedValue({ ticket: 'ticket-0123456789abcdef' })
    endpoint('activate').mockRejectedValue(new ApiError('IDENTITY_MISMATCH', 422))
    const { container } = render(<Activate />)
    await typeInto(container, NAME, '扎西')
    await typeInto(container, ID, '540102198503121315')

    fireEvent.click(screen.getByText('下一步：人脸验证'))

    expect(await screen.findByText('姓名与身份证号不一致，请核对后重新填写。')).toBeTruthy()
    const inputs = container.querySelectorAll('input')
    expect(inputs[NAME]?.value).toBe('扎西')
    expect(inputs[ID]?.value).toBe('540102198503121315')
    expect(Taro.reLaunch).not.toHaveBeenCalled()
  })

  it('when the button is tapped twice quickly, then only one face verification starts', async () => {
    let finish: (v: null) => void = () => undefined
    vi.mocked(verifyFace).mockReturnValue(new Promise((resolve) => (finish = resolve)))
    const { container } = render(<Activate />)
    await typeInto(container, NAME, '扎西')
    await typeInto(container, ID, '540102198503121315')

    const button = screen.getByText('下一步：人脸验证')
    fireEvent.click(button)
    fireEvent.click(button)
    finish(null)

    expect(await screen.findByText('人脸验证未完成，信息已保留，可以重新开始。')).toBeTruthy()
    expect(verifyFace).toHaveBeenCalledTimes(1)
  })
})
