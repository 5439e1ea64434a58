import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
vi.mock('@/services/http', async (original) => (await import('./support/api')).httpMock(await original()))

import Settings from '@/pages/settings/index'
import Claims from '@/pages/claims/index'
import { readLargeText } from '@/hooks/useLargeText'
import { endpoint } from './support/api'
import { resetTaroMock } from './support/taro'

const root = (container: HTMLElement) => container.firstElementChild as HTMLElement

describe('large-text mode (适老化)', () => {
  beforeEach(() => {
    endpoint('claims').mockReturnValue(new Promise(() => undefined))
    localStorage.clear()
    resetTaroMock()
  })

  it('when the switch is turned on, then the page root gets the large class and the choice is stored', async () => {
    const { container } = render(<Settings />)
    expect(root(container).className).not.toContain('page--large')

    fireEvent.click(screen.getByText('大字模式'))

    await waitFor(() => expect(root(container).className).toContain('page--large'))
    expect(readLargeText()).toBe(true)
  })

  it('when it is on, then another page is large from its first render, and pages already open follow a change', async () => {
    const settings = render(<Settings />)
    fireEvent.click(screen.getByText('大字模式'))
    const claims = render(<Claims />)
    expect(root(claims.container).className).toContain('page--large')

    fireEvent.click(screen.getAllByText('大字模式')[0] as Element)

    await waitFor(() => expect(root(claims.container).className).not.toContain('page--large'))
    expect(root(settings.container).className).not.toContain('page--large')
    expect(readLargeText()).toBe(false)
  })

  it('when it is turned on, then <html> is marked too, so that the dialogs and toasts follow large text (issue 12 item 4)', async () => {
    render(<Settings />)
    expect(document.documentElement.classList.contains('fs-large')).toBe(false)
    fireEvent.click(screen.getByText('大字模式'))
    await waitFor(() => expect(document.documentElement.classList.contains('fs-large')).toBe(true))
    fireEvent.click(screen.getByText('大字模式'))
    await waitFor(() => expect(document.documentElement.classList.contains('fs-large')).toBe(false))
  })
})
