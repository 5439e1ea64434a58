/**
 * The medical-insurance platform's HTTP API (the system of record), as the BFF and the POS
 * call it: the schemas. The endpoints that use them are in PLATFORM_API (platform-registry.ts);
 * the platform parses requests with these, the BFF parses the answers with them.
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
  PsnNoSchema,
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
  /** The guardian's person number. */
  guardianId: z.string().nullable(),
});

/** A person as the registry knows them. Shown only to that person (the BFF masks others). */
export const PlatformPersonSchema = z.object({
  /** 人员编号: the person's only identifier in ids, keys, paths and logs. */
  psnNo: PsnNoSchema,
  /** A fact of the person (the BFF shows it masked), never an identifier. */
  idNumber: z.string(),
  name: z.string(),
  insurance: InsuranceSchema.nullable(),
  region: RegionCodeSchema,
  status: PersonStatusSchema,
  birthDate: IsoDateSchema,
  /** Personal-account balance in fen; residents have no account (0). */
  balance: FenSchema,
  eCredential: ECredentialSchema,
  /** Registered guardians (parents) of a minor, from the household register (R18): person numbers. */
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
  guardianPsnNo: PsnNoSchema,
  childName: PersonNameSchema,
  childIdNumber: IdNumberSchema,
});

export const OpenidLookupSchema = z.object({ psnNo: PsnNoSchema });

/** The national person lookup (1101): an ID number supplied by a counter or an administrator → the person number. */
export const PersonLookupRequestSchema = z.object({ idNumber: IdNumberSchema });
export const PersonLookupSchema = z.object({ psnNo: PsnNoSchema });

// ---- bindings ----

export const BindingStatusSchema = z.enum(['active', 'ended']);
export const BindingEndReasonSchema = z.enum([
  'ENDED_BY_AUTHORIZER',
  'ENDED_BY_BENEFICIARY',
  'AUTHORIZER_LEFT_EMPLOYEE_INSURANCE',
]);

export const BindingSchema = z.object({
  bindingId: OpaqueIdSchema,
  /** Person numbers of both sides. */
  authorizerId: z.string(),
  authorizerName: z.string(),
  /** The ID number as the other side may see it (maskIdNumber), fixed when the binding was made. */
  authorizerMaskedIdNumber: z.string(),
  beneficiaryId: z.string(),
  beneficiaryName: z.string(),
  beneficiaryMaskedIdNumber: z.string(),
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
  authorizerPsnNo: PsnNoSchema,
  beneficiaryPsnNo: PsnNoSchema,
  /** As the authorizer typed it; must match the registry (R3). */
  beneficiaryName: PersonNameSchema,
  relation: RelationSchema,
});

export const CreateBindingRequestSchema = BindingRequestSchema.extend({
  /** Chosen by the caller (e.g. from the invitation) so that a retry creates nothing new. */
  bindingId: OpaqueIdSchema,
});

/** The dry run at invitation time: the relative may activate their e-credential before accepting (R1 holds at acceptance). */
export const CheckBindingRequestSchema = BindingRequestSchema.partial({ beneficiaryPsnNo: true })
  .extend({
    /**
     * The relative as the authorizer typed them (at invitation time), instead of a person
     * number (a re-check of an open invitation): resolved here, at the platform's edge. An
     * unknown number answers IDENTITY_MISMATCH, exactly as a wrong name does (no probing).
     */
    beneficiaryIdNumber: IdNumberSchema.optional(),
    beneficiaryMayActivateLater: z.boolean().default(false),
  })
  .refine((r) => (r.beneficiaryPsnNo === undefined) !== (r.beneficiaryIdNumber === undefined), {
    message: 'exactly one of beneficiaryPsnNo and beneficiaryIdNumber',
  });

/**
 * What became of a binding id (the platform is the system of record and decides; the BFF mirrors: R7, R19): committed,
 * withdrawn for good, or still open. With `withdraw`, an open id is withdrawn in the same step.
 */
export const BindingWithdrawReasonSchema = z.enum(['cancelled', 'rejected', 'expired', 'closed']);
export const BindingDecisionRequestSchema = z.object({
  authorizerPsnNo: PsnNoSchema,
  beneficiaryPsnNo: PsnNoSchema,
  withdraw: z.object({ reason: BindingWithdrawReasonSchema, code: ErrorCodeSchema.optional() }).optional(),
});
export const BindingDecisionSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('binding'), binding: BindingSchema }),
  z.object({ state: z.literal('void'), reason: BindingWithdrawReasonSchema, code: ErrorCodeSchema.optional() }),
  z.object({ state: z.literal('open') }),
]);
export type BindingDecision = z.infer<typeof BindingDecisionSchema>;

