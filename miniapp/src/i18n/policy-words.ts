/**
 * The one place where a policy value becomes words (STYLE 14, issue 12 item 11): the reserve,
 * the invitation's time limit, the minor age, the region, the hotline and the counter all come
 * from the policy the BFF sends (GET /api/policy, also inside home and bindings), never from a
 * literal. Until the policy has arrived, sentences are worded without the value rather than
 * with a guessed one.
 */
import { formatYuanPlain, type PolicySummary, type Relation } from '@family-share/shared'

export interface PolicyWords {
  /** '3,000元': the one written form of the reserve (R13). */
  floor: string
  /** '72小时' (R19) */
  ttl: string
  /** '16周岁' (R18) */
  minorAge: string
  /** the number, for rules the page applies while typing */
  minorAgeYears: number
  /** '西藏' (R2) */
  region: string
  hotline: string
  counter: string
  basis: string
  /** R3: the relations the region allows, in the catalogue's order */
  relations: readonly Relation[]
  /** R14: several authorizers allowed */
  severalAuthorizers: boolean
  reserveMode: PolicySummary['reserveMode']
}

/** '3,000元', '1,234.50元': yuan with thousands separators, no '.00' on whole yuan. */
export function yuanWords(fen: number): string {
  return `${formatYuanPlain(fen).replace(/\.00$/, '')}元`
}

export function policyWords(policy: PolicySummary): PolicyWords {
  return {
    floor: yuanWords(policy.reserveFloor),
    ttl: `${policy.invitationTtlHours}小时`,
    minorAge: `${policy.minorAge}周岁`,
    minorAgeYears: policy.minorAge,
    region: policy.regionName,
    hotline: policy.hotline,
    counter: policy.counterName,
    basis: policy.basis,
    relations: policy.allowedRelations,
    severalAuthorizers: policy.maxAuthorizersPerBeneficiary > 1,
    reserveMode: policy.reserveMode,
  }
}

/** R13 in one sentence: what family members may spend of an account. */
export function usablePart(words: PolicyWords | undefined): string {
  if (!words) return '超过账户保留金额的部分'
  return words.reserveMode === 'floor' ? `超过${words.floor}的部分` : `余额高于${words.floor}时的余额`
}

/** R19: within the invitation's time limit. */
export function withinTtl(words: PolicyWords | undefined): string {
  return words ? `${words.ttl}内` : '有效期内'
}

/** Where else to turn when the phone cannot help: the counter and the hotline. */
export function otherWays(words: PolicyWords | undefined): string {
  return words ? `也可以到${words.counter}办理，或拨打医保服务热线${words.hotline}咨询。` : '也可以到当地医保经办窗口办理。'
}
