import { describe, expect, it } from 'vitest'
import { BFF_API } from '@family-share/shared'
import { BINDINGS, COMMITMENT, deduction, DEMO_PEOPLE, FACE_SESSION, FACE_TICKET, home, invitation, INVITATION_LINK, MONTHLY, NOW, payment, premiumReceipt, premiums, SUBSCRIPTIONS, TOKENS } from './support/fixtures'

// The page tests and the weapp smoke test answer with these; if the contract changes, this
// fails first instead of tests passing against answers the BFF can no longer give.
describe('test fixtures', () => {
  it.each([
    ['home', home()],
    ['home', home({ person: null, sharing: { asAuthorizer: [], asBeneficiary: [] } })],
    ['listBindings', BINDINGS],
    ['commitment', COMMITMENT],
    ['listInvitations', { items: [invitation(), invitation({ box: 'sent', status: 'expired' })] }],
    ['deductions', { items: [deduction('1'), deduction('2', { kind: 'premium', institution: null, year: 2026 })], nextCursor: '2' }],
    ['payments', { items: [payment('1')], nextCursor: null }],
    ['monthly', MONTHLY],
    ['demoPeople', DEMO_PEOPLE],
    ['login', TOKENS],
    ['startFace', FACE_SESSION],
    ['completeFace', FACE_TICKET],
    ['subscriptions', SUBSCRIPTIONS],
    ['invitationLink', INVITATION_LINK],
    ['openInvitationLink', invitation()],
    ['listPremiums', premiums()],
    ['listPremiums', premiums({ status: 'paid', paidAt: NOW, paidByMe: true })],
    ['payPremium', premiumReceipt('pp-1')],
  ] as const)('when the %s fixture is parsed with the contract, then it passes', (name, value) => {
    const result = BFF_API[name].response.safeParse(value)
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true)
  })
})
