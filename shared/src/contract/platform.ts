/**
 * The medical-insurance platform's HTTP API (the system of record), as the BFF and the POS
 * call it. The platform parses requests with these; the BFF parses the answers with them.
 */
import { z } from 'zod';
import {
  AccountChoiceSchema,
  ErrorCodeSchema,
  FenSchema,
  IdNumberSchema,
  InsuranceSchema,
  IsoDateSchema,
  MonthSchema,
  OpaqueIdSchema,
  PersonNameSchema,
  PersonStatusSchema,
  RegionCodeSchema,
  RelationSchema,
  StreamIdSchema,
  YearSchema,
  digitsOf,
  limitQuery,
} from './common';

/** Epoch milliseconds. */
export const EpochMsSchema = z.number().int().min(0);

export const ECredentialSchema = z.object({
  active: z.boolean(),
  activatedAt: EpochMsSchema.nullable(),
  /** 'guardian': activated by a parent for a child under 16 (R18). */
  mode: z.enum(['self', 'guardian']).nullable(),
  guardianId: z.string().nullable(),
});

/** A person as the registry knows them. Shown only to that person (the BFF masks others). */
export const PlatformPersonSchema = z.object({
  idNumber: z.string(),
  name: z.string(),
  insurance: InsuranceSchema.nullable(),
  region: RegionCodeSchema,
  status: PersonStatusSchema,
  birthDate: IsoDateSchema,
  /** Personal-account balance in fen; residents have no account (0). */
  balance: FenSchema,
  eCredential: ECredentialSchema,
  /** Registered guardians (parents) of a minor, from the household register (R18). */
  guardians: z.array(z.string()),
  accountChoice: AccountChoiceSchema,
});
export type PlatformPerson = z.infer<typeof PlatformPersonSchema>;

// ---- e-credentials ----

export const VerifyIdentityRequestSchema = z.object({ name: PersonNameSchema, idNumber: IdNumberSchema });

export const ActivateECredentialRequestSchema = z.object({
  name: PersonNameSchema,
  idNumber: IdNumberSchema,
  /** The WeChat account the credential is linked to. */
  openid: z.string().min(1).max(128),
});

export const ActivateGuardianRequestSchema = z.object({
  guardianIdNumber: IdNumberSchema,
  childName: PersonNameSchema,
  childIdNumber: IdNumberSchema,
});

export const OpenidLookupSchema = z.object({ idNumber: z.string() });

// ---- bindings ----

export const BindingStatusSchema = z.enum(['active', 'ended']);
export const BindingEndReasonSchema = z.enum([
  'ENDED_BY_AUTHORIZER',
  'ENDED_BY_BENEFICIARY',
  'AUTHORIZER_LEFT_EMPLOYEE_INSURANCE',
]);

export const BindingSchema = z.object({
  bindingId: OpaqueIdSchema,
  authorizerId: z.string(),
  authorizerName: z.string(),
  beneficiaryId: z.string(),
  beneficiaryName: z.string(),
  relation: RelationSchema,
  status: BindingStatusSchema,
  /** false: a minor bound by a parent as guardian (R18). */
  needsAcceptance: z.boolean(),
  createdAt: EpochMsSchema,
  endedAt: EpochMsSchema.nullable(),
  endReason: BindingEndReasonSchema.nullable(),
  /** R14: position in the beneficiary's order, 1 = pays first; null once ended. */
  rank: z.number().int().min(1).nullable(),
  /** In listings: the beneficiary's insurance now (a resident can have a premium paid, R15). */
  beneficiaryInsurance: InsuranceSchema.nullable().optional(),
});
export type Binding = z.infer<typeof BindingSchema>;

export const PersonBindingsSchema = z.object({
  /** Bindings in which the person shares their account (active and ended). */
  asAuthorizer: z.array(BindingSchema),
  /** Bindings in which the person spends from others' accounts; active ones in R14 order. */
  asBeneficiary: z.array(BindingSchema),
});
export type PersonBindings = z.infer<typeof PersonBindingsSchema>;

