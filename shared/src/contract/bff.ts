/**
 * The BFF's HTTP API as the mini-program uses it: every endpoint's method, path, request
 * schemas, success body and error codes in one registry. The BFF routes from it, the OpenAPI
 * document is generated from it, and the mini-program's services call it by name.
 * Everything about other people leaves the BFF masked (maskName, maskIdNumber).
 */
import { z } from 'zod';
import type { ErrorCode } from '../errors';
import {
  AccountChoiceSchema,
  ErrorCodeSchema,
  FenSchema,
  IdempotencyKeySchema,
  IdNumberSchema,
  InsuranceSchema,
  MonthSchema,
  OpaqueIdSchema,
  PersonNameSchema,
  PersonStatusSchema,
  RelationSchema,
  YearSchema,
  STREAM_ID_PATTERN,
  YearTextSchema,
  limitQuery,
} from './common';
import {
  BindingEndReasonSchema,
  DeductionKindSchema,
  DemoPersonSchema,
  EpochMsSchema,
  InstitutionCodeSchema,
  InstitutionKindSchema,
  NoSharingReasonSchema,
} from './platform';

// ---- building blocks ----

export const MaskedPersonSchema = z.object({
  maskedName: z.string(),
  maskedIdNumber: z.string(),
});

export const PolicySummarySchema = z.object({
  name: z.string(),
  maxAuthorizersPerBeneficiary: z.number().int(),
  reserveFloor: FenSchema,
  reserveMode: z.enum(['floor', 'gate']),
  invitationTtlHours: z.number().int(),
  minorAge: z.number().int(),
  /** Words for people: every policy value the mini-program states comes from here (STYLE 14). */
  regionName: z.string(),
  hotline: z.string(),
  counterName: z.string(),
  basis: z.string(),
});
export type PolicySummary = z.infer<typeof PolicySummarySchema>;

// ---- auth ----

export const LoginRequestSchema = z.object({ code: z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/) });
export const RefreshRequestSchema = z.object({ refreshToken: z.string().min(20).max(200).regex(/^[A-Za-z0-9_.-]+$/) });
export const TokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** seconds */
  expiresIn: z.number().int(),
  refreshExpiresIn: z.number().int(),
});
export type TokenPair = z.infer<typeof TokenPairSchema>;

/** DEMO: the people one may log in as; the same shape as the platform's list. */
export const DemoPersonViewSchema = DemoPersonSchema;
export const DemoCodeRequestSchema = z.object({ openid: z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/) });
export const DemoCodeSchema = z.object({ code: z.string() });

// ---- home ----

export const BindingViewSchema = z.object({
  bindingId: OpaqueIdSchema,
  /** My side of this binding. */
  role: z.enum(['authorizer', 'beneficiary']),
  counterpart: MaskedPersonSchema,
  /** What the beneficiary is to the authorizer. */
  relation: RelationSchema,
  status: z.enum(['active', 'ended']),
  since: EpochMsSchema,
  endedAt: EpochMsSchema.nullable(),
  endReason: BindingEndReasonSchema.nullable(),
  /** R14: for my authorizers, their position (1 pays first). */
  rank: z.number().int().nullable(),
  needsAcceptance: z.boolean(),
  /** For a beneficiary: the relative's insurance (residents can have premiums paid, R15). */
  counterpartInsurance: InsuranceSchema.nullable(),
});
export type BindingView = z.infer<typeof BindingViewSchema>;

export const MyPersonSchema = z.object({
  name: z.string(),
  maskedIdNumber: z.string(),
  insurance: InsuranceSchema.nullable(),
  region: z.string(),
  status: PersonStatusSchema,
  balance: FenSchema,
  /** R13: what relatives can spend from my account right now. */
  usableForFamily: FenSchema,
  eCredential: z.object({ active: z.boolean(), mode: z.enum(['self', 'guardian']).nullable() }),
  accountChoice: AccountChoiceSchema,
});
export type MyPerson = z.infer<typeof MyPersonSchema>;

