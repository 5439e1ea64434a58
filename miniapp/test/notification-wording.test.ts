import { describe, expect, it } from 'vitest'
import { NotificationKindSchema, type NotificationView } from '@family-share/shared'
import { describeNotification } from '@/i18n/notifications'

const CHINESE = /[\u4e00-\u9fff]/

function note(kind: NotificationView['kind'], data: NotificationView['data'] = {}): NotificationView {
  return { id: `feed:${kind}`, kind, at: 0, read: false, data }
}

describe('notification wording (i18n/notifications.ts)', () => {
  it.each(NotificationKindSchema.options)('when a %s notice has no data at all, then it still reads as Chinese without "undefined"', (kind) => {
    const words = describeNotification(note(kind))
    expect(words.title).toMatch(CHINESE)
    expect(words.body).toMatch(CHINESE)
    expect(`${words.title}${words.body}`).not.toMatch(/undefined|null|NaN/)
  })

  it('when a relative spends from my account, then the notice names them, the place and the amount in yuan', () => {
    const words = describeNotification(note('DEDUCTION', { beneficiaryName: '卓*', institutionName: '拉萨市人民医院', amount: 12345 }))
    expect(words.body).toBe('卓*在拉萨市人民医院使用您的个人账户支付¥123.45。')
    expect(words.link).toBe('history')
  })

  it('when a premium deduction is told, then it says which year was paid for', () => {
    const words = describeNotification(note('DEDUCTION', { beneficiaryName: '央*', amount: 40000, year: 2026 }))
    expect(words.body).toContain('代缴2026年度城乡居民医保费')
    expect(words.body).toContain('¥400.00')
  })

  it('when a binding ends because the authorizer left employee insurance, then the reason is given in words', () => {
    const words = describeNotification(note('BINDING_ENDED', { counterpartName: '扎*', reason: 'AUTHORIZER_LEFT_EMPLOYEE_INSURANCE' }))
    expect(words.body).toContain('不再参加职工医保')
  })

  it('when a binding is created and I am the beneficiary, then the notice speaks from my side', () => {
    const words = describeNotification(note('BINDING_CREATED', { counterpartName: '扎*', role: 'beneficiary', relation: 'parent' }))
    expect(words.body).toBe('扎*已把职工医保个人账户共享给您，看病买药时可以使用。')
  })
})
