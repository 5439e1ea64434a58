/** Chinese words for the contract's enums, in one place. */
import type { IdNumberProblem, Relation } from '@family-share/shared'

/** What the relative is to me (the contract's meaning of `relation`). */
export const RELATION_LABELS: Readonly<Record<Relation, string>> = {
  spouse: '配偶',
  parent: '父母',
  child: '子女',
  sibling: '兄弟姐妹',
  grandparent: '祖父母/外祖父母',
  grandchild: '孙子女/外孙子女',
}

const INVERSE: Readonly<Record<Relation, Relation>> = {
  spouse: 'spouse',
  parent: 'child',
  child: 'parent',
  sibling: 'sibling',
  grandparent: 'grandchild',
  grandchild: 'grandparent',
}

/**
 * A binding's relation says what the beneficiary is to the authorizer. Seen from the
 * beneficiary's side it turns round: my authorizer who bound me as 'parent' is my child.
 */
export function relationFromMySide(relation: Relation, myRole: 'authorizer' | 'beneficiary'): string {
  return RELATION_LABELS[relationToMe(relation, myRole)]
}

/** The relation key of the relative as seen from my side. */
export function relationToMe(relation: Relation, myRole: 'authorizer' | 'beneficiary'): Relation {
  return myRole === 'authorizer' ? relation : INVERSE[relation]
}

const GENDERED: Readonly<Record<Relation, { male: string; female: string }>> = {
  spouse: { male: '丈夫', female: '妻子' },
  parent: { male: '父亲', female: '母亲' },
  child: { male: '儿子', female: '女儿' },
  sibling: { male: '兄弟', female: '姐妹' },
  grandparent: { male: '祖父/外祖父', female: '祖母/外祖母' },
  grandchild: { male: '孙子/外孙', female: '孙女/外孙女' },
}

/**
 * The 17th character of an ID number is odd for a man, even for a woman (GB 11643). The BFF's
 * mask keeps the last four, so the masked number still tells it; null when it does not.
 */
export function genderOf(maskedIdNumber: string | undefined): 'male' | 'female' | null {
  const digit = maskedIdNumber && maskedIdNumber.length === 18 ? maskedIdNumber[16] : undefined
  if (!digit || !/\d/.test(digit)) return null
  return Number(digit) % 2 === 1 ? 'male' : 'female'
}

/**
 * What a relative is to me, as I would say it (item 8): 我的儿子, 我的母亲; the neutral word
 * (我的子女) when the masked number does not tell.
 */
export function relativeWord(relationOfThemToMe: Relation, maskedIdNumber?: string): string {
  const gender = genderOf(maskedIdNumber)
  return `我的${gender ? GENDERED[relationOfThemToMe][gender] : RELATION_LABELS[relationOfThemToMe]}`
}

/** '尾号2428' from a masked number, for telling two relatives apart. */
export function lastFour(maskedIdNumber: string | undefined): string | null {
  const tail = maskedIdNumber?.slice(-4) ?? ''
  return /^\d{3}[\dX]$/.test(tail) ? `尾号${tail}` : null
}

/**
 * Tibetan names often share a first character (扎西, 扎巴 → both 扎*): the masked names that
 * appear more than once, so that those relatives also show the last four of their ID number.
 */
export function confusableNames(people: ReadonlyArray<{ maskedName: string }>): Set<string> {
  const seen = new Map<string, number>()
  for (const p of people) seen.set(p.maskedName, (seen.get(p.maskedName) ?? 0) + 1)
  return new Set([...seen].filter(([, n]) => n > 1).map(([name]) => name))
}

export const INSURANCE_LABELS = {
  employee: '职工医保',
  resident: '城乡居民医保',
} as const

export function insuranceLabel(insurance: 'employee' | 'resident' | null | undefined): string {
  return insurance ? INSURANCE_LABELS[insurance] : '未参保'
}

export const PERSON_STATUS_LABELS = {
  active: '正常参保',
  suspended: '暂停参保',
  terminated: '终止参保',
} as const

export const INVITATION_STATUS_LABELS = {
  pending: '待处理',
  accepted: '已接受',
  rejected: '已拒绝',
  cancelled: '已撤回',
  expired: '已过期',
  closed: '已失效',
} as const

export const END_REASON_LABELS = {
  ENDED_BY_AUTHORIZER: '由共享账户的一方解除',
  ENDED_BY_BENEFICIARY: '由使用账户的一方解除',
  AUTHORIZER_LEFT_EMPLOYEE_INSURANCE: '共享账户的一方不再参加职工医保，自动解除',
} as const

/** Why a binding ended, told to one of the two: 您 for what I did, 对方 for what they did (item 10). */
export function endReasonFor(reason: keyof typeof END_REASON_LABELS, myRole: 'authorizer' | 'beneficiary'): string {
  const mine = (myRole === 'authorizer') === (reason !== 'ENDED_BY_BENEFICIARY')
  if (reason === 'AUTHORIZER_LEFT_EMPLOYEE_INSURANCE') return mine ? '您不再参加职工医保，自动解除' : '对方不再参加职工医保，自动解除'
  return mine ? '由您解除' : '由对方解除'
}

/** parseIdNumber's problems, as a hint under the field. */
export const ID_PROBLEM_HINTS: Readonly<Record<IdNumberProblem, string>> = {
  LENGTH: '身份证号应为18位',
  FORMAT: '身份证号由17位数字和最后1位数字或X组成',
  REGION: '身份证号前两位的地区代码不正确',
  BIRTH_DATE: '身份证号中的出生日期（第7–14位）不是有效日期',
  CHECKSUM: '身份证号最后一位校验码不正确，请逐位核对',
}

export const INSTITUTION_KIND_LABELS = {
  hospital: '定点医疗机构',
  pharmacy: '定点零售药店',
} as const
