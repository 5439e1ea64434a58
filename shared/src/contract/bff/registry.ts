// The BFF contract: the registry of endpoints: method, path, schemas, errors, auth and limits of each.
import { z } from 'zod';
import type { ErrorCode } from '../../errors';
import { fillPath, type ApiEndpoint } from '../openapi';
import { OpaqueIdSchema, YearTextSchema } from '../common';
import { DemoCodeRequestSchema, DemoCodeSchema, DemoPersonViewSchema, LoginRequestSchema, RefreshRequestSchema, TokenPairSchema } from './auth';
import { BffPreferencesRequestSchema, BindingListSchema, EndBindingBffRequestSchema, PreferencesSchema } from './bindings';
import { ClaimListSchema } from './claims';
import { AcceptCommitmentRequestSchema, CommitmentAcceptanceSchema, CommitmentSchema } from './commitment';
import { PolicySummarySchema } from './building-blocks';
import { ActivateRequestSchema } from './ecredential';
import { EstimateInstitutionListSchema, PaymentEstimateRequestSchema, PaymentEstimateSchema } from './estimate';
import { FaceCompleteRequestSchema, FaceSessionRequestSchema, FaceSessionSchema, FaceStatusSchema, FaceTicketSchema } from './face';
import { DeductionViewPageSchema, HistoryQuerySchema, MonthlyQuerySchema, MonthlyViewSchema, PaymentViewPageSchema } from './history';
import { BindingViewSchema, HomeSchema, MyPersonSchema } from './home';
import { InvitationLinkSchema, InvitationLinkTokenSchema } from './invitation-links';
import { CheckInvitationRequestSchema, CheckInvitationSchema, CreateInvitationRequestSchema, InvitationListQuerySchema, InvitationListSchema, InvitationViewSchema, MinorBindingRequestSchema } from './invitations';
import { MarkReadRequestSchema, NotificationPageSchema, NotificationQuerySchema } from './notifications';
import { BffPremiumReceiptSchema, IdempotencyHeaderSchema, PayPremiumRequestSchema, PremiumListQuerySchema, PremiumListSchema } from './premiums';
import { SaveSubscriptionsRequestSchema, SubscriptionsViewSchema } from './subscriptions';

/** Whom a limit counts: the caller's address, WeChat account (openid), or person. */
export type RateLimitSubject = 'ip' | 'openid' | 'person';

export interface RateLimitSpec {
  /** At most this many counted requests per subject … */
  max: number;
  /** … in this many seconds (a fixed window from the first one). */
  windowS: number;
  per: RateLimitSubject;
  /** Only what was made counts: the point is given back when the use case refuses or throws. */
  givenBackOnRefusal?: true;
  /**
   * Counted by the use case, not before it, because whether a request counts is known only
   * there; the use case takes these numbers through the same limiter.
   */
  countedInUseCase?: true;
}

/**
 * The BFF's rate limits, chosen for people, not for scripts; each answers 429 RATE_LIMITED with
 * Retry-After and `retryAfterS` when reached. An endpoint names the one it is counted by
 * (`rateLimit`), applied by the BFF before its use case unless `countedInUseCase`.
 */
export const BFF_RATE_LIMITS = {
  login: { max: 30, windowS: 60, per: 'ip' },
  refresh: { max: 60, windowS: 60, per: 'ip' },
  demoCode: { max: 60, windowS: 60, per: 'ip' },
  faceStart: { max: 20, windowS: 600, per: 'openid' },
  /** Invitations made (a refused attempt is given back): ten typos must not lock a person out. */
  invitation: { max: 10, windowS: 3600, per: 'person', givenBackOnRefusal: true },
  /**
   * Names that did not match their ID numbers (IDENTITY_MISMATCH), per person: what someone
   * enumerating ID numbers produces, and what a person with a typo produces a few times.
   * Counted by bff create-invitation (checkRelative), which answers IDENTITY_CHECKS_LIMITED.
   */
  identityFailure: { max: 10, windowS: 3600, per: 'person', countedInUseCase: true },
  /**
   * 付款预估 probes a relative's account through the split: a person checks a few amounts before
   * going out, a script polling someone's balance is stopped. A mistyped amount costs nothing
   * and is answered AMOUNT_INVALID even at the limit, so bff estimate-payment counts it.
   */
  paymentEstimate: { max: 20, windowS: 3600, per: 'person', countedInUseCase: true },
} as const satisfies Record<string, RateLimitSpec>;