export const HomeSchema = z.object({
  /** null until the e-credential is activated: the person is not known yet. */
  person: MyPersonSchema.nullable(),
  sharing: z.object({
    asAuthorizer: z.array(BindingViewSchema),
    asBeneficiary: z.array(BindingViewSchema),
  }),
  pendingInvitations: z.number().int(),
  unreadNotifications: z.number().int(),
  policy: PolicySummarySchema,
  demo: z.boolean(),
});
export type Home = z.infer<typeof HomeSchema>;

// ---- face verification ----

export const FacePurposeSchema = z.enum(['activate', 'bind', 'unbind']);
export type FacePurpose = z.infer<typeof FacePurposeSchema>;

export const FaceSessionRequestSchema = z.discriminatedUnion('purpose', [
  /** Before activation the BFF does not know who this is: name and number are verified against the face. */
  z.object({ purpose: z.literal('activate'), name: PersonNameSchema, idNumber: IdNumberSchema }),
  /** target: the ID number of the relative to bind. */
  z.object({ purpose: z.literal('bind'), target: IdNumberSchema }),
  /** target: the binding to end. */
  z.object({ purpose: z.literal('unbind'), target: OpaqueIdSchema }),
]);

export const FaceSessionSchema = z.object({
  sessionId: z.string(),
  /** WeChat's verify_id (getverifyid), for wx.requestFacialVerify on the phone. */
  verifyId: z.string(),
  purpose: FacePurposeSchema,
  expiresAt: EpochMsSchema,
  /** In demo mode the page may choose the outcome of the simulated camera. */
  demo: z.boolean(),
  /** Where to go when this phone cannot do face verification (policy data, R6 online only otherwise). */
  help: z.object({ counter: z.string(), hotline: z.string() }),
});

export const FaceOutcomeSchema = z.enum(['pass', 'fail', 'spoof', 'timeout']);
export const FaceCompleteRequestSchema = z.object({ outcome: FaceOutcomeSchema.optional() });

export const FaceTicketSchema = z.object({
  ticket: z.string(),
  purpose: FacePurposeSchema,
  expiresAt: EpochMsSchema,
});
export type FaceTicket = z.infer<typeof FaceTicketSchema>;

export const FaceStatusSchema = z.object({
  attemptsLeft: z.number().int(),
  lockedUntil: EpochMsSchema.nullable(),
});

export const FaceTicketStringSchema = z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/);

// ---- e-credential ----

/** A missing face ticket answers FACE_VERIFICATION_REQUIRED; a used or wrong one FACE_TICKET_INVALID. */
export const ActivateRequestSchema = z.object({
  name: PersonNameSchema,
  idNumber: IdNumberSchema,
  faceTicket: FaceTicketStringSchema.optional(),
});

// ---- commitment (R9) ----

export const CommitmentSchema = z.object({
  version: z.string(),
  title: z.string(),
  paragraphs: z.array(z.string()),
  reserveNote: z.string(),
  acceptedAt: EpochMsSchema.nullable(),
});
export const AcceptCommitmentRequestSchema = z.object({ version: z.string().min(1).max(64) });
export const CommitmentAcceptanceSchema = z.object({ version: z.string(), acceptedAt: EpochMsSchema });

// ---- invitations ----

/** 'closed': it could never be accepted any more (closedReason says why) and was closed at once (R20). */
export const InvitationStatusSchema = z.enum(['pending', 'accepted', 'rejected', 'cancelled', 'expired', 'closed']);

export const CreateInvitationRequestSchema = z.object({
  name: PersonNameSchema,
  idNumber: IdNumberSchema,
  relation: RelationSchema,
  faceTicket: FaceTicketStringSchema.optional(),
  /** Missing or not the current version: COMMITMENT_REQUIRED (R9). */
  commitmentVersion: z.string().min(1).max(64).optional(),
});