/** The invited person's number comes back only when name and ID number matched (R3). */
export const CheckBindingResponseSchema = z.object({ ok: z.literal(true), needsAcceptance: z.boolean(), beneficiaryPsnNo: PsnNoSchema });

export const EndBindingRequestSchema = z.object({
  actorPsnNo: PsnNoSchema,
  /** The BFF's assertion that the actor just passed a face verification for this (R6). */
  faceVerified: z.boolean(),
});

export const PreferencesRequestSchema = z
  .object({
    accountChoice: AccountChoiceSchema.optional(),
    /** R14: authorizers' person numbers, first pays first. */
    authorizerOrder: z.array(PsnNoSchema).max(20).optional(),
  })
  .refine((body) => body.accountChoice !== undefined || body.authorizerOrder !== undefined, {
    message: 'nothing to change',
  });

// ---- settlements ----

export const InstitutionKindSchema = z.enum(['hospital', 'pharmacy']);
export const InstitutionCodeSchema = z.string().regex(/^[A-Z0-9]{4,20}$/);
/** How a settlement, a payment record and a ledger entry name the institution. */
export const InstitutionSchema = z.object({
  code: InstitutionCodeSchema,
  name: z.string().min(2).max(60),
  kind: InstitutionKindSchema,
});
export type Institution = z.infer<typeof InstitutionSchema>;

/**
 * R21: a designated institution (定点医药机构, national fixmedins_code) as the platform keeps it.
 * Family-shared deductions happen where `region` is in the policy's region, or where the
 * institution is opened for cross-area sharing (`sharingEnabled`, 已开通异地共济).
 */
export const InstitutionRecordSchema = InstitutionSchema.extend({
  region: RegionCodeSchema,
  sharingEnabled: z.boolean(),
});
export type InstitutionRecord = z.infer<typeof InstitutionRecordSchema>;

/**
 * Why a settlement's answer shows no family-shared part although the card holder has one
 * (R21: not an error; the own account and cash pay).
 */
export const NoSharingReasonSchema = z.enum(['INSTITUTION_NOT_OPEN_FOR_SHARING']);

/**
 * The platform-side request (the BFF, the bench, the tests). `institution` (the old shape,
 * code + name + kind) or `institutionCode`: either way only the code counts — the platform
 * takes name, kind and region from its own institution data (R21).
 */
export const SettlementRequestSchema = z
  .object({
    settlementId: OpaqueIdSchema,
    cardHolderPsnNo: PsnNoSchema,
    /** The personal share to pay (fen), after the fund's share. */
    charge: FenSchema.max(100_000_000),
    institution: InstitutionSchema.optional(),
    institutionCode: InstitutionCodeSchema.optional(),
    /** R11: a per-payment choice at the counter; absent → the saved preference. */
    choice: AccountChoiceSchema.optional(),
  })
  .refine((r) => (r.institution === undefined) !== (r.institutionCode === undefined), {
    message: 'exactly one of institution and institutionCode',
  });
export type SettlementRequest = z.infer<typeof SettlementRequestSchema>;

/** No balance of an authorizer here: the card holder must not learn it (R16 is per account). */
export const SharedPartResultSchema = z.object({
  authorizerId: z.string(),
  authorizerName: z.string(),
  amount: FenSchema,
});

/** The platform-side answer (the BFF and tests; it names authorizers — the counter gets CounterSplit). */
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
  /** R21: set when nothing could be shared at this institution. */
  noSharingReason: NoSharingReasonSchema.nullable().optional(),
});
export type SettlementResult = z.infer<typeof SettlementResultSchema>;

/** The BFF's 付款预估 (R22): what a settlement would take now; nothing is recorded. */
export const PreSettlementRequestSchema = z.object({
  cardHolderPsnNo: PsnNoSchema,
  charge: FenSchema.max(100_000_000),
  institutionCode: InstitutionCodeSchema,
  choice: AccountChoiceSchema.optional(),
});
export const PreSettlementResultSchema = SettlementResultSchema.omit({ settlementId: true, at: true }).extend({ preview: z.literal(true) });
export type PreSettlementResult = z.infer<typeof PreSettlementResultSchema>;