export type RateLimitName = keyof typeof BFF_RATE_LIMITS;

export interface EndpointSpec extends ApiEndpoint {
  /** false: no access token needed. */
  auth: boolean;
  errors: readonly ErrorCode[];
  /** The limit of BFF_RATE_LIMITS this endpoint is counted by (it then lists RATE_LIMITED). */
  rateLimit?: RateLimitName;
}

const FaceSessionParams = z.object({ sessionId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/) });
const InvitationParams = z.object({ invitationId: OpaqueIdSchema });
const InvitationLinkParams = z.object({ token: InvitationLinkTokenSchema });
const BindingParams = z.object({ bindingId: OpaqueIdSchema });
const ReceiptParams = z.object({ bindingId: OpaqueIdSchema, year: YearTextSchema });

const AUTH_ERRORS = ['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'SESSION_REVOKED', 'SERVICE_UNAVAILABLE'] as const;
const PERSON_ERRORS = [...AUTH_ERRORS, 'ECREDENTIAL_REQUIRED'] as const;

export const BFF_API = {
  login: {
    method: 'post', path: '/api/auth/login', summary: 'Log in with a wx.login code', auth: false,
    body: LoginRequestSchema, response: TokenPairSchema, rateLimit: 'login',
    errors: ['VALIDATION_FAILED', 'WECHAT_CODE_INVALID', 'WECHAT_RATE_LIMITED', 'WECHAT_BUSY', 'WECHAT_LOGIN_BLOCKED', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE'],
  },
  refresh: {
    method: 'post', path: '/api/auth/refresh', summary: 'A new token pair for a refresh token (rotated)', auth: false,
    body: RefreshRequestSchema, response: TokenPairSchema, rateLimit: 'refresh', errors: ['VALIDATION_FAILED', 'SESSION_REVOKED', 'RATE_LIMITED'],
  },
  logout: {
    method: 'post', path: '/api/auth/logout', summary: 'End this session', auth: true, response: null, status: 204,
    errors: AUTH_ERRORS,
  },
  demoPeople: {
    method: 'get', path: '/api/demo/people', summary: 'DEMO: the demo people to log in as', auth: false,
    response: z.object({ items: z.array(DemoPersonViewSchema) }), errors: ['NOT_FOUND'],
  },
  demoCode: {
    method: 'post', path: '/api/demo/wx-code', summary: 'DEMO: what wx.login gives a phone of this WeChat account', auth: false,
    body: DemoCodeRequestSchema, response: DemoCodeSchema, rateLimit: 'demoCode', errors: ['NOT_FOUND', 'VALIDATION_FAILED', 'RATE_LIMITED'],
  },
  policy: {
    method: 'get', path: '/api/policy', summary: 'The policy values people are told (floor, TTL, minor age, region, hotline)', auth: false,
    response: PolicySummarySchema, errors: [],
  },
  home: {
    method: 'get', path: '/api/home', summary: 'My e-credential, balance, sharing and badges', auth: true,
    response: HomeSchema, errors: AUTH_ERRORS,
  },
  startFace: {
    method: 'post', path: '/api/face/sessions', summary: 'Start a face verification (R6)', auth: true,
    body: FaceSessionRequestSchema, response: FaceSessionSchema, status: 201, rateLimit: 'faceStart',
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED', 'FACE_LOCKED', 'RATE_LIMITED', 'ECREDENTIAL_REQUIRED', 'IDENTITY_MISMATCH', 'BINDING_NOT_FOUND', 'MINOR_SELF_SERVICE'],
  },
  completeFace: {
    method: 'post', path: '/api/face/sessions/:sessionId/complete', summary: 'Finish it: a single-use ticket on a pass', auth: true,
    params: FaceSessionParams, body: FaceCompleteRequestSchema, response: FaceTicketSchema,
    errors: [
      ...AUTH_ERRORS, 'FACE_VERIFICATION_FAILED', 'FACE_SPOOF_DETECTED', 'FACE_VERIFICATION_TIMEOUT', 'FACE_VERIFICATION_CANCELLED',
      'FACE_DEVICE_UNSUPPORTED', 'FACE_LOCKED', 'FACE_VERIFICATION_NOT_FOUND', 'FACE_RESULT_CONSUMED',
    ],
  },
  faceStatus: {
    method: 'get', path: '/api/face/status', summary: 'Attempts left before the lock', auth: true,
    response: FaceStatusSchema, errors: AUTH_ERRORS,
  },
  activate: {
    method: 'post', path: '/api/ecredential/activate', summary: 'Activate my e-credential (R1)', auth: true,
    body: ActivateRequestSchema, response: MyPersonSchema,
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED', 'FACE_VERIFICATION_REQUIRED', 'FACE_TICKET_INVALID', 'IDENTITY_MISMATCH', 'ECREDENTIAL_ALREADY_ACTIVE', 'OPENID_ALREADY_LINKED', 'PAYER_NOT_INSURED', 'MINOR_SELF_SERVICE'],
  },
  commitment: {
    method: 'get', path: '/api/commitment', summary: 'The commitment letter (附件2) and my acceptance', auth: true,
    response: CommitmentSchema, errors: PERSON_ERRORS,
  },
  acceptCommitment: {
    method: 'post', path: '/api/commitment/accept', summary: 'Accept the commitment letter (R9)', auth: true,
    body: AcceptCommitmentRequestSchema, response: CommitmentAcceptanceSchema,
    errors: [...PERSON_ERRORS, 'VALIDATION_FAILED', 'COMMITMENT_REQUIRED'],
  },
  createInvitation: {
    method: 'post', path: '/api/invitations', summary: 'Invite a relative to share my account', auth: true,
    body: CreateInvitationRequestSchema, response: InvitationViewSchema, status: 201, rateLimit: 'invitation',
    errors: [
      ...PERSON_ERRORS, 'VALIDATION_FAILED', 'RATE_LIMITED', 'COMMITMENT_REQUIRED', 'FACE_VERIFICATION_REQUIRED', 'FACE_TICKET_INVALID',
      'SELF_BINDING', 'IDENTITY_MISMATCH', 'RELATION_NOT_ALLOWED', 'AUTHORIZER_NOT_EMPLOYEE', 'AUTHORIZER_NOT_IN_REGION',
      'AUTHORIZER_ACCOUNT_ABNORMAL', 'AUTHORIZER_ECREDENTIAL_INACTIVE', 'BENEFICIARY_NOT_INSURED', 'BENEFICIARY_ACCOUNT_ABNORMAL',
      'MINOR_NEEDS_PARENT', 'REVERSE_BINDING', 'BENEFICIARY_ALREADY_BOUND', 'DUPLICATE_BINDING', 'INVITATION_ALREADY_PENDING',
      'IDENTITY_CHECKS_LIMITED',
    ],
  },
  checkInvitation: {
    method: 'post', path: '/api/invitations/check', summary: 'The rule check before the face step: may I invite this relative now?', auth: true,
    body: CheckInvitationRequestSchema, response: CheckInvitationSchema,
    errors: [
      ...PERSON_ERRORS, 'VALIDATION_FAILED', 'IDENTITY_CHECKS_LIMITED', 'SELF_BINDING', 'IDENTITY_MISMATCH', 'RELATION_NOT_ALLOWED',
      'AUTHORIZER_NOT_EMPLOYEE', 'AUTHORIZER_NOT_IN_REGION', 'AUTHORIZER_ACCOUNT_ABNORMAL', 'AUTHORIZER_ECREDENTIAL_INACTIVE',
      'BENEFICIARY_NOT_INSURED', 'BENEFICIARY_ACCOUNT_ABNORMAL', 'MINOR_NEEDS_PARENT', 'REVERSE_BINDING', 'BENEFICIARY_ALREADY_BOUND',
      'DUPLICATE_BINDING',
    ],
  },
  listInvitations: {
    method: 'get', path: '/api/invitations', summary: 'My invitations, sent or received', auth: true,
    query: InvitationListQuerySchema, response: InvitationListSchema, errors: [...PERSON_ERRORS, 'VALIDATION_FAILED'],
  },
  acceptInvitation: {
    method: 'post', path: '/api/invitations/:invitationId/accept', summary: 'Accept: the binding takes effect now (R7, R19)', auth: true,
    params: InvitationParams, response: BindingViewSchema,
    errors: [
      ...PERSON_ERRORS, 'INVITATION_NOT_FOUND', 'INVITATION_NOT_PENDING', 'INVITATION_EXPIRED', 'BENEFICIARY_ECREDENTIAL_INACTIVE',
      'AUTHORIZER_NOT_EMPLOYEE', 'AUTHORIZER_ACCOUNT_ABNORMAL', 'BENEFICIARY_NOT_INSURED', 'REVERSE_BINDING', 'BENEFICIARY_ALREADY_BOUND',
      'DUPLICATE_BINDING', 'IDENTITY_MISMATCH', 'REQUEST_IN_PROGRESS', 'MINOR_SELF_SERVICE', 'AUTHORIZER_NOT_IN_REGION',
    ],
  },
  rejectInvitation: {
    method: 'post', path: '/api/invitations/:invitationId/reject', summary: 'Reject an invitation', auth: true,
    params: InvitationParams, response: InvitationViewSchema,
    errors: [...PERSON_ERRORS, 'INVITATION_NOT_FOUND', 'INVITATION_NOT_PENDING', 'INVITATION_EXPIRED'],
  },
  cancelInvitation: {
    method: 'post', path: '/api/invitations/:invitationId/cancel', summary: 'Withdraw my invitation', auth: true,
    params: InvitationParams, response: InvitationViewSchema,
    errors: [...PERSON_ERRORS, 'INVITATION_NOT_FOUND', 'INVITATION_NOT_PENDING', 'INVITATION_EXPIRED'],
  },
  invitationLink: {
    method: 'post', path: '/api/invitations/:invitationId/link', summary: 'A signed link to my invitation, to send to the relative (发送给家人)', auth: true,
    params: InvitationParams, response: InvitationLinkSchema, errors: [...PERSON_ERRORS, 'INVITATION_NOT_FOUND', 'INVITATION_NOT_PENDING'],
  },
  openInvitationLink: {
    method: 'get', path: '/api/invitation-links/:token', summary: 'The invitation a link names, for its invitee only', auth: true,
    params: InvitationLinkParams, response: InvitationViewSchema, errors: [...PERSON_ERRORS, 'VALIDATION_FAILED', 'INVITATION_LINK_INVALID'],
  },
  subscriptions: {
    method: 'get', path: '/api/subscriptions', summary: 'My subscription-message consents and what was sent to me (R20)', auth: true,
    response: SubscriptionsViewSchema, errors: AUTH_ERRORS,
  },
  saveSubscriptions: {
    method: 'post', path: '/api/subscriptions', summary: 'Record what wx.requestSubscribeMessage answered at a tap (R20)', auth: true,
    body: SaveSubscriptionsRequestSchema, response: SubscriptionsViewSchema, errors: [...AUTH_ERRORS, 'VALIDATION_FAILED'],
  },
  bindMinor: {
    method: 'post', path: '/api/family/minors', summary: 'A parent activates a child under 16 as guardian and binds at once (R18)', auth: true,
    body: MinorBindingRequestSchema, response: BindingViewSchema, status: 201,
    errors: [
      ...PERSON_ERRORS, 'VALIDATION_FAILED', 'COMMITMENT_REQUIRED', 'FACE_VERIFICATION_REQUIRED', 'FACE_TICKET_INVALID', 'IDENTITY_MISMATCH',
      'NOT_A_MINOR', 'MINOR_NEEDS_PARENT', 'BENEFICIARY_NOT_INSURED', 'BENEFICIARY_ALREADY_BOUND', 'AUTHORIZER_NOT_EMPLOYEE',
      'AUTHORIZER_ACCOUNT_ABNORMAL', 'AUTHORIZER_NOT_IN_REGION', 'DUPLICATE_BINDING',
    ],
  },
  listBindings: {
    method: 'get', path: '/api/bindings', summary: 'Whom I share with and who shares with me', auth: true,
    response: BindingListSchema, errors: PERSON_ERRORS,
  },
  endBinding: {
    method: 'post', path: '/api/bindings/:bindingId/end', summary: 'End a binding (R6, R7), either side', auth: true,
    params: BindingParams, body: EndBindingBffRequestSchema, response: BindingViewSchema,
    errors: [...PERSON_ERRORS, 'VALIDATION_FAILED', 'BINDING_NOT_FOUND', 'NOT_BOUND', 'FACE_VERIFICATION_REQUIRED', 'FACE_TICKET_INVALID'],
  },
  setPreferences: {
    method: 'put', path: '/api/preferences', summary: 'R11 account choice, R14 order of my authorizers', auth: true,
    body: BffPreferencesRequestSchema, response: PreferencesSchema,
    errors: [...PERSON_ERRORS, 'VALIDATION_FAILED', 'ORDER_MISMATCH', 'BINDING_NOT_FOUND'],
  },
  listPremiums: {
    method: 'get', path: '/api/premiums', summary: 'Premiums due for my bound relatives (R15)', auth: true,
    query: PremiumListQuerySchema, response: PremiumListSchema, errors: [...PERSON_ERRORS, 'VALIDATION_FAILED'],
  },
  payPremium: {
    method: 'post', path: '/api/premiums/payments', summary: 'Pay a relative’s premium from my account (R15, R17)', auth: true,
    headers: IdempotencyHeaderSchema, body: PayPremiumRequestSchema, response: BffPremiumReceiptSchema,
    errors: [
      ...PERSON_ERRORS, 'VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_KEY_REUSED', 'REQUEST_IN_PROGRESS', 'BINDING_NOT_FOUND',
      'NOT_BOUND', 'PREMIUM_ONLY_FOR_RESIDENT', 'PREMIUM_ALREADY_PAID', 'PREMIUM_NOT_DUE', 'INSUFFICIENT_SHARED_BALANCE',
      'AUTHORIZER_ACCOUNT_ABNORMAL',
    ],
  },
  premiumReceipt: {
    method: 'get', path: '/api/premiums/receipts/:bindingId/:year',
    summary: 'The receipt of a premium I paid for this relative and year, on any of my devices (R15, R16)', auth: true,
    params: ReceiptParams, response: BffPremiumReceiptSchema, errors: [...PERSON_ERRORS, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  deductions: {
    method: 'get', path: '/api/history/deductions', summary: 'Every deduction from my account (R16)', auth: true,
    query: HistoryQuerySchema, response: DeductionViewPageSchema, errors: [...PERSON_ERRORS, 'VALIDATION_FAILED', 'BINDING_NOT_FOUND'],
  },
  payments: {
    method: 'get', path: '/api/history/payments', summary: 'My payments and how each was split (R16)', auth: true,
    query: HistoryQuerySchema, response: PaymentViewPageSchema, errors: [...PERSON_ERRORS, 'VALIDATION_FAILED'],
  },
  monthly: {
    method: 'get', path: '/api/history/monthly', summary: 'Monthly totals of deductions from my account', auth: true,
    query: MonthlyQuerySchema, response: MonthlyViewSchema, errors: [...PERSON_ERRORS, 'VALIDATION_FAILED'],
  },
  estimateInstitutions: {
    method: 'get', path: '/api/payment-estimate/institutions', summary: 'Designated institutions for a payment estimate, and the default one (R21)', auth: true,
    response: EstimateInstitutionListSchema, errors: PERSON_ERRORS,
  },
  paymentEstimate: {
    method: 'post', path: '/api/payment-estimate', summary: '付款预估: how a payment would be split now; nothing is recorded (R22)', auth: true,
    body: PaymentEstimateRequestSchema, response: PaymentEstimateSchema, rateLimit: 'paymentEstimate',
    errors: [...PERSON_ERRORS, 'VALIDATION_FAILED', 'AMOUNT_INVALID', 'INSTITUTION_UNKNOWN', 'PAYER_NOT_INSURED', 'RATE_LIMITED'],
  },
  notifications: {
    method: 'get', path: '/api/notifications', summary: 'My inbox (R20)', auth: true,
    query: NotificationQuerySchema, response: NotificationPageSchema, errors: [...AUTH_ERRORS, 'VALIDATION_FAILED'],
  },
  markRead: {
    method: 'post', path: '/api/notifications/read', summary: 'Mark my inbox read up to a time', auth: true,
    body: MarkReadRequestSchema, response: z.object({ unread: z.number().int() }), errors: [...AUTH_ERRORS, 'VALIDATION_FAILED'],
  },
  claims: {
    method: 'get', path: '/api/claims', summary: 'My manual outpatient reimbursement claims and their steps', auth: true,
    response: ClaimListSchema, errors: PERSON_ERRORS,
  },
} as const satisfies Record<string, EndpointSpec>;

export type BffEndpointName = keyof typeof BFF_API;
export type ResponseOf<N extends BffEndpointName> = (typeof BFF_API)[N]['response'] extends z.ZodType
  ? z.infer<(typeof BFF_API)[N]['response']>
  : undefined;

/** Fills `:name` segments of an endpoint path. */
export function pathOf(name: BffEndpointName, params: Record<string, string> = {}): string {
  return fillPath(BFF_API[name].path, params);
}
