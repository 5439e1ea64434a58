/**
 * Premium receipts kept on the phone that paid: the receipt page shows this copy at once,
 * and asks the server (premiumReceipt) only when it is missing — on another device, or after
 * the storage was cleared.
 */
import Taro from '@tarojs/taro'
import type { ResponseOf } from '@family-share/shared'

export type PremiumReceipt = ResponseOf<'payPremium'>

const KEY = 'fs.receipts'
const KEEP = 20

function all(): PremiumReceipt[] {
  const value: unknown = Taro.getStorageSync(KEY)
  return Array.isArray(value) ? (value as PremiumReceipt[]) : []
}

export function saveReceipt(receipt: PremiumReceipt): void {
  const rest = all().filter((r) => r.paymentId !== receipt.paymentId)
  Taro.setStorageSync(KEY, [receipt, ...rest].slice(0, KEEP))
}

export function findReceipt(paymentId: string): PremiumReceipt | undefined {
  return all().find((r) => r.paymentId === paymentId)
}

/** The receipt of the latest payment I made for this relative and year, if this phone made it. */
export function findReceiptFor(bindingId: string, year: number): PremiumReceipt | undefined {
  return all().find((r) => r.bindingId === bindingId && r.year === year)
}
