import { describe, expect, it, vi } from 'vitest'
import { act, renderHook, waitFor } from '@testing-library/react'
import { useAction } from '@/hooks/useAction'
import { useCursorList } from '@/hooks/useCursorList'
import { useRequest } from '@/hooks/useRequest'
import { ApiError } from '@/services/http'

describe('hooks', () => {
  it('when an action is run twice before the first settles, then it runs once and the second answers "ignored"', async () => {
    let finish: (v: string) => void = () => undefined
    const action = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)))
    const { result } = renderHook(() => useAction(action))

    let first: Promise<unknown> = Promise.resolve()
    let second: Promise<unknown> = Promise.resolve()
    act(() => {
      first = result.current.run()
      second = result.current.run()
    })
    await expect(second).resolves.toEqual({ ok: false, error: null })
    expect(result.current.busy).toBe(true)
    await act(async () => finish('done'))

    await expect(first).resolves.toEqual({ ok: true, value: 'done' })
    expect(action).toHaveBeenCalledTimes(1)
    expect(result.current.busy).toBe(false)
  })

  it('when an action fails, then busy clears and the error is kept for the page', async () => {
    const failure = new ApiError('IDENTITY_MISMATCH', 422)
    const { result } = renderHook(() => useAction(() => Promise.reject(failure)))

    let outcome: unknown
    await act(async () => {
      outcome = await result.current.run()
    })

    expect(outcome).toEqual({ ok: false, error: failure })
    expect(result.current.error).toBe(failure)
    expect(result.current.busy).toBe(false)
  })

  it('when a request fails, then loading ends and the error is returned with no data', async () => {
    const { result } = renderHook(() => useRequest(() => Promise.reject(new ApiError('NETWORK_ERROR', 0))))
    expect(result.current.loading).toBe(true)
    await waitFor(() => expect(result.current.loading).toBe(false))
    expect(result.current.error).toMatchObject({ code: 'NETWORK_ERROR' })
    expect(result.current.data).toBeUndefined()
  })

  it('when a later page fails, then the items shown stay and only moreError is set', async () => {
    const fetchPage = vi.fn(async (cursor?: string) => {
      if (cursor) throw new ApiError('NETWORK_ERROR', 0)
      return { items: ['a', 'b'], nextCursor: 'c1' }
    })
    const { result } = renderHook(() => useCursorList(fetchPage))
    await waitFor(() => expect(result.current.items).toEqual(['a', 'b']))

    await act(async () => result.current.loadMore())

    expect(result.current.items).toEqual(['a', 'b'])
    expect(result.current.moreError).toMatchObject({ code: 'NETWORK_ERROR' })
    expect(result.current.error).toBeNull()
    expect(result.current.hasMore).toBe(true)
  })
})