export const BindingRequestSchema = z.object({
  authorizerIdNumber: IdNumberSchema,
  beneficiaryIdNumber: IdNumberSchema,
  /** As the authorizer typed it; must match the registry (R3). */
  beneficiaryName: PersonNameSchema,
  relation: RelationSchema,
});

export const CreateBindingRequestSchema = BindingRequestSchema.extend({
  /** Chosen by the caller (e.g. from the invitation) so that a retry creates nothing new. */
  bindingId: OpaqueIdSchema,
});

/** The dry run at invitation time: the relative may activate their e-credential before accepting (R1 holds at acceptance). */
export const CheckBindingRequestSchema = BindingRequestSchema.extend({
  beneficiaryMayActivateLater: z.boolean().default(false),
});

/**
 * What became of a binding id (STYLE 13: the platform decides, the BFF mirrors): committed,
 * withdrawn for good, or still open. With `withdraw`, an open id is withdrawn in the same step.
 */
export const BindingWithdrawReasonSchema = z.enum(['cancelled', 'rejected', 'expired', 'closed']);
export const BindingDecisionRequestSchema = z.object({
  authorizerIdNumber: IdNumberSchema,
  beneficiaryIdNumber: IdNumberSchema,
  withdraw: z.object({ reason: BindingWithdrawReasonSchema, code: ErrorCodeSchema.optional() }).optional(),
});
export const BindingDecisionSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('binding'), binding: BindingSchema }),
  z.object({ state: z.literal('void'), reason: BindingWithdrawReasonSchema, code: ErrorCodeSchema.optional() }),
  z.object({ state: z.literal('open') }),
]);
export type BindingDecision = z.infer<typeof BindingDecisionSchema>;

export const CheckBindingResponseSchema = z.object({ ok: z.literal(true), needsAcceptance: z.boolean() });

export const EndBindingRequestSchema = z.object({
  actorIdNumber: IdNumberSchema,
  /** The BFF's assertion that the actor just passed a face verification for this (R6). */
  faceVerified: z.boolean(),
});

export const PreferencesRequestSchema = z
  .object({
    accountChoice: AccountChoiceSchema.optional(),
    /** R14: authorizer ID numbers, first pays first. */
    authorizerOrder: z.array(IdNumberSchema).max(20).optional(),
  })
  .refine((body) => body.accountChoice !== undefined || body.authorizerOrder !== undefined, {
    message: 'nothing to change',
  });

// ---- settlements ----

export const InstitutionKindSchema = z.enum(['hospital', 'pharmacy']);
export const InstitutionSchema = z.object({
  code: z.string().regex(/^[A-Z0-9]{4,20}$/),
  name: z.string().min(2).max(60),
  kind: InstitutionKindSchema,
});
export type Institution = z.infer<typeof InstitutionSchema>;

export const SettlementRequestSchema = z.object({
  settlementId: OpaqueIdSchema,
  cardHolderIdNumber: IdNumberSchema,
  /** The personal share to pay (fen), after the fund's share. */
  charge: FenSchema.max(100_000_000),
  institution: InstitutionSchema,
  /** R11: a per-payment choice at the counter; absent → the saved preference. */
  choice: AccountChoiceSchema.optional(),
});
export type SettlementRequest = z.infer<typeof SettlementRequestSchema>;

/** No balance of an authorizer here: the card holder must not learn it (R16 is per account). */
export const SharedPartResultSchema = z.object({
  authorizerId: z.string(),
  authorizerName: z.string(),
  amount: FenSchema,
});

