/**
 * Manual outpatient reimbursement (000 一), as content: what the person reads about a claim
 * filed at the window. Not part of the API contract: the BFF sends the claim's state, and both
 * sides word it from here.
 */
/** The steps of a manual claim, in order, with their names in the guide (申请—受理—审核—拨付—办结). */
export const CLAIM_STEPS = [
  { key: 'apply', label: '申请' },
  { key: 'accept', label: '受理' },
  { key: 'review', label: '审核' },
  { key: 'pay', label: '拨付' },
  { key: 'done', label: '办结' },
] as const;

/** 000 一: the materials for a manual outpatient reimbursement, and the two notes. */
export const CLAIM_MATERIALS: readonly string[] = [
  '《直接支付参保人员（单位）基本医疗保险医疗待遇信息表》',
  '医保电子凭证或有效身份证件或社保卡',
  '门诊收费票据',
  '门诊费用清单或门诊处方底方',
];
export const CLAIM_NOTES: readonly string[] = [
  '意外伤害就医的应提供非第三方原因相关证明材料复印件，无法提供的应填写《个人承诺书》。',
  '填写信息表时一并提供银行卡复印件，非参保人本人银行卡的需填写《个人承诺书》。',
];