export const InvitationViewSchema = z.object({
  invitationId: OpaqueIdSchema,
  box: z.enum(['sent', 'received']),
  counterpart: MaskedPersonSchema,
  relation: RelationSchema,
  status: InvitationStatusSchema,
  createdAt: EpochMsSchema,
  expiresAt: EpochMsSchema,
  decidedAt: EpochMsSchema.nullable(),
  bindingId: OpaqueIdSchema.nullable(),
  /** Why a 'closed' invitation was closed: the refusal that acceptance would meet (R4, R8). */
  closedReason: ErrorCodeSchema.nullable(),
});
export type InvitationView = z.infer<typeof InvitationViewSchema>;

/** The rule check before the face step (issue 12): would an invitation to this person be allowed now? */
export const CheckInvitationRequestSchema = z.object({
  name: PersonNameSchema,
  idNumber: IdNumberSchema,
  relation: RelationSchema,
});
export const CheckInvitationSchema = z.object({
  /** false: a child of mine under the minor age, bound at once as guardian (R18). */
  needsAcceptance: z.boolean(),
});

export const InvitationListQuerySchema = z.object({ box: z.enum(['sent', 'received']) });
export const InvitationListSchema = z.object({ items: z.array(InvitationViewSchema) });

export const MinorBindingRequestSchema = z.object({
  childName: PersonNameSchema,
  childIdNumber: IdNumberSchema,
  faceTicket: FaceTicketStringSchema.optional(),
  commitmentVersion: z.string().min(1).max(64).optional(),
});

// ---- bindings ----

export const BindingListSchema = z.object({
  asAuthorizer: z.array(BindingViewSchema),
  asBeneficiary: z.array(BindingViewSchema),
  accountChoice: AccountChoiceSchema,
  policy: PolicySummarySchema,
});

export const EndBindingBffRequestSchema = z.object({ faceTicket: FaceTicketStringSchema.optional() });

export const BffPreferencesRequestSchema = z
  .object({
    accountChoice: AccountChoiceSchema.optional(),
    /** R14: my authorizers' bindings, first pays first. */
    authorizerOrder: z.array(OpaqueIdSchema).max(20).optional(),
  })
  .refine((b) => b.accountChoice !== undefined || b.authorizerOrder !== undefined, { message: 'nothing to change' });

export const PreferencesSchema = z.object({
  accountChoice: AccountChoiceSchema,
  authorizerOrder: z.array(OpaqueIdSchema),
});

// ---- premiums (R15) ----

export const PremiumItemSchema = z.object({
  bindingId: OpaqueIdSchema,
  relative: MaskedPersonSchema,
  relation: RelationSchema,
  insurance: InsuranceSchema.nullable(),
  year: z.number().int(),
  amountDue: FenSchema.nullable(),
  demoAmount: z.boolean(),
  status: z.enum(['unpaid', 'pending', 'paid', 'not_applicable']),
  paidAt: EpochMsSchema.nullable(),
  paidByMe: z.boolean(),
});
export const PremiumListQuerySchema = z.object({ year: YearTextSchema.optional() });
export const PremiumListSchema = z.object({
  year: z.number().int(),
  items: z.array(PremiumItemSchema),
  /** What my account can pay for relatives now (R13). */
  usableForFamily: FenSchema,
});

export const PayPremiumRequestSchema = z.object({ bindingId: OpaqueIdSchema, year: YearSchema });
/** A missing key answers IDEMPOTENCY_KEY_REQUIRED. */
export const IdempotencyHeaderSchema = z.object({ 'idempotency-key': IdempotencyKeySchema.optional() });

export const BffPremiumReceiptSchema = z.object({
  paymentId: z.string(),
  bindingId: OpaqueIdSchema,
  relative: MaskedPersonSchema,
  year: z.number().int(),
  amount: FenSchema,
  balanceAfter: FenSchema,
  at: EpochMsSchema,
});

// ---- history (R16) ----

