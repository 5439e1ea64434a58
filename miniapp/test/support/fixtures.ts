/**
 * API answers shaped like the BFF's, typed from the shared contract (z.infer via ResponseOf),
 * and checked against the contract's schemas in fixtures.test.ts so they cannot drift.
 */
import type { BindingView, InvitationView, ResponseOf } from '@family-share/shared'

export const NOW = Date.UTC(2026, 2, 12, 6, 0) // 2026-03-12 14:00 in Beijing

export const POLICY: ResponseOf<'home'>['policy'] = {
  name: 'tibet-2022',
  maxAuthorizersPerBeneficiary: 1,
  reserveFloor: 300000,
  reserveMode: 'floor',
  invitationTtlHours: 72,
  minorAge: 16,
  allowedRelations: ['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild'],
  regionName: '西藏',
  hotline: '12393',
  counterName: '当地医疗保障经办机构窗口',
  basis: '藏医保办〔2022〕11号',
}

export function binding(overrides: Partial<BindingView> = {}): BindingView {
  return {
    bindingId: 'b-zhuoma',
    role: 'authorizer',
    counterpart: { maskedName: '卓*', maskedIdNumber: '5401**********2428' },
    relation: 'parent',
    status: 'active',
    since: NOW - 86_400_000,
    endedAt: null,
    endReason: null,
    rank: null,
    needsAcceptance: true,
    counterpartInsurance: 'resident',
    ...overrides,
  }
}

export function home(overrides: Partial<ResponseOf<'home'>> = {}): ResponseOf<'home'> {
  return {
    person: {
      name: '扎西',
      maskedIdNumber: '5401**********1315',
      insurance: 'employee',
      region: '540102',
      status: 'active',
      balance: 800000,
      usableForFamily: 500000,
      eCredential: { active: true, mode: 'self' },
      accountChoice: 'own',
    },
    sharing: { asAuthorizer: [binding()], asBeneficiary: [] },
    pendingInvitations: 2,
    unreadNotifications: 5,
    policy: POLICY,
    demo: true,
    ...overrides,
  }
}

export function invitation(overrides: Partial<InvitationView> = {}): InvitationView {
  return {
    invitationId: 'inv-1',
    box: 'received',
    counterpart: { maskedName: '扎*', maskedIdNumber: '5401**********1315' },
    relation: 'parent',
    status: 'pending',
    createdAt: NOW - 3_600_000,
    expiresAt: NOW + 71 * 3_600_000,
    decidedAt: null,
    bindingId: null,
    closedReason: null,
    ...overrides,
  }
}

export const COMMITMENT: ResponseOf<'commitment'> = {
  version: 'tibet-2022-11-annex2-v1',
  title: '职工基本医疗保险个人账户近亲属共享承诺书',
  paragraphs: ['本人为西藏自治区城镇职工基本医疗保险参保人员……', '一、本人已知晓……', '八、本人确认……'],
  reserveNote: '说明：家庭成员使用您的个人账户时，您的账户余额最低保留3000元。',
  acceptedAt: null,
}

export function deduction(seq: string, overrides: Partial<ResponseOf<'deductions'>['items'][number]> = {}): ResponseOf<'deductions'>['items'][number] {
  return {
    seq,
    operationId: `op-${seq}`,
    kind: 'settlement',
    at: NOW - Number(seq) * 60_000,
    amount: 12345,
    balanceAfter: 787655,
    institution: { name: '拉萨市人民医院', kind: 'hospital' },
    year: null,
    spender: { self: false, maskedName: '卓*', bindingId: 'b-zhuoma', relation: 'parent' },
    ...overrides,
  }
}

export function payment(seq: string): ResponseOf<'payments'>['items'][number] {
  return {
    seq,
    settlementId: `stl-${seq}`,
    at: NOW - Number(seq) * 60_000,
    institution: { name: '拉萨城关区康源药店', kind: 'pharmacy' },
    charge: 50000,
    own: 20000,
    shared: [{ maskedName: '扎*', bindingId: 'b-1', amount: 25000 }],
    cash: 5000,
  }
}

export const MONTHLY: ResponseOf<'monthly'> = {
  year: 2026,
  months: [
    { month: '2026-02', total: 30000, byRelative: [{ bindingId: 'b-zhuoma', maskedName: '卓*', self: false, amount: 30000 }] },
    { month: '2026-03', total: 12345, byRelative: [{ bindingId: null, maskedName: '本人', self: true, amount: 12345 }] },
  ],
}

export const BINDINGS: ResponseOf<'listBindings'> = {
  asAuthorizer: [binding()],
  asBeneficiary: [],
  accountChoice: 'own',
  policy: POLICY,
}

export const DEMO_PEOPLE: ResponseOf<'demoPeople'> = {
  items: [
    { key: 'zhaxi', name: '扎西', idNumber: '540102198503121315', openid: 'o_demo_zhaxi', shows: '职工医保，余额8000元：激活凭证、邀请母亲卓玛' },
    { key: 'zhuoma', name: '卓玛', idNumber: '540102195807202428', openid: 'o_demo_zhuoma', shows: '扎西的母亲，居民医保，凭证未激活' },
  ],
}

export const TOKENS: ResponseOf<'login'> = {
  accessToken: 'access-token-1',
  refreshToken: 'refresh-token-0123456789-1',
  expiresIn: 900,
  refreshExpiresIn: 2592000,
}

export const FACE_SESSION: ResponseOf<'startFace'> = {
  sessionId: 'sess-weapp-0001',
  verifyId: 'verify-id-from-getverifyid-0001',
  purpose: 'unbind',
  // the page checks this against the phone's clock before it starts
  expiresAt: Date.now() + 3_600_000,
  demo: false,
  help: { counter: '参保地医疗保障经办机构服务窗口', hotline: '12393' },
}

export const FACE_TICKET: ResponseOf<'completeFace'> = { ticket: 'ticket-weapp-0123456789', purpose: 'unbind', expiresAt: NOW + 300_000 }

export const SUBSCRIPTIONS: ResponseOf<'subscriptions'> = { consents: [], deliveries: [] }

export const INVITATION_LINK: ResponseOf<'invitationLink'> = {
  token: 'inv-1.mq2x3.c2lnbmF0dXJlLW9mLXRoZS1saW5r',
  path: '/pages/invite/index?t=inv-1.mq2x3.c2lnbmF0dXJlLW9mLXRoZS1saW5r',
  expiresAt: NOW + 72 * 3_600_000,
}

type PremiumItem = ResponseOf<'listPremiums'>['items'][number]

/** The premiums page's list: one relative (央金, a child on resident insurance) and her 2026 premium. */
export function premiums(overrides: Partial<PremiumItem> = {}, usableForFamily = 500000): ResponseOf<'listPremiums'> {
  return {
    year: 2026,
    usableForFamily,
    items: [
      {
        bindingId: 'b-yangjin',
        relative: { maskedName: '央*', maskedIdNumber: '5401**********2648' },
        relation: 'child',
        insurance: 'resident',
        year: 2026,
        amountDue: 40000,
        demoAmount: true,
        status: 'unpaid',
        paidAt: null,
        paidByMe: false,
        ...overrides,
      },
    ],
  }
}

/** The receipt of paying that premium. */
export function premiumReceipt(paymentId: string): ResponseOf<'payPremium'> {
  return {
    paymentId,
    bindingId: 'b-yangjin',
    relative: { maskedName: '央*', maskedIdNumber: '5401**********2648' },
    year: 2026,
    amount: 40000,
    balanceAfter: 760000,
    at: NOW,
  }
}
