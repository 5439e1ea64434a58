import { call } from './http'

export const listPremiums = (year?: number) => call('listPremiums', { query: year ? { year: String(year) } : {} })

/**
 * R17: one Idempotency-Key per payment attempt. The caller keeps the key of an attempt and
 * sends it again when that same attempt is retried (no answer arrived), so the account is
 * charged at most once.
 */
export const payPremium = (request: { bindingId: string; year: number }, idempotencyKey: string) =>
  call('payPremium', { body: request, headers: { 'Idempotency-Key': idempotencyKey } })

export function newIdempotencyKey(): string {
  const random = Math.random().toString(36).slice(2, 12).padEnd(10, '0')
  return `pay-${Date.now().toString(36)}-${random}`
}

/** The receipt of a premium I paid, from the server: on a device that did not pay, or after the local copy is gone. */
export const getPremiumReceipt = (bindingId: string, year: number) =>
  call('premiumReceipt', { params: { bindingId, year: String(year) } })