export const HistoryQuerySchema = z.object({
  cursor: z.string().regex(/^\d{1,20}$/).optional(),
  limit: limitQuery(50),
  /** A binding id, or 'self' for my own spending. */
  relative: z.union([z.literal('self'), OpaqueIdSchema]).optional(),
  month: MonthSchema.optional(),
});

export const InstitutionViewSchema = z.object({ name: z.string(), kind: InstitutionKindSchema });

/**
 * R23/R24, optional so that older clients can ignore them: how a row of my history is linked to
 * a cancellation (撤销) or a reversal (冲正). `seq`s name rows of the same list, so that the
 * phone can link the refund (退回 +¥…) and its original (已撤销) both ways.
 */
const RefundLinkShape = {
  /** On a payment (settlement row): it was cancelled or reversed — 已撤销; refundSeq is the refund row. */
  cancelled: z.boolean().optional(),
  refundSeq: z.string().optional(),
  /** On a refund (or a refund taken back): the settlement it belongs to and its row (or the refund's row). */
  refundOf: z.string().optional(),
  refundOfSeq: z.string().optional(),
  /** On a refund: a cancellation at the counter (撤销) or a reversal of the settlement (冲正). */
  refundVia: z.enum(['cancellation', 'reversal']).optional(),
  /** On a refund: a reversal of the cancellation took it back — the payment stands again. */
  takenBack: z.boolean().optional(),
};

export const DeductionViewSchema = z.object({
  seq: z.string(),
  operationId: z.string(),
  kind: DeductionKindSchema,
  at: EpochMsSchema,
  amount: FenSchema,
  balanceAfter: FenSchema,
  institution: InstitutionViewSchema.nullable(),
  year: z.number().int().nullable(),
  /** Who spent it: me, or a relative (masked). */
  spender: z.object({
    self: z.boolean(),
    maskedName: z.string(),
    bindingId: OpaqueIdSchema.nullable(),
    relation: RelationSchema.nullable(),
  }),
  ...RefundLinkShape,
});
export type DeductionView = z.infer<typeof DeductionViewSchema>;
export const DeductionViewPageSchema = z.object({ items: z.array(DeductionViewSchema), nextCursor: z.string().nullable() });

export const PaymentViewSchema = z.object({
  seq: z.string(),
  settlementId: z.string(),
  at: EpochMsSchema,
  institution: InstitutionViewSchema,
  charge: FenSchema,
  own: FenSchema,
  shared: z.array(z.object({ maskedName: z.string(), bindingId: OpaqueIdSchema.nullable(), amount: FenSchema })),
  cash: FenSchema,
  /**
   * Absent or 'settlement': a payment. 'refund': its cancellation or reversal — own and shared
   * went back to those accounts, cash is due back at the counter.
   */
  kind: z.enum(['settlement', 'refund']).optional(),
  ...RefundLinkShape,
});
export type PaymentView = z.infer<typeof PaymentViewSchema>;
export const PaymentViewPageSchema = z.object({ items: z.array(PaymentViewSchema), nextCursor: z.string().nullable() });

export const MonthlyQuerySchema = z.object({ year: YearTextSchema.optional() });
export const MonthlyViewSchema = z.object({
  year: z.number().int(),
  months: z.array(
    z.object({
      month: MonthSchema,
      total: FenSchema,
      byRelative: z.array(z.object({ bindingId: OpaqueIdSchema.nullable(), maskedName: z.string(), self: z.boolean(), amount: FenSchema })),
    }),
  ),
});

// ---- payment estimate (付款预估, R22) ----

/**
 * The largest amount one may estimate (¥50,000): above any personal share at a pharmacy or an
 * outpatient counter. A bigger figure tells the person nothing more and only widens what the
 * split can say about a relative's account (see bff estimate-payment).
 */
export const ESTIMATE_MAX_FEN = 5_000_000;