export const SettlementResultSchema = z.object({
  settlementId: OpaqueIdSchema,
  cardHolderId: z.string(),
  charge: FenSchema,
  own: FenSchema,
  ownBalanceAfter: FenSchema.nullable(),
  shared: z.array(SharedPartResultSchema),
  cash: FenSchema,
  institution: InstitutionSchema,
  at: EpochMsSchema,
});
export type SettlementResult = z.infer<typeof SettlementResultSchema>;

// ---- premiums ----

export const PremiumStatusSchema = z.object({
  idNumber: z.string(),
  year: z.number().int(),
  /** From the premium table; null when nothing is due (employees, or no table entry). */
  amountDue: FenSchema.nullable(),
  /** DEMO: Tibet's individual amount for the year could not be confirmed (R15). */
  demoAmount: z.boolean(),
  status: z.enum(['unpaid', 'pending', 'paid', 'not_applicable']),
  paidBy: z.string().nullable(),
  paidAt: EpochMsSchema.nullable(),
  paymentId: z.string().nullable(),
  /** Of a paid year: what was taken and the payer's balance after (the receipt, R16). */
  paidAmount: FenSchema.nullable().default(null),
  balanceAfter: FenSchema.nullable().default(null),
});
export type PremiumStatus = z.infer<typeof PremiumStatusSchema>;

export const PremiumPaymentRequestSchema = z.object({
  paymentId: OpaqueIdSchema,
  payerIdNumber: IdNumberSchema,
  beneficiaryIdNumber: IdNumberSchema,
  year: YearSchema,
});

export const PremiumReceiptSchema = z.object({
  paymentId: OpaqueIdSchema,
  payerId: z.string(),
  beneficiaryId: z.string(),
  beneficiaryName: z.string(),
  year: z.number().int(),
  amount: FenSchema,
  balanceAfter: FenSchema,
  at: EpochMsSchema,
});
export type PremiumReceipt = z.infer<typeof PremiumReceiptSchema>;

export const PremiumTableSchema = z.record(z.string().regex(/^\d{4}$/), FenSchema);

// ---- ledger ----

export const DeductionKindSchema = z.enum(['settlement', 'premium']);

/** R16: one deduction from one account. */
export const DeductionSchema = z.object({
  seq: z.string(),
  operationId: z.string(),
  kind: DeductionKindSchema,
  at: EpochMsSchema,
  accountHolderId: z.string(),
  /** Who the money was spent for: the account holder themselves, or a relative. */
  beneficiaryId: z.string(),
  beneficiaryName: z.string(),
  institution: InstitutionSchema.nullable(),
  /** Premium year, for premiums. */
  year: z.number().int().nullable(),
  amount: FenSchema,
  balanceAfter: FenSchema,
});
export type Deduction = z.infer<typeof DeductionSchema>;

export const LedgerQuerySchema = z.object({
  cursor: z.string().regex(/^\d{1,20}$/).optional(),
  limit: limitQuery(100),
  beneficiary: z.string().max(32).optional(),
  month: MonthSchema.optional(),
});

export const DeductionPageSchema = z.object({
  items: z.array(DeductionSchema),
  nextCursor: z.string().nullable(),
});

/** R16: a settlement as its card holder sees it: how it was split. */
export const PaymentRecordSchema = z.object({
  seq: z.string(),
  settlementId: z.string(),
  at: EpochMsSchema,
  institution: InstitutionSchema,
  charge: FenSchema,
  own: FenSchema,
  shared: z.array(z.object({ authorizerId: z.string(), authorizerName: z.string(), amount: FenSchema })),
  cash: FenSchema,
});
export type PaymentRecord = z.infer<typeof PaymentRecordSchema>;

export const PaymentPageSchema = z.object({
  items: z.array(PaymentRecordSchema),
  nextCursor: z.string().nullable(),
});

export const MonthlyTotalsSchema = z.object({
  year: z.number().int(),
  months: z.array(
    z.object({
      month: MonthSchema,
      total: FenSchema,
      byBeneficiary: z.record(z.string(), FenSchema),
    }),
  ),
});

