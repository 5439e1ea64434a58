import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))

import Taro from '@tarojs/taro'
import { answerFaceRequest, faceRequestOf, verifyFace } from '@/utils/face-handoff'

function openedUrl(n = 0): URL {
  const url = (vi.mocked(Taro.navigateTo).mock.calls[n]?.[0] as { url: string }).url
  return new URL(url, 'https://app.test')
}

describe('face ticket hand-off (utils/face-handoff.ts)', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  it('when an unbind is verified, then the face page opens with the purpose (the target stays in memory), and its ticket resolves the opener', async () => {
    const waiting = verifyFace({ purpose: 'unbind', target: 'b-42' })
    const url = openedUrl()
    expect(url.pathname).toBe('/pages/face/index')
    expect(url.searchParams.get('purpose')).toBe('unbind')
    expect(url.searchParams.get('target')).toBeNull()
    const rid = url.searchParams.get('rid') as string

    expect(faceRequestOf(rid)).toEqual({ purpose: 'unbind', target: 'b-42' })
    answerFaceRequest(rid, { ticket: 'ticket-0123456789abcdef' })

    await expect(waiting).resolves.toEqual({ ticket: 'ticket-0123456789abcdef' })
    expect(faceRequestOf(rid)).toBeUndefined()
  })

  it('when the person leaves the face page without a pass, then the opener gets null instead of waiting forever', async () => {
    const waiting = verifyFace({ purpose: 'bind', target: '540102195807202428' })
    // A relative's ID number never travels in the URL (h5: the address bar and history).
    expect(vi.mocked(Taro.navigateTo).mock.calls[0]?.[0]).not.toMatchObject({ url: expect.stringContaining('540102195807202428') })
    answerFaceRequest(openedUrl().searchParams.get('rid') as string, null)
    await expect(waiting).resolves.toBeNull()
  })

  it('when activation is verified, then name and ID number stay out of the URL but reach the face page', () => {
    void verifyFace({ purpose: 'activate', name: '扎西', idNumber: '540102198503121315' })
    const url = openedUrl()
    expect(url.search).not.toContain('540102198503121315')
    expect(faceRequestOf(url.searchParams.get('rid') as string)).toEqual({ purpose: 'activate', name: '扎西', idNumber: '540102198503121315' })
  })

  it('when two verifications are open, then a ticket reaches only the one it was made for', async () => {
    const first = verifyFace({ purpose: 'unbind', target: 'b-1' })
    const second = verifyFace({ purpose: 'unbind', target: 'b-2' })
    const secondRid = openedUrl(1).searchParams.get('rid') as string
    const firstRid = openedUrl(0).searchParams.get('rid') as string
    expect(secondRid).not.toBe(firstRid)

    answerFaceRequest(secondRid, { ticket: 'ticket-for-the-second-one' })
    answerFaceRequest(firstRid, null)

    await expect(second).resolves.toEqual({ ticket: 'ticket-for-the-second-one' })
    await expect(first).resolves.toBeNull()
  })

  it('when the face page cannot be opened, then the opener gets null', async () => {
    vi.mocked(Taro.navigateTo).mockRejectedValueOnce(new Error('navigateTo:fail page limit'))
    await expect(verifyFace({ purpose: 'unbind', target: 'b-1' })).resolves.toBeNull()
  })
})
