// The platform's HTTP API (the system of record) as one registry: method, path, schemas and
// summary of each endpoint, and the national transaction number (交易编号) where there is one.
// The platform mounts its routes from it, the BFF's client and the CLIs call it by name, and
// GET /v1/openapi.json is generated from it. Every /v1 call carries the service key header.
import { z } from 'zod';
import { AccountChoiceSchema, FenSchema, IdNumberSchema, OpaqueIdSchema, PsnNoSchema, YearTextSchema } from './common';
import { fillPath, type ApiEndpoint } from './openapi';
import {
  ActivateECredentialRequestSchema,
  ActivateGuardianRequestSchema,
  AdminPersonSchema,
  BalanceChangeSchema,
  BindingDecisionRequestSchema,
  BindingDecisionSchema,
  BindingSchema,
  CancellationRequestSchema,
  CheckBindingRequestSchema,
  CheckBindingResponseSchema,
  CounterCancellationSchema,
  CounterDayQuerySchema,
  CounterDaySchema,
  CounterPreSettlementRequestSchema,
  CounterPreSettlementSchema,
  CounterReversalSchema,
  CounterSettlementRequestSchema,
  CounterSettlementSchema,
  CounterSettlementViewSchema,
  CreateBindingRequestSchema,
  DeductionPageSchema,
  DemoPersonSchema,
  ECredentialChangeSchema,
  EndBindingRequestSchema,
  FeedCountSchema,
  FeedPageSchema,
  FeedQuerySchema,
  FileClaimRequestSchema,
  InstitutionCodeSchema,
  InstitutionRecordSchema,
  InsuranceChangeResultSchema,
  InsuranceChangeSchema,
  LedgerQuerySchema,
  MonthlyTotalsSchema,
  OpenidLookupSchema,
  PaymentPageSchema,
  PersonBindingsSchema,
  PersonLookupRequestSchema,
  PersonLookupSchema,
  PersonSummarySchema,
  PlatformClaimSchema,
  PlatformPersonSchema,
  PreferencesRequestSchema,
  PremiumPaymentRequestSchema,
  PremiumReceiptSchema,
  PremiumStatusSchema,
  PremiumTableSchema,
  PreSettlementRequestSchema,
  PreSettlementResultSchema,
  ReversalRequestSchema,
  SettlementRequestSchema,
  SettlementResultSchema,
  SummaryQuerySchema,
  VerifyIdentityRequestSchema,
} from './platform';

/** A person named in a path, by person number (never by ID number: paths end up in logs). */
const PersonParams = z.object({ psnNo: PsnNoSchema });
const BindingParams = z.object({ bindingId: OpaqueIdSchema });
const ClaimParams = z.object({ claimId: OpaqueIdSchema });
const OpenidParams = z.object({ openid: z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/) });
const PremiumYearParams = z.object({ psnNo: PsnNoSchema, year: YearTextSchema });
const YearParams = z.object({ year: YearTextSchema });
const SettlementParams = z.object({ settlementId: OpaqueIdSchema });

export const PlatformMonthlyQuerySchema = z.object({ year: YearTextSchema });
export const VerifyIdentityResultSchema = z.object({ match: z.literal(true), person: PlatformPersonSchema });
export const PlatformPreferencesSchema = z.object({ accountChoice: AccountChoiceSchema, authorizerOrder: z.array(z.string()) });

