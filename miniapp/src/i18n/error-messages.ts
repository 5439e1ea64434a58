/**
 * Every error code the mini-program can meet, worded in Chinese for the person holding the
 * phone — the one place that does it. Pages branch on codes and show messageOf().
 * The Record type makes a missing catalogue code a compile error; test/error-messages.test.ts
 * checks the same at run time against the shared catalogue.
 */
import type { AppErrorCode } from '@/services/http'
import { isApiError } from '@/services/http'
import { knownPolicy } from '@/services/policy-store'
import { otherWays, policyWords, type PolicyWords } from './policy-words'

/** A message, or one that states a policy value: worded from the policy the BFF sent (item 11). */
type Wording = string | ((words: PolicyWords | undefined) => string)

export const ERROR_MESSAGES: Readonly<Record<AppErrorCode, Wording>> = {
  // binding
  SELF_BINDING: '不能与本人建立家庭共济关系，请填写家人的信息。',
  AUTHORIZER_ECREDENTIAL_INACTIVE: '您的医保电子凭证尚未激活，请先激活后再操作。',
  BENEFICIARY_ECREDENTIAL_INACTIVE: '家人的医保电子凭证尚未激活，请家人先在自己的手机上激活。',
  AUTHORIZER_NOT_EMPLOYEE: '只有参加职工医保的人员才能共享个人账户。',
  AUTHORIZER_NOT_IN_REGION: (w) => (w ? `只有在${w.region}参加职工医保的人员才能办理家庭共济。` : '只有在本地区参加职工医保的人员才能办理家庭共济。'),
  AUTHORIZER_ACCOUNT_ABNORMAL: (w) => `共享个人账户的一方参保状态异常（如暂停参保），暂不能办理。${otherWays(w)}`,
  BENEFICIARY_NOT_INSURED: (w) => (w ? `这位家人未在${w.region}参加基本医疗保险，不能绑定。` : '这位家人未在本地区参加基本医疗保险，不能绑定。'),
  BENEFICIARY_ACCOUNT_ABNORMAL: '这位家人的参保状态异常（如暂停），暂不能绑定。',
  RELATION_NOT_ALLOWED: '按政策只能与近亲属（配偶、父母、子女等）建立家庭共济关系。',
  REVERSE_BINDING: '对方已经把医保个人账户共享给您，不能再反向绑定。',
  BENEFICIARY_ALREADY_BOUND: '这位家人已被其他参保人绑定，同一时间只能被绑定一次。',
  DUPLICATE_BINDING: '您与这位家人已经建立了家庭共济关系。',
  MINOR_NEEDS_PARENT: (w) => `${w ? `未满${w.minorAge}` : '未成年'}的家人只能由父母以监护人身份绑定。`,
  IDENTITY_MISMATCH: '姓名与身份证号不一致，请核对后重新填写。',
  INVITATION_EXPIRED: (w) => `邀请已超过${w ? w.ttl : '有效期'}，已失效。请对方重新发起邀请。`,
  FACE_VERIFICATION_REQUIRED: '此操作需要先通过人脸验证。',
  COMMITMENT_REQUIRED: '请先阅读并签署《个人账户家庭共享承诺书》。',
  // spending
  INSUFFICIENT_SHARED_BALANCE: (w) => `个人账户可用于家人的余额不足${w ? `（账户需保留${w.floor}）` : ''}，本次保费需一次付清，暂不能从账户缴纳。`,
  PREMIUM_ONLY_FOR_RESIDENT: '只能为参加城乡居民医保的家人代缴保费，这位家人参加的是职工医保或未参保。',
  NOT_BOUND: '你们之间没有生效中的家庭共济关系。',
  IDEMPOTENCY_KEY_REUSED: '这笔缴费请求有冲突，请返回后重新发起。',
  PREMIUM_NOT_DUE: '这位家人本年度没有需要缴纳的居民医保费。',
  PREMIUM_ALREADY_PAID: '这位家人本年度的居民医保费已经缴纳，无需重复缴费。',
  PAYER_NOT_INSURED: (w) => `未查到您的有效参保信息。${otherWays(w)}`,
  IDEMPOTENCY_KEY_REQUIRED: '缴费请求不完整，请重新发起。',
  REQUEST_IN_PROGRESS: '上一笔请求正在处理中，请稍候再试。',
  // the counter (R21–R24): met at the pharmacy or hospital, worded in case the phone shows one
  INSTITUTION_UNKNOWN: '未找到这家定点医药机构。',
  INSTITUTION_MISMATCH: '只有办理这笔结算的医药机构才能撤销或冲正。',
  SETTLEMENT_NOT_FOUND: '未找到这笔结算。',
  SETTLEMENT_ALREADY_CANCELLED: '这笔结算已经撤销过了。',
  SETTLEMENT_REVERSED: '这笔结算已冲正，无需撤销。',
  CANCELLATION_WINDOW_PASSED: '这笔结算已超过可撤销的期限。',
  OPERATION_REVERSED: '这笔交易已冲正，不能再办理。',
  REVERSAL_AMBIGUOUS: '请说明要冲正的是结算还是撤销。',
  // invitations, bindings, e-credentials
  INVITATION_NOT_FOUND: '没有找到这条邀请，可能已被处理。',
  INVITATION_LINK_INVALID: '这个邀请链接无效或已过期，无法查看。',
  INVITATION_NOT_PENDING: '这条邀请已被处理（接受、拒绝或撤回）。',
  INVITATION_ALREADY_PENDING: '您已向这位家人发出邀请，正在等待对方处理。',
  BINDING_NOT_FOUND: '没有找到这条家庭共济关系。',
  BINDING_ENDED: '这条家庭共济关系已经解除，如需继续请重新邀请。',
  OPENID_ALREADY_LINKED: '这个微信账号已绑定其他人的医保电子凭证。',
  PERSON_NOT_FOUND: '未查到该身份证号的参保信息。',
  ECREDENTIAL_ALREADY_ACTIVE: '您的医保电子凭证已经激活。',
  ECREDENTIAL_REQUIRED: '请先激活医保电子凭证。',
  NOT_A_MINOR: (w) => `孩子已满${w ? w.minorAge : '监护绑定的年龄'}，请使用普通邀请，由孩子本人接受。`,
  MINOR_SELF_SERVICE: '未成年人不能自己激活医保电子凭证或接受邀请，请由父母在自己的手机上以监护人身份办理。',
  CHILD_ECREDENTIAL_ALREADY_ACTIVE: '孩子的医保电子凭证已经激活，可以直接绑定。',
  IDENTITY_CHECKS_LIMITED: '姓名与身份证号不一致的次数过多，为保护他人信息，核验已暂停。',
  ORDER_MISMATCH: '共享给您的家人名单已变化，请刷新后重新排序。',
  // face verification
  FACE_VERIFICATION_FAILED: '人脸与身份信息不匹配，请本人重新验证。',
  FACE_SPOOF_DETECTED: '未通过活体检测，请本人正对屏幕，按提示完成动作。',
  FACE_VERIFICATION_TIMEOUT: '验证超时，请在光线充足处重新验证。',
  FACE_LOCKED: (w) => `人脸验证失败次数过多，已暂时锁定，请稍后再试。${otherWays(w)}`,
  FACE_TICKET_INVALID: '人脸验证结果已失效，请重新验证。',
  FACE_RESULT_CONSUMED: '本次人脸验证结果已使用，请重新验证。',
  FACE_VERIFICATION_CANCELLED: '人脸验证没有完成（已退出，或相机、网络不可用），不计入失败次数。请重新验证。',
  FACE_DEVICE_UNSUPPORTED: '这部手机暂不支持微信人脸验证。',
  FACE_VERIFICATION_NOT_FOUND: '人脸验证已过期，请重新开始。',
  // login and sessions
  WECHAT_CODE_INVALID: '微信登录凭据已失效，请重新登录。',
  WECHAT_RATE_LIMITED: '登录过于频繁，请稍后再试。',
  WECHAT_BUSY: '微信服务繁忙，请稍后再试。',
  WECHAT_LOGIN_BLOCKED: '微信判断本次登录存在风险，暂不能登录。请稍后再试，或到医保经办窗口办理。',
  UNAUTHENTICATED: '请先登录。',
  TOKEN_EXPIRED: '登录已过期，请重新登录。',
  SESSION_REVOKED: '登录已失效，请重新登录。',
  FORBIDDEN: '无权查看或操作这条信息。',
  // generic
  VALIDATION_FAILED: '填写的信息有误，请检查后重试。',
  AMOUNT_INVALID: '请输入正确的金额：大于0，最多两位小数。',
  NOT_FOUND: '没有找到相关内容。',
  METHOD_NOT_ALLOWED: '暂不支持这项操作，请更新小程序后重试。',
  RATE_LIMITED: '操作太频繁，请稍后再试。',
  PAYLOAD_TOO_LARGE: '提交的内容过多，请精简后重试。',
  SERVICE_UNAVAILABLE: '医保服务暂时无法连接，请稍后再试。',
  INTERNAL: '系统繁忙，请稍后再试。',
  // decided on the phone
  NETWORK_ERROR: '网络连接失败，请检查网络后重试。',
  // no answer within the time limit: the network worked, the service did not (item 9)
  TIMEOUT: '服务繁忙，请稍后再试。',
  BAD_RESPONSE: '服务返回的数据异常，请稍后再试。',
}