export const EstimateInstitutionSchema = z.object({
  code: InstitutionCodeSchema,
  name: z.string(),
  kind: InstitutionKindSchema,
  /** R21: family-shared deductions happen there (in the policy's region, or opened for cross-area sharing). */
  familySharing: z.boolean(),
});
export const EstimateInstitutionListSchema = z.object({
  items: z.array(EstimateInstitutionSchema),
  /** Where the estimate is made when the person picks none: a pharmacy near them (see the use case). */
  defaultCode: InstitutionCodeSchema.nullable(),
  /** Bounds of the amount, in fen, for the page to word (ESTIMATE_MAX_FEN). */
  minAmount: FenSchema,
  maxAmount: FenSchema,
});

/** What a person typed, in yuan ("128.5", "¥1,234.56"): the BFF reads it exactly (parseYuan) or answers AMOUNT_INVALID. */
export const PaymentEstimateRequestSchema = z.object({
  amount: z.string().min(1).max(24),
  /** Absent: the default institution (EstimateInstitutionList.defaultCode). */
  institutionCode: InstitutionCodeSchema.optional(),
  /** R11: the per-payment choice at the counter; absent → my saved preference. */
  choice: AccountChoiceSchema.optional(),
});

/**
 * How a payment of `charge` would be split now. My own account is mine to see; of a relative
 * only the masked name, the binding's relation and the amount — never their balance.
 */
export const PaymentEstimateSchema = z.object({
  charge: FenSchema,
  institution: EstimateInstitutionSchema,
  own: FenSchema,
  /** My own account after it; null for a resident, who has none. */
  ownBalanceAfter: FenSchema.nullable(),
  shared: z.array(
    z.object({
      bindingId: OpaqueIdSchema.nullable(),
      maskedName: z.string(),
      /** The binding's relation (what I am to them): the phone words it from my side. */
      relation: RelationSchema.nullable(),
      amount: FenSchema,
    }),
  ),
  cash: FenSchema,
  /** R21: why nothing is shared at this institution although I have relatives who share. */
  noSharingReason: NoSharingReasonSchema.nullable(),
  at: EpochMsSchema,
});
export type PaymentEstimate = z.infer<typeof PaymentEstimateSchema>;

// ---- notifications (R20) ----

export const NotificationKindSchema = z.enum([
  'INVITATION_RECEIVED',
  'INVITATION_ACCEPTED',
  'INVITATION_REJECTED',
  'INVITATION_CANCELLED',
  'INVITATION_EXPIRED',
  'INVITATION_CLOSED',
  'BINDING_CREATED',
  'BINDING_ENDED',
  'DEDUCTION',
  'PAYMENT',
  // the counter (R23, R24): money back, a payment cancelled, a refund taken back
  'REFUND',
  'PAYMENT_CANCELLED',
  'REFUND_TAKEN_BACK',
  'PREMIUM_PAID',
  'INSURANCE_CHANGED',
  'ECREDENTIAL_ACTIVATED',
  'SHARING_PAUSED',
  'SHARING_RESUMED',
]);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

export const NotificationSchema = z.object({
  id: z.string(),
  kind: NotificationKindSchema,
  at: EpochMsSchema,
  read: z.boolean(),
  /** Masked names, amounts in fen, reasons as codes: the mini-program words them. */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type NotificationView = z.infer<typeof NotificationSchema>;
export const NotificationQuerySchema = z.object({
  /**
   * Opaque: where each of the two sources (platform feed ~ BFF inbox) was left, each a stream
   * entry id or empty. Checked here in full: the ids reach XREVRANGE.
   */
  cursor: z.string().regex(new RegExp(`^(${STREAM_ID_PATTERN})?~(${STREAM_ID_PATTERN})?$`), 'a notification cursor').optional(),
  limit: limitQuery(50),
});
export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  nextCursor: z.string().nullable(),
  unread: z.number().int(),
});
export const MarkReadRequestSchema = z.object({ upTo: EpochMsSchema });

// ---- manual reimbursement claims (000 一) ----