export const PLATFORM_API = {
  // ---- persons and e-credentials ----
  lookupPerson: {
    method: 'post', path: '/v1/persons/lookup', summary: 'The person number of an ID number (人员信息获取)', national: ['1101'],
    body: PersonLookupRequestSchema, response: PersonLookupSchema,
  },
  person: {
    method: 'get', path: '/v1/persons/:psnNo', summary: 'A person as the registry knows them',
    params: PersonParams, response: PlatformPersonSchema,
  },
  verifyIdentity: {
    method: 'post', path: '/v1/identity/verify', summary: 'Do this name and ID number belong together (R3)?',
    body: VerifyIdentityRequestSchema, response: VerifyIdentityResultSchema,
  },
  personIdByOpenid: {
    method: 'get', path: '/v1/ecredentials/by-openid/:openid', summary: 'The person whose e-credential is linked to this WeChat account',
    params: OpenidParams, response: OpenidLookupSchema,
  },
  activate: {
    method: 'post', path: '/v1/ecredentials/activate', summary: 'Activate an e-credential and link it to a WeChat account (R1)',
    body: ActivateECredentialRequestSchema, response: PlatformPersonSchema,
  },
  activateAsGuardian: {
    method: 'post', path: '/v1/ecredentials/activate-guardian', summary: 'A parent activates a child’s e-credential as guardian (R18)',
    body: ActivateGuardianRequestSchema, response: PlatformPersonSchema,
  },
  summary: {
    method: 'get', path: '/v1/persons/:psnNo/summary', summary: 'Person, bindings and the newer-feed count in one read (the home page)',
    params: PersonParams, query: SummaryQuerySchema, response: PersonSummarySchema,
  },
  // ---- bindings ----
  checkBinding: {
    method: 'post', path: '/v1/bindings/check', summary: 'The dry run of a binding at invitation time (R2–R5, R18)',
    body: CheckBindingRequestSchema, response: CheckBindingResponseSchema,
  },
  createBinding: {
    method: 'post', path: '/v1/bindings', summary: 'Bind: takes effect now (R7, R19); a retry with the same id creates nothing new',
    body: CreateBindingRequestSchema, response: BindingSchema, status: 201,
  },
  bindingDecision: {
    method: 'post', path: '/v1/bindings/:bindingId/decision', summary: 'What became of a binding id; optionally withdraw it for good (R7, R19)',
    params: BindingParams, body: BindingDecisionRequestSchema, response: BindingDecisionSchema,
  },
  endBinding: {
    method: 'post', path: '/v1/bindings/:bindingId/end', summary: 'End a binding, either side (R6, R7)',
    params: BindingParams, body: EndBindingRequestSchema, response: BindingSchema,
  },
  bindings: {
    method: 'get', path: '/v1/persons/:psnNo/bindings', summary: 'Whom a person shares with and who shares with them',
    params: PersonParams, response: PersonBindingsSchema,
  },
  setPreferences: {
    method: 'put', path: '/v1/persons/:psnNo/preferences', summary: 'R11 account choice, R14 order of authorizers',
    params: PersonParams, body: PreferencesRequestSchema, response: PlatformPreferencesSchema,
  },
  // ---- settlements (platform side) ----
  settle: {
    method: 'post', path: '/v1/settlements', summary: 'Settle a charge: own account, family-shared part, cash (R10–R14, R17)',
    body: SettlementRequestSchema, response: SettlementResultSchema,
  },
  preSettle: {
    method: 'post', path: '/v1/settlements/preview', summary: 'The split a settlement would take now; nothing is recorded (R22)',
    body: PreSettlementRequestSchema, response: PreSettlementResultSchema,
  },
  // ---- the counter (designated institutions) ----
  institutions: {
    method: 'get', path: '/v1/counter/institutions', summary: 'The designated institutions (R21)',
    response: z.array(InstitutionRecordSchema),
  },
  counterPreSettle: {
    method: 'post', path: '/v1/counter/pre-settlements', summary: 'Pre-settlement at a counter (预结算, R22)', national: ['2101', '2206'],
    body: CounterPreSettlementRequestSchema, response: CounterPreSettlementSchema,
  },
  counterSettle: {
    method: 'post', path: '/v1/counter/settlements', summary: 'Settlement at a counter (结算, R17)', national: ['2102', '2207'],
    body: CounterSettlementRequestSchema, response: CounterSettlementSchema,
  },
  counterSettlement: {
    method: 'get', path: '/v1/counter/settlements/:settlementId', summary: 'A settlement read back by the institution that made it',
    params: SettlementParams, query: z.object({ institutionCode: InstitutionCodeSchema }), response: CounterSettlementViewSchema,
  },
  counterDay: {
    method: 'get', path: '/v1/counter/day', summary: 'A counter’s settlements of one China day, newest first',
    query: CounterDayQuerySchema, response: CounterDaySchema,
  },
  cancelSettlement: {
    method: 'post', path: '/v1/counter/cancellations', summary: 'Cancel a settlement whole (结算撤销, R23)', national: ['2103', '2208'],
    body: CancellationRequestSchema, response: CounterCancellationSchema,
  },
  reverse: {
    method: 'post', path: '/v1/counter/reversals', summary: 'Reverse a request whose answer never arrived (冲正交易, R24)', national: ['2601'],
    body: ReversalRequestSchema, response: CounterReversalSchema,
  },
  // ---- premiums (R15) ----
  premiumStatus: {
    method: 'get', path: '/v1/persons/:psnNo/premiums/:year', summary: 'A person’s premium of a year: due, paid, by whom',
    params: PremiumYearParams, response: PremiumStatusSchema,
  },
  payPremium: {
    method: 'post', path: '/v1/premiums/payments', summary: 'Pay a relative’s premium from the payer’s account (R15, R17)',
    body: PremiumPaymentRequestSchema, response: PremiumReceiptSchema,
  },
  premiumTable: {
    method: 'get', path: '/v1/premium-table', summary: 'The premium due per year (fen)',
    response: PremiumTableSchema,
  },
  // ---- ledgers and the feed (R16, R20) ----
  deductions: {
    method: 'get', path: '/v1/persons/:psnNo/deductions', summary: 'Every entry of a person’s account ledger (R16)',
    params: PersonParams, query: LedgerQuerySchema, response: DeductionPageSchema,
  },
  monthly: {
    method: 'get', path: '/v1/persons/:psnNo/deductions/monthly', summary: 'Monthly totals of deductions from a person’s account',
    params: PersonParams, query: PlatformMonthlyQuerySchema, response: MonthlyTotalsSchema,
  },
  payments: {
    method: 'get', path: '/v1/persons/:psnNo/payments', summary: 'A card holder’s payments and how each was split (R16)',
    params: PersonParams, query: LedgerQuerySchema, response: PaymentPageSchema,
  },
  feed: {
    method: 'get', path: '/v1/persons/:psnNo/feed', summary: 'What the platform tells a person about (R20)',
    params: PersonParams, query: FeedQuerySchema, response: FeedPageSchema,
  },
  feedCount: {
    method: 'get', path: '/v1/persons/:psnNo/feed/count', summary: 'Feed events newer than a time, capped at 99',
    params: PersonParams, query: SummaryQuerySchema, response: FeedCountSchema,
  },
  claims: {
    method: 'get', path: '/v1/persons/:psnNo/claims', summary: 'A person’s manual outpatient reimbursement claims',
    params: PersonParams, response: z.array(PlatformClaimSchema),
  },
  demoPeople: {
    method: 'get', path: '/v1/demo-people', summary: 'DEMO: the demo people',
    response: z.array(DemoPersonSchema),
  },
  // ---- the registry's own side (demo and tests): people, insurance (R8), balances, claims ----
  adminCreatePerson: {
    method: 'post', path: '/v1/admin/persons', summary: 'Create a person (again: same person number)',
    body: AdminPersonSchema, response: PlatformPersonSchema, status: 201,
  },
  adminChangeInsurance: {
    method: 'post', path: '/v1/admin/persons/:psnNo/insurance', summary: 'Change insurance, status or region; ends bindings R8 ends',
    params: PersonParams, body: InsuranceChangeSchema, response: InsuranceChangeResultSchema,
  },
  adminSetECredential: {
    method: 'post', path: '/v1/admin/persons/:psnNo/ecredential', summary: 'Freeze or restore an e-credential',
    params: PersonParams, body: ECredentialChangeSchema, response: PlatformPersonSchema,
  },
  adminSetBalance: {
    method: 'put', path: '/v1/admin/persons/:psnNo/balance', summary: 'Set a personal-account balance (fen)',
    params: PersonParams, body: BalanceChangeSchema, response: PlatformPersonSchema,
  },
  adminFileClaim: {
    method: 'post', path: '/v1/admin/claims', summary: 'File a manual reimbursement claim at the window',
    body: FileClaimRequestSchema, response: PlatformClaimSchema, status: 201,
  },
  adminAdvanceClaim: {
    method: 'post', path: '/v1/admin/claims/:claimId/advance', summary: 'Move a claim to its next step',
    params: ClaimParams, body: z.object({ idNumber: IdNumberSchema }), response: PlatformClaimSchema,
  },
  adminSetPremium: {
    method: 'put', path: '/v1/admin/premium-table/:year', summary: 'Set the premium due for a year (fen)',
    params: YearParams, body: z.object({ amount: FenSchema }), response: PremiumTableSchema,
  },
} as const satisfies Record<string, ApiEndpoint>;