// ---- the counter: the national platform's transactions, our shapes ----
//
// The national interface for designated institutions (定点医药机构接口规范) and ours: which
// endpoint stands for which transaction (2101/2206 预结算, 2102/2207 结算, 2103/2208 撤销,
// 2601 冲正) is the `national` field of its PLATFORM_API entry (platform-registry.ts).
// Input fields: msgid → settlementId / cancellationId; psn_no → cardHolderIdNumber;
// fixmedins_code → institutionCode; setl_id → settlementId (of the one to cancel);
// omsgid → originalRequestId; oinfno (2102/2207 or 2103/2208) → originalKind.
// Output fields (CounterSplit): acct_pay → acctPay (the card holder's own personal account),
// acct_mulaid_pay (个人账户共济支付金额) → acctMulaidPay (the family-shared total) with its
// per-authorizer breakdown in `mulaid` (masked names only), psn_cash_pay → psnCashPay, balc →
// balc (the card holder's own balance after; null for a resident, who has no account).
// The counter never gets an ID number or a full name of an authorizer, nor their balance.
// Counter requests are strict: a field we do not know is refused, never ignored.

export const CounterSettlementRequestSchema = z.object({
  /** msgid: the counter's id of this request; a retry sends the same (R17). */
  settlementId: OpaqueIdSchema,
  cardHolderIdNumber: IdNumberSchema,
  institutionCode: InstitutionCodeSchema,
  charge: FenSchema.max(100_000_000),
  choice: AccountChoiceSchema.optional(),
}).strict();
export type CounterSettlementRequest = z.infer<typeof CounterSettlementRequestSchema>;

/** R22: the same request; the id may be left out, as nothing is recorded under it. */
export const CounterPreSettlementRequestSchema = CounterSettlementRequestSchema.partial({ settlementId: true });

export const CounterSplitSchema = z.object({
  /** acct_pay */
  acctPay: FenSchema,
  /** acct_mulaid_pay: Σ mulaid */
  acctMulaidPay: FenSchema,
  /** The family-shared part by authorizer, in the order paid (R14). */
  mulaid: z.array(z.object({ maskedName: z.string(), amount: FenSchema })),
  /** psn_cash_pay; in a cancellation: cash due back to the patient at the counter. */
  psnCashPay: FenSchema,
  /** balc: the card holder's own account after; null for a resident. */
  balc: FenSchema.nullable(),
});
export type CounterSplit = z.infer<typeof CounterSplitSchema>;

export const CounterSettlementSchema = CounterSplitSchema.extend({
  settlementId: OpaqueIdSchema,
  institutionCode: InstitutionCodeSchema,
  /** The charge (personal share) settled: acctPay + acctMulaidPay + psnCashPay. */
  charge: FenSchema,
  at: EpochMsSchema,
  noSharingReason: NoSharingReasonSchema.nullable(),
});
export type CounterSettlement = z.infer<typeof CounterSettlementSchema>;

export const CounterPreSettlementSchema = CounterSettlementSchema.omit({ settlementId: true, at: true }).extend({
  preview: z.literal(true),
});
export type CounterPreSettlement = z.infer<typeof CounterPreSettlementSchema>;

export const CancellationRequestSchema = z.object({
  /** msgid of the cancellation itself: a retry sends the same (R23 applied once). */
  cancellationId: OpaqueIdSchema,
  /** setl_id: the settlement to cancel, whole. */
  settlementId: OpaqueIdSchema,
  institutionCode: InstitutionCodeSchema,
}).strict();
export type CancellationRequest = z.infer<typeof CancellationRequestSchema>;

/** R23: what went back where. acctPay / mulaid: refunded to those accounts; psnCashPay: cash due back at the counter. */
export const CounterCancellationSchema = CounterSplitSchema.extend({
  cancellationId: OpaqueIdSchema,
  settlementId: OpaqueIdSchema,
  institutionCode: InstitutionCodeSchema,
  charge: FenSchema,
  at: EpochMsSchema,
});
export type CounterCancellation = z.infer<typeof CounterCancellationSchema>;

export const ReversalKindSchema = z.enum(['settlement', 'cancellation']);
export const ReversalRequestSchema = z.object({
  /** omsgid: the request id whose answer the counter never got. */
  originalRequestId: OpaqueIdSchema,
  /** oinfno: which transaction that was; absent → whichever of the two the id names. */
  originalKind: ReversalKindSchema.optional(),
  institutionCode: InstitutionCodeSchema,
}).strict();
export type ReversalRequest = z.infer<typeof ReversalRequestSchema>;

/**
 * R24. applied=false: the original never took effect, and its id is dead from now on.
 * applied=true: it took effect and is undone — a reversed settlement refunds every debit
 * (acctPay/mulaid: back to those accounts); a reversed cancellation takes the refunds back
 * (acctPay/mulaid: taken again; psnCashPay: what the accounts could no longer give, to pay
 * in cash — R13 still holds for the family part).
 */
export const CounterReversalSchema = CounterSplitSchema.extend({
  originalRequestId: OpaqueIdSchema,
  originalKind: ReversalKindSchema.nullable(),
  applied: z.boolean(),
  at: EpochMsSchema,
});
export type CounterReversal = z.infer<typeof CounterReversalSchema>;

