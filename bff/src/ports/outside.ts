import type {
  Binding,
  BindingDecision,
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
  Result,
} from '@family-share/shared';
import type { ErrorCode } from '@family-share/shared';
import type { SubscriptionDecision, SubscriptionMessage } from '@family-share/shared';

/** How an invitation ends without a binding; the platform keeps it with the withdrawn id. */
export type InvitationClosing = 'cancelled' | 'rejected' | 'expired' | 'closed';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The medical-insurance platform, the system of record. Unreachable → throws SERVICE_UNAVAILABLE.
 * Persons are named by the person number (psnNo) the platform gave them; an ID number goes
 * out only where a person typed it (identity checks, the relative to invite, the child).
 */
export interface PlatformPort {
  person(psnNo: string): Promise<Result<PlatformPerson>>;
  /** The person number whose e-credential is linked to this WeChat account. */
  personIdByOpenid(openid: string): Promise<string | null>;
  verifyIdentity(name: string, idNumber: string): Promise<Result<PlatformPerson>>;
  activate(request: { name: string; idNumber: string; openid: string }): Promise<Result<PlatformPerson>>;
  activateAsGuardian(request: { guardianPsnNo: string; childName: string; childIdNumber: string }): Promise<Result<PlatformPerson>>;
  /** The dry run with the relative as the inviter typed them; their person number comes back only on a match. */
  checkBinding(
    request: Omit<BindingRequest, 'beneficiaryPsnNo'> & ({ beneficiaryIdNumber: string } | { beneficiaryPsnNo: string }) & { beneficiaryMayActivateLater: boolean },
  ): Promise<Result<{ needsAcceptance: boolean; beneficiaryPsnNo: string }>>;
  createBinding(request: BindingRequest & { bindingId: string }): Promise<Result<Binding>>;
  endBinding(bindingId: string, actorPsnNo: string, faceVerified: boolean): Promise<Result<Binding>>;
  /** What became of a binding id; with `withdraw`, one not yet committed never will be (the platform decides: R7, R19). */
  bindingDecision(
    bindingId: string,
    request: { authorizerPsnNo: string; beneficiaryPsnNo: string; withdraw?: { reason: InvitationClosing; code?: ErrorCode } },
  ): Promise<BindingDecision>;
  bindings(psnNo: string): Promise<PersonBindings>;
  setPreferences(psnNo: string, request: { accountChoice?: 'own' | 'authorizer'; authorizerOrder?: string[] }): Promise<Result<{ accountChoice: 'own' | 'authorizer'; authorizerOrder: string[] }>>;
  premiumStatus(psnNo: string, year: number): Promise<PremiumStatus>;
  payPremium(request: { paymentId: string; payerPsnNo: string; beneficiaryPsnNo: string; year: number }): Promise<Result<PremiumReceipt>>;
  deductions(psnNo: string, query: { cursor?: string; limit: number; beneficiary?: string; month?: string }): Promise<Page<Deduction>>;
  payments(psnNo: string, query: { cursor?: string; limit: number; month?: string }): Promise<Page<PaymentRecord>>;
  monthly(psnNo: string, year: number): Promise<{ year: number; months: Array<{ month: string; total: number; byBeneficiary: Record<string, number> }> }>;
  feed(psnNo: string, query: { cursor?: string; limit: number }): Promise<Page<FeedEvent>>;
  /** Feed events newer than a time, capped at 99 (the unread badge). */
  feedCount(psnNo: string, sinceMs: number): Promise<number>;
  /** Person, bindings and the newer-feed count in one call (the home page). */
  summary(psnNo: string, feedSinceMs: number): Promise<PersonSummary>;
  claims(psnNo: string): Promise<PlatformClaim[]>;
  /** R21: the designated institutions, as platform data. */
  institutions(): Promise<InstitutionRecord[]>;
  /** R22: the split a settlement would take now; the platform records nothing. */
  preSettle(request: { cardHolderPsnNo: string; charge: number; institutionCode: string; choice?: 'own' | 'authorizer' }): Promise<Result<PreSettlementResult>>;
  demoPeople(): Promise<DemoPerson[]>;
  healthy(): Promise<boolean>;
}

export interface BindingRequest {
  authorizerPsnNo: string;
  beneficiaryPsnNo: string;
  beneficiaryName: string;
  relation: Relation;
}

/** What message/subscribe/send did: sent (with WeChat's msgid), or refused with its errcode (43101: not accepted). */
export type SendResult = { sent: true; msgid: number } | { sent: false; errcode: number };

/** WeChat's server APIs (code2Session, subscription messages). */
export interface WechatPort {
  /**
   * wx.login code → openid. WeChat's session_key is dropped here: nothing in the BFF keeps
   * it or sends it on. 40029/40163 → WECHAT_CODE_INVALID, 45011 → WECHAT_RATE_LIMITED,
   * -1 → WECHAT_BUSY; the mini-program retries those with a fresh code, after a back-off.
   */
  codeToSession(code: string): Promise<Result<{ openid: string }>>;
  /** DEMO: what wx.login() yields on a phone of this account. */
  demoCode(openid: string): Promise<string>;
  sendSubscribeMessage(openid: string, message: SubscriptionMessage): Promise<SendResult>;
  /** DEMO: stands in for WeChat recording what the phone's wx.requestSubscribeMessage answered. */
  demoSubscribe(openid: string, templateId: string, decision: SubscriptionDecision): Promise<void>;
}

/** What the face did, as the server's query reads it; 'unsupported' and 'cancelled' are not the person's fault. */
export type FaceOutcome = 'pass' | 'fail' | 'spoof' | 'timeout';
export type FaceResult = FaceOutcome | 'cancelled' | 'unsupported' | 'unknown';

/**
 * WeChat face verification (人脸核身 2.0): getverifyid for a named person and the openid of
 * the phone that will face the camera (wx.requestFacialVerify with the verifyId), then
 * queryverifyinfo, which alone decides. outSeqNo is ours, unique, 5–32 characters.
 */
export interface FacePort {
  start(request: { outSeqNo: string; openid: string; name: string; idNumber: string }): Promise<{ verifyId: string; expiresInS: number; certHash: string }>;
  /** DEMO: stands in for the phone's wx.requestFacialVerify, with the outcome the page chose. */
  clientVerify(verifyId: string, outcome: FaceOutcome): Promise<void>;
  query(request: { verifyId: string; outSeqNo: string; certHash: string; openid: string }): Promise<FaceResult>;
}