export type PlatformEndpointName = keyof typeof PLATFORM_API;
type Spec<N extends PlatformEndpointName> = (typeof PLATFORM_API)[N];
type Field<N extends PlatformEndpointName, F extends string> = Spec<N> extends Record<F, infer S extends z.ZodType> ? S : undefined;

/** The answer of an endpoint, as its response schema parses it. */
export type PlatformResponse<N extends PlatformEndpointName> = z.infer<Spec<N>['response']>;

/**
 * What a caller sends to an endpoint: path parameters and query values as text or numbers
 * (they travel in the URL), the body as its schema takes it. A field the endpoint does not
 * have must not be given.
 */
export type PlatformInput<N extends PlatformEndpointName> = (Field<N, 'params'> extends z.ZodType
  ? { params: Record<keyof z.input<Field<N, 'params'>>, string | number> }
  : { params?: never }) &
  (Field<N, 'query'> extends z.ZodType ? { query?: { [K in keyof z.input<Field<N, 'query'>>]?: string | number | undefined } } : { query?: never }) &
  (Field<N, 'body'> extends z.ZodType ? { body: z.input<Field<N, 'body'>> } : { body?: never });

/** The parsed request a platform route gets: each part as the registry's schema outputs it. */
export interface PlatformRequest<N extends PlatformEndpointName> {
  params: Field<N, 'params'> extends z.ZodType ? z.output<Field<N, 'params'>> : undefined;
  query: Field<N, 'query'> extends z.ZodType ? z.output<Field<N, 'query'>> : undefined;
  body: Field<N, 'body'> extends z.ZodType ? z.output<Field<N, 'body'>> : undefined;
}

/** What goes over the wire for a call of an endpoint: its method, path with query, and JSON body (if any). */
export function platformRequest<N extends PlatformEndpointName>(name: N, input: PlatformInput<N>): { method: string; path: string; body: unknown } {
  const given = input as { params?: Record<string, string | number>; query?: Record<string, string | number | undefined>; body?: unknown };
  return { method: PLATFORM_API[name].method.toUpperCase(), path: platformPath(name, given), body: given.body };
}

/** The path and query string of a call: `:name` segments filled (encoded), query values that are set. */
export function platformPath<N extends PlatformEndpointName>(name: N, input: { params?: Record<string, string | number>; query?: Record<string, string | number | undefined> } = {}): string {
  const path = fillPath(PLATFORM_API[name].path, input.params);
  const pairs = Object.entries(input.query ?? {}).flatMap(([key, value]) =>
    value === undefined ? [] : [`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`],
  );
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}
