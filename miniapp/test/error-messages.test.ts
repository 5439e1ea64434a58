import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '@family-share/shared'
import { ERROR_MESSAGES, isRetryable, messageOf } from '@/i18n/error-messages'
import { ApiError } from '@/services/http'
import { forgetPolicy, rememberPolicy } from '@/services/policy-store'
import { POLICY } from './support/fixtures'

const CHINESE = /[\u4e00-\u9fff]/
const CLIENT_CODES = ['NETWORK_ERROR', 'TIMEOUT', 'BAD_RESPONSE']
const wordingOf = (code: keyof typeof ERROR_MESSAGES) => {
  const wording = ERROR_MESSAGES[code]
  return typeof wording === 'string' ? wording : wording(undefined)
}

describe('the error-message map (i18n/error-messages.ts)', () => {
  it.each(ERROR_CODES)('when the BFF answers %s, then there is a Chinese message for it', (code) => {
    const message = wordingOf(code)
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
    expect(words[0]).toContain('一次付清')
  })

  it('when the policy has arrived, then a refusal that states a policy value states the value the policy sent (item 11)', () => {
    rememberPolicy({ ...POLICY, reserveFloor: 123_400, invitationTtlHours: 48, minorAge: 14, regionName: '测试区', hotline: '99999' })
    try {
      expect(messageOf(new ApiError('INSUFFICIENT_SHARED_BALANCE', 422))).toContain('1,234元')
      expect(messageOf(new ApiError('INVITATION_EXPIRED', 409))).toContain('48小时')
      expect(messageOf(new ApiError('MINOR_NEEDS_PARENT', 422))).toContain('14周岁')
      expect(messageOf(new ApiError('AUTHORIZER_NOT_IN_REGION', 422))).toContain('测试区')
      expect(messageOf(new ApiError('FACE_LOCKED', 423))).toContain('99999')
    } finally {
      forgetPolicy()
    }
  })

  it('when the policy has not arrived, then no policy value is guessed', () => {
    forgetPolicy()
    const words = ERROR_CODES.map((code) => messageOf(new ApiError(code, 422))).join('')
    expect(words).not.toMatch(/3000|3,000|72小时|16周岁|西藏|12393/)
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