const UNKNOWN = '出了点问题，请稍后再试。'

/**
 * Issue 9 item 8, "every message names whose credential it means": the catalogue above speaks
 * to the inviter (the authorizer). The relative who accepts meets the same codes about the
 * other person, or about themself in the second person.
 */
const AS_INVITEE: Partial<Record<AppErrorCode, string>> = {
  AUTHORIZER_ECREDENTIAL_INACTIVE: '邀请人的医保电子凭证目前未激活，暂时不能接受这条邀请。',
  BENEFICIARY_ECREDENTIAL_INACTIVE: '您的医保电子凭证尚未激活，请先激活后再接受邀请。',
  AUTHORIZER_NOT_EMPLOYEE: '邀请人已不再参加职工医保，不能再共享个人账户，这条邀请已无法接受。',
  AUTHORIZER_ACCOUNT_ABNORMAL: '邀请人的医保个人账户状态异常（如暂停参保），暂时不能接受这条邀请。',
  BENEFICIARY_NOT_INSURED: '您的参保信息不符合家庭共济的条件，不能接受这条邀请。',
  BENEFICIARY_ACCOUNT_ABNORMAL: '您的参保状态异常（如暂停），暂时不能接受这条邀请。',
  BENEFICIARY_ALREADY_BOUND: '您已被其他参保人绑定，不能再接受这条邀请。',
  REVERSE_BINDING: '您已经把医保个人账户共享给对方，不能再反向绑定。',
}

