/**
 * The one catalogue of error codes. Codes are stable strings that cross process boundaries
 * (platform → BFF → mini-program); clients branch on them, never on message text. Messages
 * here are for developers and logs; the mini-program has its own Chinese wording per code.
 */

interface ErrorSpec {
  /** The HTTP status an API answers with. */
  status: number;
  /** For developers: what happened. */
  description: string;
}

const spec = (status: number, description: string): ErrorSpec => ({ status, description });

export const ERROR_CATALOGUE = {
  // Binding (SPEC)
  SELF_BINDING: spec(422, 'Nobody binds themselves (R3).'),
  AUTHORIZER_ECREDENTIAL_INACTIVE: spec(422, "The authorizer's e-credential is not activated (R1)."),
  BENEFICIARY_ECREDENTIAL_INACTIVE: spec(422, "The beneficiary's e-credential is not activated (R1)."),
  AUTHORIZER_NOT_EMPLOYEE: spec(422, 'The authorizer is not employee-insured (R2).'),
  AUTHORIZER_NOT_IN_REGION: spec(422, 'The authorizer is not insured in the region (R2).'),
  AUTHORIZER_ACCOUNT_ABNORMAL: spec(422, "The authorizer's account is not in normal state (R2)."),
  BENEFICIARY_NOT_INSURED: spec(422, 'The beneficiary is not insured in the region (R2).'),
  BENEFICIARY_ACCOUNT_ABNORMAL: spec(422, "The beneficiary's insurance is suspended (R2, 001 table)."),
  RELATION_NOT_ALLOWED: spec(422, 'The relation is not a close relative allowed by the policy (R3).'),
  REVERSE_BINDING: spec(409, 'The beneficiary already shares their account with the authorizer (R4).'),
  BENEFICIARY_ALREADY_BOUND: spec(409, 'The beneficiary already has as many authorizers as allowed (R4).'),
  DUPLICATE_BINDING: spec(409, 'This binding exists already.'),
  MINOR_NEEDS_PARENT: spec(422, 'A beneficiary under 16 can only be bound by a parent (R18).'),
  IDENTITY_MISMATCH: spec(422, 'The name does not match the ID number in the registry (R3).'),
  INVITATION_EXPIRED: spec(410, 'The invitation has expired (R19).'),
  FACE_VERIFICATION_REQUIRED: spec(403, 'A fresh face verification of this person is needed (R6).'),
  COMMITMENT_REQUIRED: spec(422, 'The commitment letter must be accepted first (R9).'),
  // Spending (SPEC)
  INSUFFICIENT_SHARED_BALANCE: spec(422, "The shared account cannot cover the whole premium (R13, R15)."),
  PREMIUM_ONLY_FOR_RESIDENT: spec(422, 'Premiums are paid from the shared account only for resident-insured beneficiaries (R15).'),
  NOT_BOUND: spec(404, 'There is no active binding between these people.'),
  IDEMPOTENCY_KEY_REUSED: spec(409, 'This idempotency key was used for a different request (R17).'),
  // Spending (added)
  PREMIUM_NOT_DUE: spec(422, 'No premium is due for this person and year (R15).'),
  PREMIUM_ALREADY_PAID: spec(409, 'The premium for this person and year is paid already (R17).'),
  PAYER_NOT_INSURED: spec(422, 'The card holder is not insured or not in normal state.'),
  IDEMPOTENCY_KEY_REQUIRED: spec(400, 'This request needs an Idempotency-Key header (R17).'),
  REQUEST_IN_PROGRESS: spec(409, 'The same request is being processed; retry in a moment (R17).'),
  // The counter (added; R21–R24)
  INSTITUTION_UNKNOWN: spec(422, 'No designated institution with this code (R21).'),
  INSTITUTION_MISMATCH: spec(403, 'Only the institution that made the settlement may cancel or reverse it (R23, R24).'),
  SETTLEMENT_NOT_FOUND: spec(404, 'No settlement with this id (R23).'),
  SETTLEMENT_ALREADY_CANCELLED: spec(409, 'This settlement was cancelled already, under another cancellation id (R23).'),
  SETTLEMENT_REVERSED: spec(409, 'This settlement was reversed (R24); there is nothing to cancel.'),
  CANCELLATION_WINDOW_PASSED: spec(422, 'The settlement is older than the cancellation window of the policy (R23).'),
  OPERATION_REVERSED: spec(409, 'This request id was reversed (冲正, R24) and can never be applied.'),
  REVERSAL_AMBIGUOUS: spec(409, 'This id names both a settlement and a cancellation; say which one to reverse (R24).'),
  // Invitations, bindings, e-credentials (added)
  INVITATION_NOT_FOUND: spec(404, 'No such invitation for this person.'),
  INVITATION_NOT_PENDING: spec(409, 'The invitation was already accepted, rejected or cancelled.'),
  INVITATION_LINK_INVALID: spec(404, 'This invitation link is not for this person, has expired or was altered; it tells nothing more.'),
  INVITATION_ALREADY_PENDING: spec(409, 'An invitation to this person is already waiting for an answer.'),
  BINDING_NOT_FOUND: spec(404, 'No such binding for this person.'),
  BINDING_ENDED: spec(409, 'This binding has ended; a new invitation is needed (R7).'),
  OPENID_ALREADY_LINKED: spec(409, "This WeChat account already holds another person's e-credential."),
  PERSON_NOT_FOUND: spec(404, 'No insured person with this ID number in the registry.'),
  ECREDENTIAL_ALREADY_ACTIVE: spec(409, 'The e-credential is already activated.'),
  ECREDENTIAL_REQUIRED: spec(403, 'Activate your e-credential first (R1).'),
  NOT_A_MINOR: spec(422, 'Guardian activation is only for a child under 16 (R18).'),
  MINOR_SELF_SERVICE: spec(422, 'A person under the minor age can neither activate an e-credential by face nor accept an invitation; a parent binds them as guardian (R18).'),
  CHILD_ECREDENTIAL_ALREADY_ACTIVE: spec(409, "The CHILD's e-credential (not the caller's) is already activated; a guardian binding goes on without activating it again (R18)."),
  IDENTITY_CHECKS_LIMITED: spec(429, 'Too many names that did not match their ID numbers; the body says in retryAfterS when checks may resume.'),
  ORDER_MISMATCH: spec(422, 'The order must list exactly the active authorizers (R14).'),
  // Face verification (added)
  FACE_VERIFICATION_FAILED: spec(422, 'The face did not match (R6).'),
  FACE_SPOOF_DETECTED: spec(422, 'Liveness check failed (R6).'),
  FACE_VERIFICATION_TIMEOUT: spec(422, 'The face verification timed out (R6).'),
  FACE_LOCKED: spec(429, 'Too many failed face verifications; locked for a while (R6).'),
  FACE_TICKET_INVALID: spec(403, 'The face ticket is unknown, used, expired or for another purpose (R6).'),
  FACE_RESULT_CONSUMED: spec(409, 'The result of this verification was already queried.'),
  FACE_VERIFICATION_NOT_FOUND: spec(404, 'No such face verification.'),
  FACE_VERIFICATION_CANCELLED: spec(422, 'The face verification was left or could not run (camera, network); it does not count as a failure.'),
  FACE_DEVICE_UNSUPPORTED: spec(422, 'This phone cannot do WeChat face verification; the counter or the hotline can help.'),
  // Login and sessions (added)
  WECHAT_CODE_INVALID: spec(401, 'The login code is invalid or used (WeChat 40029).'),
  WECHAT_RATE_LIMITED: spec(429, 'WeChat refused: too frequent (WeChat 45011).'),
  WECHAT_BUSY: spec(503, 'WeChat is busy (WeChat -1); try again with a new login code.'),
  WECHAT_LOGIN_BLOCKED: spec(403, 'WeChat blocked this login as high-risk (WeChat 40226).'),
  UNAUTHENTICATED: spec(401, 'Log in first.'),
  TOKEN_EXPIRED: spec(401, 'The access token has expired; refresh it.'),
  SESSION_REVOKED: spec(401, 'The session was ended; log in again.'),
  FORBIDDEN: spec(403, 'This belongs to somebody else.'),
  // Generic (added)
  VALIDATION_FAILED: spec(400, 'The request does not match the schema.'),
  AMOUNT_INVALID: spec(400, 'The amount is not yuan with at most two decimals within the allowed bounds.'),
  NOT_FOUND: spec(404, 'No such resource.'),
  METHOD_NOT_ALLOWED: spec(405, 'This resource does not answer to this method (see the Allow header).'),
  RATE_LIMITED: spec(429, 'Too many requests; slow down.'),
  PAYLOAD_TOO_LARGE: spec(413, 'The request body is too large.'),
  SERVICE_UNAVAILABLE: spec(503, 'A service this needs is unreachable; try again shortly.'),
  INTERNAL: spec(500, 'Something unexpected went wrong; the request id identifies it.'),
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, value);
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}
