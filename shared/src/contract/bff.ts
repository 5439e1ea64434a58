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
} from './common';
import { BindingEndReasonSchema, DemoPersonSchema, EpochMsSchema, InstitutionKindSchema } from './platform';

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
  purpose: FacePurposeSchema,
  expiresAt: EpochMsSchema,
  /** In demo mode the page may choose the outcome of the simulated camera. */
  demo: z.boolean(),
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

export const InvitationStatusSchema = z.enum(['pending', 'accepted', 'rejected', 'cancelled', 'expired']);

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
});
export type InvitationView = z.infer<typeof InvitationViewSchema>;

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
export const PremiumListQuerySchema = z.object({ year: YearSchema.optional() });
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
  limit: z.coerce.number().int().min(1).max(50).default(20),
  /** A binding id, or 'self' for my own spending. */
  relative: z.union([z.literal('self'), OpaqueIdSchema]).optional(),
  month: MonthSchema.optional(),
});

export const InstitutionViewSchema = z.object({ name: z.string(), kind: InstitutionKindSchema });

export const DeductionViewSchema = z.object({
  seq: z.string(),
  operationId: z.string(),
  kind: z.enum(['settlement', 'premium']),
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
});
export type PaymentView = z.infer<typeof PaymentViewSchema>;
export const PaymentViewPageSchema = z.object({ items: z.array(PaymentViewSchema), nextCursor: z.string().nullable() });

export const MonthlyQuerySchema = z.object({ year: YearSchema.optional() });
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

// ---- notifications (R20) ----

export const NotificationKindSchema = z.enum([
  'INVITATION_RECEIVED',
  'INVITATION_ACCEPTED',
  'INVITATION_REJECTED',
  'INVITATION_CANCELLED',
  'INVITATION_EXPIRED',
  'BINDING_CREATED',
  'BINDING_ENDED',
  'DEDUCTION',
  'PAYMENT',
  'PREMIUM_PAID',
  'INSURANCE_CHANGED',
  'ECREDENTIAL_ACTIVATED',
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
  /** Opaque: where each of the two sources (platform feed ~ BFF inbox) was left. */
  cursor: z.string().regex(/^[0-9-]{0,25}~[0-9-]{0,25}$/).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
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
const BindingParams = z.object({ bindingId: OpaqueIdSchema });

const AUTH_ERRORS = ['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'SESSION_REVOKED', 'SERVICE_UNAVAILABLE'] as const;
const PERSON_ERRORS = [...AUTH_ERRORS, 'ECREDENTIAL_REQUIRED'] as const;

export const BFF_API = {
  login: {
    method: 'post', path: '/api/auth/login', summary: 'Log in with a wx.login code', auth: false,
    body: LoginRequestSchema, response: TokenPairSchema,
    errors: ['VALIDATION_FAILED', 'WECHAT_CODE_INVALID', 'WECHAT_RATE_LIMITED', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE'],
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
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED', 'FACE_LOCKED', 'RATE_LIMITED', 'ECREDENTIAL_REQUIRED', 'IDENTITY_MISMATCH', 'BINDING_NOT_FOUND'],
  },
  completeFace: {
    method: 'post', path: '/api/face/sessions/:sessionId/complete', summary: 'Finish it: a single-use ticket on a pass', auth: true,
    params: FaceSessionParams, body: FaceCompleteRequestSchema, response: FaceTicketSchema,
    errors: [...AUTH_ERRORS, 'FACE_VERIFICATION_FAILED', 'FACE_SPOOF_DETECTED', 'FACE_VERIFICATION_TIMEOUT', 'FACE_LOCKED', 'FACE_VERIFICATION_NOT_FOUND', 'FACE_RESULT_CONSUMED'],
  },
  faceStatus: {
    method: 'get', path: '/api/face/status', summary: 'Attempts left before the lock', auth: true,
    response: FaceStatusSchema, errors: AUTH_ERRORS,
  },
  activate: {
    method: 'post', path: '/api/ecredential/activate', summary: 'Activate my e-credential (R1)', auth: true,
    body: ActivateRequestSchema, response: MyPersonSchema,
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED', 'FACE_VERIFICATION_REQUIRED', 'FACE_TICKET_INVALID', 'IDENTITY_MISMATCH', 'ECREDENTIAL_ALREADY_ACTIVE', 'OPENID_ALREADY_LINKED', 'PAYER_NOT_INSURED'],
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
      'DUPLICATE_BINDING', 'IDENTITY_MISMATCH', 'REQUEST_IN_PROGRESS',
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
    errors: [...PERSON_ERRORS, 'INVITATION_NOT_FOUND', 'INVITATION_NOT_PENDING'],
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