export const CounterSettlementStatusSchema = z.enum(['settled', 'cancelled', 'reversed', 'pending']);

/**
 * A settlement read back by the institution that made it (GET /v1/counter/settlements/:id):
 * the answer it got, where it stands now, and the card holder — whose ID number that
 * institution read from the card itself (psn_no), needed to settle the rest of a partial refund.
 */
export const CounterSettlementViewSchema = CounterSettlementSchema.extend({
  status: CounterSettlementStatusSchema,
  cancellationId: OpaqueIdSchema.nullable(),
  cardHolderIdNumber: z.string(),
  maskedCardHolder: z.string(),
});
export type CounterSettlementView = z.infer<typeof CounterSettlementViewSchema>;

/** The counter's settlements of one China day, newest first (GET /v1/counter/day; the demo page's 今日结算). */
export const CounterDayQuerySchema = z.object({
  institutionCode: InstitutionCodeSchema,
  date: IsoDateSchema,
});
export const CounterDaySchema = z.array(CounterSettlementViewSchema);

// ---- premiums ----

export const PremiumStatusSchema = z.object({
  psnNo: z.string(),
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
  payerPsnNo: PsnNoSchema,
  beneficiaryPsnNo: PsnNoSchema,
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

/**
 * 'settlement' and 'premium' take money out; 'refund' puts it back (a cancellation, R23, or a
 * reversed settlement, R24); 'refund_taken_back' takes a refund out again (a reversed
 * cancellation, R24). `amount` is always positive; the kind gives the direction.
 */
export const DeductionKindSchema = z.enum(['settlement', 'premium', 'refund', 'refund_taken_back']);

/**
 * R16: one entry of one account's ledger (append-only). The optional fields are added by the
 * counter's cancellations and reversals (R23, R24); older clients may ignore them.
 */
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
  /** refund / refund_taken_back: the settlement id it belongs to. */
  refundOf: z.string().optional(),
  /** refund / refund_taken_back: the `seq` of the settlement's entry in this ledger. */
  refundOfSeq: z.string().optional(),
  /** refund / refund_taken_back: the cancellation id; null when a reversal (冲正) of the settlement refunded it. */
  cancellationId: z.string().nullable().optional(),
  /** On a settlement entry: it was refunded (已撤销); refundSeq names the refund entry. */
  cancelled: z.boolean().optional(),
  refundSeq: z.string().optional(),
  /** On a refund entry: a reversal of the cancellation took it back; takeBackSeq names that entry. */
  takenBack: z.boolean().optional(),
  takeBackSeq: z.string().optional(),
});
export type Deduction = z.infer<typeof DeductionSchema>;

export const LedgerQuerySchema = z.object({
  cursor: z.string().regex(/^\d{1,20}$/).optional(),
  limit: limitQuery(100),
  /** A beneficiary's person number. */
  beneficiary: PsnNoSchema.optional(),
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
  /**
   * Absent or 'settlement': a payment. 'refund': its cancellation (R23) or reversal (R24) —
   * own / shared went back to those accounts, cash is due back at the counter; refundOfSeq
   * names the payment's record.
   */
  kind: z.enum(['settlement', 'refund']).optional(),
  refundOfSeq: z.string().optional(),
  cancellationId: z.string().nullable().optional(),
  /** On a payment: cancelled or reversed (已撤销); refundSeq names the refund record. */
  cancelled: z.boolean().optional(),
  refundSeq: z.string().optional(),
  /** On a refund record: a reversal of the cancellation took it back; the payment stands again. */
  takenBack: z.boolean().optional(),
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

/** What the platform tells a person about (R20): the feed's kinds; the BFF's inbox adds its own. */
export const FeedKindSchema = z.enum([
  'BINDING_CREATED',
  'BINDING_ENDED',
  'DEDUCTION',
  'PAYMENT',
  /** R23/R24: money back to this account (authorizer side, like DEDUCTION). */
  'REFUND',
  /** R23/R24: the card holder's payment was cancelled or reversed (like PAYMENT). */
  'PAYMENT_CANCELLED',
  /** R24: a cancellation was reversed; the refund was taken back. */
  'REFUND_TAKEN_BACK',
  'PREMIUM_PAID',
  'INSURANCE_CHANGED',
  'ECREDENTIAL_ACTIVATED',
  'SHARING_PAUSED',
  'SHARING_RESUMED',
]);

export const FeedEventSchema = z.object({
  id: z.string(),
  kind: FeedKindSchema,
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
  psnNo: z.string(),
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
