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

  it('issue 9 item 9: when an invitation is closed because it can never be accepted, then the notice gives the reason in words', () => {
    const words = describeNotification(note('INVITATION_CLOSED', { otherName: '卓*', reason: 'BENEFICIARY_ALREADY_BOUND' }))
    expect(words.title).toBe('邀请已失效')
    expect(words.body).toContain('与卓*之间的家庭共济邀请已无法接受')
    expect(words.body).toContain('已被其他参保人绑定')
    expect(words.link).toBe('invitations')
  })

  it('issue 9 item 11: when sharing pauses because the authorizer is suspended, then the relative reads why and that cash pays meanwhile; then that it resumed', () => {
    const paused = describeNotification(note('SHARING_PAUSED', { counterpartName: '扎*', status: 'suspended' }))
    expect(paused.body).toContain('扎*的职工医保个人账户当前为“暂停参保”')
    expect(paused.body).toContain('现金')
    const resumed = describeNotification(note('SHARING_RESUMED', { counterpartName: '扎*' }))
    expect(resumed.title).toBe('家庭共济已恢复')
  })

  it('when a relative’s payment from my account is cancelled, then the notice says how much came back (R23)', () => {
    const words = describeNotification(note('REFUND', { beneficiaryName: '边*', institutionName: '日喀则市桑珠孜区济民药店', amount: 30000 }))
    expect(words.body).toBe('边*在日喀则市桑珠孜区济民药店的结算已撤销，¥300.00已退回您的个人账户。')
    expect(words.link).toBe('history')
  })

  it('when my payment is reversed, then the notice says 冲正 and where each part went, with the cash the institution gives back (R24)', () => {
    const words = describeNotification(note('PAYMENT_CANCELLED', { institutionName: '拉萨市人民医院', own: 3000, shared: 9850, cash: 500, reversed: true }))
    expect(words.title).toBe('结算已冲正')
    expect(words.body).toBe('您在拉萨市人民医院的结算已冲正：本人账户退回¥30.00，家人账户退回¥98.50，现金¥5.00由机构退还。')
  })
})
