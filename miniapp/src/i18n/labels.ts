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
  return RELATION_LABELS[myRole === 'authorizer' ? relation : INVERSE[relation]]
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
  ENDED_BY_AUTHORIZER: '由授权人解除',
  ENDED_BY_BENEFICIARY: '由家庭成员解除',
  AUTHORIZER_LEFT_EMPLOYEE_INSURANCE: '授权人不再参加职工医保，自动解除',
} as const

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
