/**
 * The one transport: every call to the BFF goes through `call(name, request)`, named after the
 * shared registry BFF_API, so method, path and response schema come from the contract.
 * It never returns null and shows no UI: a failure is always a thrown ApiError with a code
 * (a catalogue code from the BFF, or NETWORK_ERROR / BAD_RESPONSE decided here).
 *
 * Sessions: the access token goes out as a Bearer header. TOKEN_EXPIRED triggers one refresh
 * (shared by concurrent calls) and one retry. When the session cannot be saved (revoked,
 * missing, refresh refused) the tokens are dropped and AUTH_REQUIRED is emitted on
 * Taro.eventCenter; app.ts answers it by going to the login page.
 */
import Taro from '@tarojs/taro'
import { BFF_API, isErrorCode, pathOf, type BffEndpointName, type ErrorCode, type ResponseOf } from '@family-share/shared'
import { apiBase } from '@/utils/api'
import { clearSession, readSession, saveSession } from './session'

/** Failures decided on the phone, next to the catalogue's codes. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'BAD_RESPONSE'
export type AppErrorCode = ErrorCode | ClientErrorCode

export class ApiError extends Error {
  readonly code: AppErrorCode
  /** HTTP status; 0 when no answer arrived. */
  readonly status: number
  readonly requestId: string | undefined
  /** With a 429: seconds until the person may try again, as the server said. */
  readonly retryAfterS: number | undefined

  constructor(code: AppErrorCode, status: number, message?: string, requestId?: string, retryAfterS?: number) {
    super(message ?? code)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.requestId = requestId
    this.retryAfterS = retryAfterS
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

export const AUTH_REQUIRED = 'fs:auth-required'

const TIMEOUT_MS = 15_000
const AUTH_FAILURES: ReadonlySet<AppErrorCode> = new Set(['UNAUTHENTICATED', 'SESSION_REVOKED'])

type Spec<N extends BffEndpointName> = (typeof BFF_API)[N]
type InputOf<N extends BffEndpointName, F extends string> = Spec<N> extends Record<F, { _input: infer I }> ? I : never

export interface RequestOf<N extends BffEndpointName> {
  params?: InputOf<N, 'params'>
  query?: InputOf<N, 'query'>
  body?: InputOf<N, 'body'>
  headers?: Record<string, string>
}

interface RawAnswer {
  statusCode: number
  data: unknown
}

export async function call<N extends BffEndpointName>(name: N, request: RequestOf<N> = {}): Promise<ResponseOf<N>> {
  const spec: { auth: boolean; response: { safeParse(v: unknown): { success: boolean; data?: unknown } } | null } = BFF_API[name]
  let answer = await send(name, request)
  if (spec.auth && errorCodeOf(answer) === 'TOKEN_EXPIRED') {
    const refreshed = await refreshOnce()
    if (!refreshed) throw sessionLost('SESSION_REVOKED')
    answer = await send(name, request)
  }
  if (answer.statusCode < 200 || answer.statusCode >= 300) {
    const error = toApiError(answer)
    if (spec.auth && AUTH_FAILURES.has(error.code)) throw sessionLost(error.code, error)
    throw error
  }
  if (spec.response === null) return undefined as ResponseOf<N>
  const parsed = spec.response.safeParse(answer.data)
  if (!parsed.success) throw new ApiError('BAD_RESPONSE', answer.statusCode, `the ${name} answer does not match the contract`)
  return parsed.data as ResponseOf<N>
}

async function send<N extends BffEndpointName>(name: N, request: RequestOf<N>): Promise<RawAnswer> {
  const spec = BFF_API[name]
  const header: Record<string, string> = { 'Content-Type': 'application/json', ...request.headers }
  if (spec.auth) {
    const session = readSession()
    if (!session) throw sessionLost('UNAUTHENTICATED')
    header.Authorization = `Bearer ${session.accessToken}`
  }
  const path = pathOf(name, (request.params ?? {}) as Record<string, string>)
  const url = `${apiBase()}${path}${queryString(request.query as Record<string, unknown> | undefined)}`
  const started = Date.now()
  try {
    const res = await Taro.request({
      url,
      method: spec.method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'DELETE',
      data: spec.method === 'get' ? undefined : (request.body ?? {}),
      header,
      timeout: TIMEOUT_MS,
    })
    return { statusCode: res.statusCode, data: res.data }
  } catch (cause) {
    // A request that got no answer within TIMEOUT_MS reached a service too busy to answer: not
    // the person's network, which fails fast (issue 12 item 9).
    // (weapp says "request:fail timeout"; h5 aborts its fetch, so the elapsed time tells.)
    const reason = describe(cause)
    const timedOut = /timeout|timed out/i.test(reason) || Date.now() - started >= TIMEOUT_MS - 100
    throw new ApiError(timedOut ? 'TIMEOUT' : 'NETWORK_ERROR', 0, reason)
  }
}

let refreshing: Promise<boolean> | null = null

/** One refresh at a time: calls that expire together wait for the same one. */
function refreshOnce(): Promise<boolean> {
  refreshing ??= refresh().finally(() => {
    refreshing = null
  })
  return refreshing
}

async function refresh(): Promise<boolean> {
  const session = readSession()
  if (!session) return false
  let answer: RawAnswer
  try {
    answer = await send('refresh', { body: { refreshToken: session.refreshToken } })
  } catch (error) {
    // No answer at all: keep the tokens, the person may simply be offline.
    if (isApiError(error) && (error.code === 'NETWORK_ERROR' || error.code === 'TIMEOUT')) throw error
    return false
  }
  if (answer.statusCode !== 200) return false
  const parsed = BFF_API.refresh.response.safeParse(answer.data)
  if (!parsed.success) return false
  saveSession(parsed.data)
  return true
}

function sessionLost(code: AppErrorCode, original?: ApiError): ApiError {
  clearSession()
  Taro.eventCenter.trigger(AUTH_REQUIRED, code)
  return original ?? new ApiError(code, 401)
}

function errorCodeOf(answer: RawAnswer): string | undefined {
  const body = answer.data as { error?: { code?: unknown } } | null
  const code = body && typeof body === 'object' ? body.error?.code : undefined
  return typeof code === 'string' ? code : undefined
}

function toApiError(answer: RawAnswer): ApiError {
  const body = answer.data as { error?: { code?: unknown; message?: unknown; requestId?: unknown; retryAfterS?: unknown } } | null
  const error = body && typeof body === 'object' ? body.error : undefined
  const code = error?.code
  const message = typeof error?.message === 'string' ? error.message : undefined
  const requestId = typeof error?.requestId === 'string' ? error.requestId : undefined
  const wait = error?.retryAfterS
  const retryAfterS = typeof wait === 'number' && Number.isSafeInteger(wait) && wait > 0 ? wait : undefined
  if (isErrorCode(code)) return new ApiError(code, answer.statusCode, message, requestId, retryAfterS)
  // An answer without our error body (a proxy's 502 page, say): judge by the status.
  const fallback: AppErrorCode = answer.statusCode >= 500 ? 'SERVICE_UNAVAILABLE' : 'BAD_RESPONSE'
  return new ApiError(fallback, answer.statusCode, message, requestId)
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return ''
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return parts.length > 0 ? `?${parts.join('&')}` : ''
}

function describe(cause: unknown): string {
  if (cause && typeof cause === 'object' && 'errMsg' in cause) return String((cause as { errMsg: unknown }).errMsg)
  return cause instanceof Error ? cause.message : 'request failed'
}
