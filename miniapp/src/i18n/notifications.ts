/**
 * Every notification kind (R20) in Chinese, in one place. The BFF sends plain data (masked
 * names, fen, codes); the words are chosen here.
 */
import { formatYuan, isErrorCode, RELATIONS, type NotificationKind, type NotificationView, type Relation } from '@family-share/shared'
import { wordsOf } from './error-messages'
import { END_REASON_LABELS, endReasonFor, insuranceLabel, PERSON_STATUS_LABELS, RELATION_LABELS } from './labels'
import { withinTtl, type PolicyWords } from './policy-words'

export interface NotificationText {
  title: string
  body: string
  /** Where a tap leads, when somewhere helps. */
  link: 'invitations' | 'bindings' | 'history' | 'premiums' | null
}

type Data = NotificationView['data']

const text = (data: Data, key: string, fallback = '家人'): string => {
  const value = data[key]
  return typeof value === 'string' && value !== '' ? value : fallback
}

const money = (data: Data, key: string): string => {
  const value = data[key]
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? formatYuan(value) : ''
}

const relation = (data: Data): string => {
  const value = data.relation
  return typeof value === 'string' && (RELATIONS as readonly string[]).includes(value) ? RELATION_LABELS[value as Relation] : ''
}

const WORDING: Readonly<Record<NotificationKind, (data: Data, words: PolicyWords | undefined) => NotificationText>> = {
  INVITATION_RECEIVED: (d, w) => ({
    title: '收到家庭共济邀请',
    body: `${text(d, 'fromName')}邀请您共享使用其职工医保个人账户，请在${withinTtl(w)}接受或拒绝。`,
    link: 'invitations',
  }),
  INVITATION_ACCEPTED: (d) => ({
    title: '邀请已被接受',
    body: `${text(d, 'byName')}已接受您的邀请，家庭共济关系即时生效。`,
    link: 'bindings',
  }),
  INVITATION_REJECTED: (d) => ({
    title: '邀请被拒绝',
    body: `${text(d, 'byName')}拒绝了您的家庭共济邀请。`,
    link: 'invitations',
  }),
  INVITATION_CANCELLED: (d) => ({
    title: '邀请已撤回',
    body: `${text(d, 'byName')}撤回了发给您的家庭共济邀请。`,
    link: 'invitations',
  }),
  INVITATION_EXPIRED: (d, w) => ({
    title: '邀请已过期',
    body: `与${text(d, 'otherName')}之间的家庭共济邀请超过${w ? w.ttl : '有效期'}未处理，已自动失效。`,
    link: 'invitations',
  }),
  INVITATION_CLOSED: (d) => {
    const reason = typeof d.reason === 'string' && isErrorCode(d.reason) ? wordsOf(d.reason) : ''
    return {
      title: '邀请已失效',
      body: `与${text(d, 'otherName')}之间的家庭共济邀请已无法接受，已自动关闭。${reason}`,
      link: 'invitations',
    }
  },
  BINDING_CREATED: (d) => ({
    title: '家庭共济关系已建立',
    body:
      d.role === 'beneficiary'
        ? `${text(d, 'counterpartName')}已把职工医保个人账户共享给您，看病买药时可以使用。`
        : `您已与${text(d, 'counterpartName')}${relation(d) ? `（${relation(d)}）` : ''}建立家庭共济关系，对方可以使用您的个人账户。`,
    link: 'bindings',
  }),
  BINDING_ENDED: (d) => {
    const known = typeof d.reason === 'string' && d.reason in END_REASON_LABELS ? (d.reason as keyof typeof END_REASON_LABELS) : null
    // 您 or 对方 when the notice says which side I am on (item 10), else the neutral words
    const reason = !known ? '' : d.role === 'authorizer' || d.role === 'beneficiary' ? endReasonFor(known, d.role) : END_REASON_LABELS[known]
    const who = d.endedByMe === true ? '您已解除' : '已解除'
    return {
      title: '家庭共济关系已解除',
      body: `${who}与${text(d, 'counterpartName')}的家庭共济关系${reason ? `（${reason}）` : ''}。`,
      link: 'bindings',
    }
  },
  DEDUCTION: (d) => ({
    title: '个人账户扣款',
    body:
      d.deductionKind === 'premium' || typeof d.year === 'number'
        ? `为${text(d, 'beneficiaryName')}代缴${typeof d.year === 'number' ? d.year : ''}年度城乡居民医保费，从您的个人账户扣款${money(d, 'amount')}。`
        : `${text(d, 'beneficiaryName')}${typeof d.institutionName === 'string' ? `在${d.institutionName}` : ''}使用您的个人账户支付${money(d, 'amount')}。`,
    link: 'history',
  }),
  PAYMENT: (d) => {
    const parts = [
      money(d, 'own') && d.own !== 0 ? `本人账户${money(d, 'own')}` : '',
      money(d, 'shared') && d.shared !== 0 ? `家人账户${money(d, 'shared')}` : '',
      money(d, 'cash') && d.cash !== 0 ? `自付${money(d, 'cash')}` : '',
    ].filter(Boolean)
    return {
      title: '医保结算',
      body: `您${typeof d.institutionName === 'string' ? `在${d.institutionName}` : ''}结算${money(d, 'charge')}${parts.length ? `：${parts.join('，')}` : ''}。`,
      link: 'history',
    }
  },
  // The counter (R23, R24): a settlement cancelled (撤销) or reversed (冲正).
  REFUND: (d) => ({
    title: '个人账户退回',
    body: `${text(d, 'beneficiaryName')}${typeof d.institutionName === 'string' ? `在${d.institutionName}` : ''}的结算已撤销，${money(d, 'amount')}已退回您的个人账户。`,
    link: 'history',
  }),
  PAYMENT_CANCELLED: (d) => {
    const parts = [
      money(d, 'own') && d.own !== 0 ? `本人账户退回${money(d, 'own')}` : '',
      money(d, 'shared') && d.shared !== 0 ? `家人账户退回${money(d, 'shared')}` : '',
      money(d, 'cash') && d.cash !== 0 ? `现金${money(d, 'cash')}由机构退还` : '',
    ].filter(Boolean)
    // A reversal (冲正, R24) of the settlement tells `reversed` and no charge; a cancellation (撤销, R23) the charge.
    const done = d.reversed === true ? '已冲正' : '已撤销'
    return {
      title: `结算${done}`,
      body: `您${typeof d.institutionName === 'string' ? `在${d.institutionName}` : ''}的结算${money(d, 'charge')}${done}${parts.length ? `：${parts.join('，')}` : ''}。`,
      link: 'history',
    }
  },
  REFUND_TAKEN_BACK: (d) => ({
    title: '撤销已冲正',
    body: `${typeof d.institutionName === 'string' ? `${d.institutionName}` : '医药机构'}冲正了一笔撤销，原结算继续有效${typeof d.amount === 'number' ? `，${money(d, 'amount')}重新从您的个人账户扣除` : ''}。`,
    link: 'history',
  }),
  PREMIUM_PAID: (d) => ({
    title: '居民医保费已缴纳',
    body: `${text(d, 'payerName')}已从其职工医保个人账户为您缴纳${typeof d.year === 'number' ? d.year : ''}年度城乡居民医保费${money(d, 'amount')}。`,
    link: null,
  }),
  INSURANCE_CHANGED: (d) => {
    const insurance = d.insurance === 'employee' || d.insurance === 'resident' ? insuranceLabel(d.insurance) : '未参保'
    const status = typeof d.status === 'string' && d.status in PERSON_STATUS_LABELS ? PERSON_STATUS_LABELS[d.status as keyof typeof PERSON_STATUS_LABELS] : ''
    return {
      title: '参保信息变更',
      body: `您的参保信息已更新：${insurance}${status ? `，${status}` : ''}。如不再参加职工医保，您共享给家人的关系会自动解除。`,
      link: 'bindings',
    }
  },
  SHARING_PAUSED: (d) => {
    const status = typeof d.status === 'string' && d.status in PERSON_STATUS_LABELS ? PERSON_STATUS_LABELS[d.status as keyof typeof PERSON_STATUS_LABELS] : '状态异常'
    return {
      title: '家庭共济暂停',
      body: `${text(d, 'counterpartName')}的职工医保个人账户当前为“${status}”，暂时不能为您支付；在此期间看病买药将由您本人账户或现金支付。恢复后会再通知您。`,
      link: 'bindings',
    }
  },
  SHARING_RESUMED: (d) => ({
    title: '家庭共济已恢复',
    body: `${text(d, 'counterpartName')}的职工医保个人账户已恢复正常，您可以继续使用家庭共济。`,
    link: 'bindings',
  }),
  ECREDENTIAL_ACTIVATED: (d) => ({
    title: '医保电子凭证已激活',
    body: d.mode === 'guardian' ? `${text(d, 'guardianName', '监护人')}已作为监护人为您激活医保电子凭证。` : '您的医保电子凭证已激活，可以使用家庭共济服务。',
    link: null,
  }),
}

/** words: the policy's words (usePolicy); without them, sentences leave the policy value out. */
export function describeNotification(notification: NotificationView, words?: PolicyWords): NotificationText {
  return WORDING[notification.kind](notification.data, words)
}