/** The message for the relative answering an invitation (see AS_INVITEE). */
export function messageForInvitee(error: unknown): string {
  return isApiError(error) && AS_INVITEE[error.code] ? (AS_INVITEE[error.code] as string) : messageOf(error)
}

/** When a refused person may try again, from the server's retryAfterS, as a clock time. */
export function retryTimeOf(error: unknown, now = Date.now()): string | null {
  if (!isApiError(error) || error.retryAfterS === undefined) return null
  const at = new Date(now + error.retryAfterS * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`
}

/** The Chinese message for any thrown value; unknown errors get a calm generic line. */
/** The words of one code, with the policy's values where it states one. */
export function wordsOf(code: AppErrorCode): string {
  const wording = ERROR_MESSAGES[code]
  if (wording === undefined) return UNKNOWN
  if (typeof wording === 'string') return wording
  const policy = knownPolicy()
  return wording(policy ? policyWords(policy) : undefined)
}

export function messageOf(error: unknown): string {
  if (!isApiError(error)) return UNKNOWN
  const message = wordsOf(error.code)
  const at = retryTimeOf(error)
  return at ? `${message}请在${at}以后再试。` : message
}

/** Failures where trying the very same request again can help (no answer, or a busy server). */
export function isRetryable(error: unknown): boolean {
  return isApiError(error) && ['NETWORK_ERROR', 'TIMEOUT', 'SERVICE_UNAVAILABLE', 'REQUEST_IN_PROGRESS', 'INTERNAL', 'RATE_LIMITED'].includes(error.code)
}
