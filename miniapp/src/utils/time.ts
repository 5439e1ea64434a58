/**
 * Dates for people in Tibet: the whole country keeps Beijing time (UTC+8), so times are shown
 * in UTC+8 whatever the phone's zone, and "today" for the ID-number rules is the UTC+8 date.
 */
import { chinaDate } from '@family-share/shared'

const OFFSET_MS = 8 * 3600 * 1000

function parts(epochMs: number) {
  const d = new Date(epochMs + OFFSET_MS)
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    y: String(d.getUTCFullYear()),
    m: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    hh: pad(d.getUTCHours()),
    mm: pad(d.getUTCMinutes()),
  }
}

/** YYYY-MM-DD in Beijing time. */
export function isoDate(epochMs: number = Date.now()): string {
  return chinaDate(epochMs)
}

/** 2026-03-15 14:05 */
export function formatDateTime(epochMs: number): string {
  const p = parts(epochMs)
  return `${p.y}-${p.m}-${p.d} ${p.hh}:${p.mm}`
}

/** 2026年3月15日 */
export function formatDate(epochMs: number): string {
  const p = parts(epochMs)
  return `${p.y}年${Number(p.m)}月${Number(p.d)}日`
}

/** '2026-03' → '2026年3月' */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/** The current month and the eleven before it, newest first, as YYYY-MM. */
export function recentMonths(count = 12, now: number = Date.now()): string[] {
  const today = isoDate(now)
  let year = Number(today.slice(0, 4))
  let month = Number(today.slice(5, 7))
  const out: string[] = []
  for (let i = 0; i < count; i += 1) {
    out.push(`${year}-${String(month).padStart(2, '0')}`)
    month -= 1
    if (month === 0) {
      month = 12
      year -= 1
    }
  }
  return out
}

/** What is left until `epochMs`: '2天3小时', '5小时12分钟', '8分钟'; null once past. */
export function timeLeft(epochMs: number, now: number = Date.now()): string | null {
  const ms = epochMs - now
  if (ms <= 0) return null
  const minutes = Math.ceil(ms / 60_000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return `${days}天${hours}小时`
  if (hours > 0) return `${hours}小时${mins}分钟`
  return `${mins}分钟`
}
