import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
vi.mock('@/services/http', async (original) => (await import('./support/api')).httpMock(await original()))

import Commitment from '@/pages/commitment/index'
import { endpoint } from './support/api'
import { COMMITMENT, NOW } from './support/fixtures'
import { resetTaroMock } from './support/taro'

function checkRow() {
  return screen.getByText('我已阅读并同意以上承诺').parentElement as HTMLElement
}

describe('commitment letter (R9)', () => {
  beforeEach(() => {
    localStorage.clear()
    resetTaroMock()
    vi.clearAllMocks()
    endpoint('commitment').mockResolvedValue(COMMITMENT)
    endpoint('acceptCommitment').mockResolvedValue({ version: COMMITMENT.version, acceptedAt: NOW })
  })

  it('when the letter has not been scrolled to its end, then the accept box cannot be ticked and nothing can be signed', async () => {
    render(<Commitment />)
    await screen.findByText(COMMITMENT.title)

    expect(checkRow().getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(checkRow())
    fireEvent.click(screen.getByText('签署承诺书'))

    expect(checkRow().getAttribute('aria-checked')).toBe('false')
    expect(endpoint('acceptCommitment')).not.toHaveBeenCalled()
    expect(screen.getByText('请向上滑动，阅读至末尾')).toBeTruthy()
  })

  it('when the letter is scrolled to its end, then the box can be ticked and signing sends the letter version', async () => {
    const { container } = render(<Commitment />)
    await screen.findByText(COMMITMENT.title)

    fireEvent(container.querySelector('.letter__scroll') as Element, new CustomEvent('scrolltolower'))
    await waitFor(() => expect(checkRow().getAttribute('aria-disabled')).toBe('false'))
    fireEvent.click(checkRow())
    fireEvent.click(screen.getByText('签署承诺书'))

    await waitFor(() => expect(endpoint('acceptCommitment')).toHaveBeenCalledWith({ body: { version: COMMITMENT.version } }))
    expect(checkRow().getAttribute('aria-checked')).toBe('true')
  })

  it('when the letter was signed before, then the date shows and no second signature is asked for', async () => {
    endpoint('commitment').mockResolvedValue({ ...COMMITMENT, acceptedAt: NOW })
    render(<Commitment />)

    expect(await screen.findByText(/您已于 2026-03-12 14:00 签署本承诺书/)).toBeTruthy()
    expect(screen.queryByText('签署承诺书')).toBeNull()
  })
})
