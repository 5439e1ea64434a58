import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '@family-share/shared'
import { ERROR_MESSAGES, isRetryable, messageOf } from '@/i18n/error-messages'
import { ApiError } from '@/services/http'

const CHINESE = /[\u4e00-\u9fff]/
const CLIENT_CODES = ['NETWORK_ERROR', 'BAD_RESPONSE']

describe('the error-message map (i18n/error-messages.ts)', () => {
  it.each(ERROR_CODES)('when the BFF answers %s, then there is a Chinese message for it', (code) => {
    const message = ERROR_MESSAGES[code]
    expect(message, code).toBeTruthy()
    expect(message).toMatch(CHINESE)
    expect(message).not.toContain(code)
  })

  it('when the map is compared with the catalogue, then it has no code the catalogue lacks besides the client-side ones', () => {
    const extra = Object.keys(ERROR_MESSAGES).filter((code) => !(ERROR_CODES as string[]).includes(code))
    expect(extra.sort()).toEqual([...CLIENT_CODES].sort())
  })

  it('when the three premium refusals are worded, then each has its own message', () => {
    const words = ['INSUFFICIENT_SHARED_BALANCE', 'PREMIUM_ALREADY_PAID', 'PREMIUM_ONLY_FOR_RESIDENT'].map((code) => messageOf(new ApiError(code as never, 422)))
    expect(new Set(words).size).toBe(3)
    expect(words[0]).toContain('3000')
  })

  it('when something that is not an ApiError is thrown, then a calm generic message is shown', () => {
    expect(messageOf(new Error('boom'))).toBe('出了点问题，请稍后再试。')
    expect(messageOf(undefined)).toMatch(CHINESE)
  })

  it('when a failure got no answer or a busy one, then it counts as retryable; a business refusal does not', () => {
    expect(isRetryable(new ApiError('NETWORK_ERROR', 0))).toBe(true)
    expect(isRetryable(new ApiError('REQUEST_IN_PROGRESS', 409))).toBe(true)
    expect(isRetryable(new ApiError('INSUFFICIENT_SHARED_BALANCE', 422))).toBe(false)
  })
})
