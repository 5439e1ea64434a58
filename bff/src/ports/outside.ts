import type {
  Binding,
  Deduction,
  DemoPerson,
  FeedEvent,
  InstitutionRecord,
  PaymentRecord,
  PersonBindings,
  PersonSummary,
  PlatformClaim,
  PlatformPerson,
  PreSettlementResult,
  PremiumReceipt,
  PremiumStatus,
  Relation,
} from '@family-share/shared';
import type { Outcome } from './outcome';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The medical-insurance platform, the system of record. Unreachable → throws SERVICE_UNAVAILABLE. */
export interface PlatformPort {
  person(idNumber: string): Promise<Outcome<PlatformPerson>>;
  personIdByOpenid(openid: string): Promise<string | null>;
  verifyIdentity(name: string, idNumber: string): Promise<Outcome<PlatformPerson>>;
  activate(request: { name: string; idNumber: string; openid: string }): Promise<Outcome<PlatformPerson>>;
  activateAsGuardian(request: { guardianIdNumber: string; childName: string; childIdNumber: string }): Promise<Outcome<PlatformPerson>>;
  checkBinding(request: BindingRequest & { beneficiaryMayActivateLater: boolean }): Promise<Outcome<{ needsAcceptance: boolean }>>;
  createBinding(request: BindingRequest & { bindingId: string }): Promise<Outcome<Binding>>;
  endBinding(bindingId: string, actorIdNumber: string, faceVerified: boolean): Promise<Outcome<Binding>>;
  bindings(idNumber: string): Promise<PersonBindings>;
  setPreferences(idNumber: string, request: { accountChoice?: 'own' | 'authorizer'; authorizerOrder?: string[] }): Promise<Outcome<{ accountChoice: 'own' | 'authorizer'; authorizerOrder: string[] }>>;
  premiumStatus(idNumber: string, year: number): Promise<PremiumStatus>;
  payPremium(request: { paymentId: string; payerIdNumber: string; beneficiaryIdNumber: string; year: number }): Promise<Outcome<PremiumReceipt>>;
  deductions(idNumber: string, query: { cursor?: string; limit: number; beneficiary?: string; month?: string }): Promise<Page<Deduction>>;
  payments(idNumber: string, query: { cursor?: string; limit: number; month?: string }): Promise<Page<PaymentRecord>>;
  monthly(idNumber: string, year: number): Promise<{ year: number; months: Array<{ month: string; total: number; byBeneficiary: Record<string, number> }> }>;
  feed(idNumber: string, query: { cursor?: string; limit: number }): Promise<Page<FeedEvent>>;
  /** Feed events newer than a time, capped at 99 (the unread badge). */
  feedCount(idNumber: string, sinceMs: number): Promise<number>;
  /** Person, bindings and the newer-feed count in one call (the home page). */
  summary(idNumber: string, feedSinceMs: number): Promise<PersonSummary>;
  claims(idNumber: string): Promise<PlatformClaim[]>;
  /** R21: the designated institutions, as platform data. */
  institutions(): Promise<InstitutionRecord[]>;
  /** R22: the split a settlement would take now; the platform records nothing. */
  preSettle(request: { cardHolderIdNumber: string; charge: number; institutionCode: string; choice?: 'own' | 'authorizer' }): Promise<Outcome<PreSettlementResult>>;
  demoPeople(): Promise<DemoPerson[]>;
  healthy(): Promise<boolean>;
}

export interface BindingRequest {
  authorizerIdNumber: string;
  beneficiaryIdNumber: string;
  beneficiaryName: string;
  relation: Relation;
}

/** WeChat's server APIs (jscode2session, subscription messages). */
export interface WechatPort {
  codeToSession(code: string): Promise<Outcome<{ openid: string }>>;
  /** DEMO: what wx.login() yields on a phone of this account. */
  demoCode(openid: string): Promise<string>;
  sendSubscribeMessage(openid: string, message: { template: string; summary: string; at: number }): Promise<void>;
}

export type FaceOutcome = 'pass' | 'fail' | 'spoof' | 'timeout';

/** WeChat face verification (人脸核身): start for a named person, the phone verifies, query once. */
export interface FacePort {
  start(name: string, idNumber: string): Promise<{ verifyId: string; expiresInS: number }>;
  /** DEMO: stands in for the phone's SDK. */
  clientVerify(verifyId: string, outcome: FaceOutcome): Promise<void>;
  query(verifyId: string): Promise<{ result: FaceOutcome | 'pending' | 'consumed' | 'unknown'; idNumber?: string }>;
}