// ---- the feed (R20) ----

export const FeedEventSchema = z.object({
  id: z.string(),
  kind: z.enum([
    'BINDING_CREATED',
    'BINDING_ENDED',
    'DEDUCTION',
    'PAYMENT',
    'PREMIUM_PAID',
    'INSURANCE_CHANGED',
    'ECREDENTIAL_ACTIVATED',
    'SHARING_PAUSED',
    'SHARING_RESUMED',
  ]),
  at: EpochMsSchema,
  data: z.record(z.string(), z.unknown()),
});
export type FeedEvent = z.infer<typeof FeedEventSchema>;

export const FeedPageSchema = z.object({
  items: z.array(FeedEventSchema),
  nextCursor: z.string().nullable(),
});

/** One read for a home page: the person, their bindings, and how many feed events are newer than a time. */
export const PersonSummarySchema = z.object({
  person: PlatformPersonSchema,
  bindings: PersonBindingsSchema,
  feedSince: z.number().int(),
  /** Feed events after `feedSince`, capped at 99. */
  feedNewer: z.number().int().min(0).max(99),
});
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

export const SummaryQuerySchema = z.object({ feedSince: digitsOf(15, z.number().int().min(0)).default(0) });

export const FeedCountSchema = z.object({ feedSince: z.number().int(), feedNewer: z.number().int().min(0).max(99) });

export const FeedQuerySchema = z.object({
  cursor: StreamIdSchema.optional(),
  limit: limitQuery(100),
});

// ---- admin (the registry's side; demo and tests) ----

export const AdminPersonSchema = z.object({
  idNumber: IdNumberSchema,
  name: PersonNameSchema,
  insurance: InsuranceSchema.nullable(),
  region: RegionCodeSchema,
  status: PersonStatusSchema.default('active'),
  balance: FenSchema.default(0),
  eCredentialActive: z.boolean().default(false),
  openid: z.string().min(1).max(128).optional(),
  guardians: z.array(IdNumberSchema).default([]),
});
export type AdminPerson = z.input<typeof AdminPersonSchema>;

export const InsuranceChangeSchema = z
  .object({
    insurance: InsuranceSchema.nullable().optional(),
    status: PersonStatusSchema.optional(),
    region: RegionCodeSchema.optional(),
  })
  .refine((c) => c.insurance !== undefined || c.status !== undefined || c.region !== undefined, {
    message: 'nothing to change',
  });

export const InsuranceChangeResultSchema = z.object({
  person: PlatformPersonSchema,
  endedBindings: z.array(BindingSchema),
});

export const BalanceChangeSchema = z.object({ balance: FenSchema });

/** The registry freezes or restores someone's e-credential. */
export const ECredentialChangeSchema = z.object({ active: z.boolean() });

export const DemoPersonSchema = z.object({
  key: z.string(),
  idNumber: z.string(),
  name: z.string(),
  openid: z.string(),
  shows: z.string(),
});
export type DemoPerson = z.infer<typeof DemoPersonSchema>;

// ---- manual outpatient reimbursement claims (filed at the window; followed online) ----

export const PlatformClaimSchema = z.object({
  claimId: z.string(),
  idNumber: z.string(),
  filedAt: EpochMsSchema,
  institutionName: z.string(),
  amount: FenSchema,
  /** When each step was reached: apply, accept, review, pay, done. */
  steps: z.object({
    apply: EpochMsSchema,
    accept: EpochMsSchema.nullable(),
    review: EpochMsSchema.nullable(),
    pay: EpochMsSchema.nullable(),
    done: EpochMsSchema.nullable(),
  }),
});
export type PlatformClaim = z.infer<typeof PlatformClaimSchema>;

export const FileClaimRequestSchema = z.object({
  claimId: OpaqueIdSchema,
  idNumber: IdNumberSchema,
  institutionName: z.string().min(2).max(60),
  amount: FenSchema,
});