export const ClaimStepKeySchema = z.enum(['apply', 'accept', 'review', 'pay', 'done']);
export const ClaimViewSchema = z.object({
  claimId: z.string(),
  filedAt: EpochMsSchema,
  institutionName: z.string(),
  amount: FenSchema,
  currentStep: ClaimStepKeySchema,
  steps: z.array(z.object({ key: ClaimStepKeySchema, at: EpochMsSchema.nullable() })),
  /** The 30-working-day limit, as a date (YYYY-MM-DD). */
  deadline: z.string(),
  overdue: z.boolean(),
});
export const ClaimListSchema = z.object({ items: z.array(ClaimViewSchema), materials: z.array(z.string()), notes: z.array(z.string()) });

// ---- subscription messages (R20) ----

export const SubscriptionFlowSchema = z.enum(['invite', 'accept', 'payPremium', 'bindChild', 'endBinding']);
export const SubscriptionDecisionSchema = z.enum(['accept', 'reject', 'ban', 'filter']);
export const TemplateIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** What wx.requestSubscribeMessage answered at the tap that starts a flow, per template id. */
export const SaveSubscriptionsRequestSchema = z.object({
  flow: SubscriptionFlowSchema,
  decisions: z.record(TemplateIdSchema, SubscriptionDecisionSchema).refine((d) => Object.keys(d).length >= 1 && Object.keys(d).length <= 5, 'one to five templates'),
});

export const SubscriptionsViewSchema = z.object({
  /** Per template: the last answer, and how many accepted messages are left to send (一次性订阅). */
  consents: z.array(z.object({ templateId: z.string(), decision: SubscriptionDecisionSchema, left: z.number().int(), at: EpochMsSchema })),
  /** The latest subscription messages the BFF tried to send me, and what became of each. */
  deliveries: z.array(
    z.object({
      kind: z.string(),
      templateId: z.string(),
      at: EpochMsSchema,
      /** sent; not-accepted: no accepted template left, so nothing was sent; refused: WeChat's errcode (43101 …), null when unreachable. */
      result: z.enum(['sent', 'not-accepted', 'refused']),
      errcode: z.number().int().nullable(),
    }),
  ),
});
export type SubscriptionsView = z.infer<typeof SubscriptionsViewSchema>;

// ---- invitation links (发送给家人) ----

/** A signed link to one invitation; it expires with the invitation. */
export const InvitationLinkSchema = z.object({
  token: z.string(),
  /** The mini-program page it opens (the share card's path; h5: after '#'). */
  path: z.string(),
  expiresAt: EpochMsSchema,
});
export const InvitationLinkTokenSchema = z.string().min(20).max(200).regex(/^[A-Za-z0-9_.-]+$/);

// ---- the registry of endpoints ----

export interface EndpointSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  /** false: no access token needed. */
  auth: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  headers?: z.ZodType;
  response: z.ZodType | null;
  status?: number;
  errors: readonly ErrorCode[];
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
    body: LoginRequestSchema, response: TokenPairSchema,
    errors: ['VALIDATION_FAILED', 'WECHAT_CODE_INVALID', 'WECHAT_RATE_LIMITED', 'WECHAT_BUSY', 'WECHAT_LOGIN_BLOCKED', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE'],
  },
  refresh: {
    method: 'post', path: '/api/auth/refresh', summary: 'A new token pair for a refresh token (rotated)', auth: false,
    body: RefreshRequestSchema, response: TokenPairSchema, errors: ['VALIDATION_FAILED', 'SESSION_REVOKED', 'RATE_LIMITED'],
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
    body: DemoCodeRequestSchema, response: DemoCodeSchema, errors: ['NOT_FOUND', 'VALIDATION_FAILED', 'RATE_LIMITED'],
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
    body: FaceSessionRequestSchema, response: FaceSessionSchema, status: 201,
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
    body: CreateInvitationRequestSchema, response: InvitationViewSchema, status: 201,
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
    body: PaymentEstimateRequestSchema, response: PaymentEstimateSchema,
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
  return BFF_API[name].path.replace(/:(\w+)/g, (_m, key: string) => encodeURIComponent(params[key] ?? ''));
}
