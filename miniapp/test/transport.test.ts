import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))

import Taro from '@tarojs/taro'
import { messageOf } from '@/i18n/error-messages'
import { AUTH_REQUIRED, ApiError, call } from '@/services/http'
import { payPremium } from '@/services/premiums'
import { readSession, saveSession } from '@/services/session'
import { home, TOKENS } from './support/fixtures'

const request = vi.mocked(Taro.request)

function answer(statusCode: number, data: unknown) {
  return { statusCode, data, header: {}, cookies: [], errMsg: 'request:ok' } as never
}

function errorBody(code: string, requestId = 'req-1') {
  return { error: { code, message: `dev text for ${code}`, requestId } }
}

const sentHeaders = (n: number) => (request.mock.calls[n]?.[0] as { header: Record<string, string> }).header
const sentUrl = (n: number) => (request.mock.calls[n]?.[0] as { url: string }).url

describe('the transport (services/http.ts)', () => {
  beforeEach(() => {
    localStorage.clear()
    request.mockReset()
    Taro.eventCenter.off(AUTH_REQUIRED)
  })

  it('when a session is stored, then the access token goes out as a Bearer header and the parsed body comes back', async () => {
    saveSession(TOKENS)
    request.mockResolvedValueOnce(answer(200, home()))

    const result = await call('home')

    expect(sentHeaders(0).Authorization).toBe('Bearer access-token-1')
    expect(sentUrl(0)).toBe('https://api.test/api/home')
    expect(result.person?.name).toBe('扎西')
  })

  it('when an endpoint needs no session (login), then no Authorization header is sent', async () => {
    request.mockResolvedValueOnce(answer(200, TOKENS))

    await call('login', { body: { code: 'abc' } })

    expect(sentHeaders(0).Authorization).toBeUndefined()
    expect((request.mock.calls[0]?.[0] as { method: string }).method).toBe('POST')
  })

  it('when the BFF answers an error body, then an ApiError carries its code, status and request id', async () => {
    saveSession(TOKENS)
    request.mockResolvedValueOnce(answer(409, errorBody('BENEFICIARY_ALREADY_BOUND', 'req-42')))

    const error = await call('createInvitation', { body: { name: '卓玛', idNumber: '540102195807202428', relation: 'parent' } }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'BENEFICIARY_ALREADY_BOUND', status: 409, requestId: 'req-42' })
  })

  it('when the access token has expired, then it refreshes once, retries with the new token and keeps the new pair', async () => {
    saveSession(TOKENS)
    const renewed = { ...TOKENS, accessToken: 'access-token-2', refreshToken: 'refresh-token-0123456789-2' }
    request
      .mockResolvedValueOnce(answer(401, errorBody('TOKEN_EXPIRED')))
      .mockResolvedValueOnce(answer(200, renewed))
      .mockResolvedValueOnce(answer(200, home()))

    const result = await call('home')

    expect(result.person?.name).toBe('扎西')
    expect(request).toHaveBeenCalledTimes(3)
    expect(sentUrl(1)).toBe('https://api.test/api/auth/refresh')
    expect((request.mock.calls[1]?.[0] as { data: unknown }).data).toEqual({ refreshToken: 'refresh-token-0123456789-1' })
    expect(sentHeaders(2).Authorization).toBe('Bearer access-token-2')
    expect(readSession()).toEqual({ accessToken: 'access-token-2', refreshToken: 'refresh-token-0123456789-2' })
  })

  it('when two calls expire at the same time, then only one refresh is made', async () => {
    saveSession(TOKENS)
    const renewed = { ...TOKENS, accessToken: 'access-token-2' }
    request.mockImplementation(((options: { url: string; header: Record<string, string> }) => {
      if (options.url.endsWith('/api/auth/refresh')) return Promise.resolve(answer(200, renewed))
      if (options.header.Authorization === 'Bearer access-token-1') return Promise.resolve(answer(401, errorBody('TOKEN_EXPIRED')))
      return Promise.resolve(answer(200, home()))
    }) as never)

    await Promise.all([call('home'), call('home')])

    const refreshes = request.mock.calls.filter(([options]) => (options as { url: string }).url.endsWith('/api/auth/refresh'))
    expect(refreshes).toHaveLength(1)
  })

  it('when the retry after a refresh expires again, then it does not refresh a second time', async () => {
    saveSession(TOKENS)
    request
      .mockResolvedValueOnce(answer(401, errorBody('TOKEN_EXPIRED')))
      .mockResolvedValueOnce(answer(200, TOKENS))
      .mockResolvedValueOnce(answer(401, errorBody('TOKEN_EXPIRED')))

    const error = await call('home').catch((e: unknown) => e)

    expect(request).toHaveBeenCalledTimes(3)
    expect(error).toMatchObject({ code: 'TOKEN_EXPIRED' })
  })

  it('when the refresh is refused, then the session is dropped, AUTH_REQUIRED is emitted and SESSION_REVOKED thrown', async () => {
    saveSession(TOKENS)
    const onAuth = vi.fn()
    Taro.eventCenter.on(AUTH_REQUIRED, onAuth)
    request.mockResolvedValueOnce(answer(401, errorBody('TOKEN_EXPIRED'))).mockResolvedValueOnce(answer(401, errorBody('SESSION_REVOKED')))

    const error = await call('home').catch((e: unknown) => e)

    expect(error).toMatchObject({ code: 'SESSION_REVOKED' })
    expect(readSession()).toBeNull()
    expect(onAuth).toHaveBeenCalledWith('SESSION_REVOKED')
  })

  it('when a call answers UNAUTHENTICATED, then the session is dropped and AUTH_REQUIRED is emitted', async () => {
    saveSession(TOKENS)
    const onAuth = vi.fn()
    Taro.eventCenter.on(AUTH_REQUIRED, onAuth)
    request.mockResolvedValueOnce(answer(401, errorBody('UNAUTHENTICATED')))

    await expect(call('home')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(readSession()).toBeNull()
    expect(onAuth).toHaveBeenCalledTimes(1)
  })

  it('when no session is stored, then an authenticated call is not sent and fails with UNAUTHENTICATED', async () => {
    await expect(call('home')).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 })
    expect(request).not.toHaveBeenCalled()
  })

  it('when the network fails, then a typed NETWORK_ERROR is thrown, never null', async () => {
    saveSession(TOKENS)
    request.mockRejectedValueOnce({ errMsg: 'request:fail Failed to fetch' })

    const error = await call('home').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0, message: 'request:fail Failed to fetch' })
    expect(messageOf(error)).toBe('网络连接失败，请检查网络后重试。')
    expect(readSession()).not.toBeNull()
  })

  it('when the service does not answer in time, then TIMEOUT is thrown and worded as a busy service, not as the network (issue 12 item 9)', async () => {
    saveSession(TOKENS)
    request.mockRejectedValueOnce({ errMsg: 'request:fail timeout' })

    const error = await call('home').catch((e: unknown) => e)

    expect(error).toMatchObject({ code: 'TIMEOUT', status: 0 })
    expect(messageOf(error)).toBe('服务繁忙，请稍后再试。')
    expect(readSession()).not.toBeNull()
  })

  it('when h5 aborts a request that hung for the whole time limit, then it is TIMEOUT too', async () => {
    saveSession(TOKENS)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      request.mockImplementationOnce((() => {
        vi.setSystemTime(Date.now() + 15_000)
        return Promise.reject(new DOMException('signal is aborted without reason', 'AbortError'))
      }) as never)
      await expect(call('home')).rejects.toMatchObject({ code: 'TIMEOUT' })
    } finally {
      vi.useRealTimers()
    }
  })

  it('when a proxy answers 502 with an HTML page, then SERVICE_UNAVAILABLE is thrown', async () => {
    saveSession(TOKENS)
    request.mockResolvedValueOnce(answer(502, '<html>Bad Gateway</html>'))

    await expect(call('home')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 502 })
  })

  it('when a success body does not match the contract, then BAD_RESPONSE is thrown', async () => {
    saveSession(TOKENS)
    request.mockResolvedValueOnce(answer(200, { person: 'not a person' }))

    await expect(call('home')).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
  })

  it('when a query has empty values and a path has params, then the URL carries only the set values, encoded', async () => {
    saveSession(TOKENS)
    request.mockResolvedValueOnce(answer(200, { items: [], nextCursor: null }))
    request.mockResolvedValueOnce(answer(200, errorBody('INVITATION_NOT_FOUND')))

    await call('deductions', { query: { relative: 'self', month: undefined, limit: '20' } })
    await call('cancelInvitation', { params: { invitationId: 'a/b' } }).catch(() => undefined)

    expect(sentUrl(0)).toBe('https://api.test/api/history/deductions?relative=self&limit=20')
    expect(sentUrl(1)).toBe('https://api.test/api/invitations/a%2Fb/cancel')
  })

  it('when a premium is paid, then the Idempotency-Key header goes out with the request', async () => {
    saveSession(TOKENS)
    request.mockResolvedValueOnce(answer(422, errorBody('INSUFFICIENT_SHARED_BALANCE')))

    await expect(payPremium({ bindingId: 'b-1', year: 2026 }, 'pay-key-12345')).rejects.toMatchObject({ code: 'INSUFFICIENT_SHARED_BALANCE' })
    expect(sentHeaders(0)['Idempotency-Key']).toBe('pay-key-12345')
  })
})
