/**
 * The platform's Redis key layout. Every key of one person carries the hash tag {p:<psnNo>},
 * the person number (人员编号) the platform assigned: no key name carries an ID number or a
 * name (issue 9 item 5). Every key of one person carries the same hash tag, so
 * that all of a person's data lives in one Redis Cluster slot and each Lua script, which only
 * ever touches one person, is atomic on a cluster too. Operations that span two people are
 * sequences of such single-person steps (see the use cases), never one cross-slot script.
 */
export interface PersonKeys {
  /** HASH: registry facts, balance, e-credential, preferences, version counters. */
  person: string;
  /** HASH authorizerId → JSON: who shares with this person now (R14 order by `rank`). */
  authorizers: string;
  /** HASH beneficiaryId → JSON {bindingId, state: pending|active|ended}: whom this person shares with. */
  beneficiaries: string;
  /** HASH bindingId → JSON: every binding in which this person is the beneficiary, ended ones too. */
  bindings: string;
  /**
   * HASH bindingId → JSON {reason, at}: binding ids that were withdrawn before they were ever
   * committed (an invitation cancelled, rejected, expired or closed). A commit of such an id is
   * refused, so that the invitation's end is final (the platform decides, the BFF mirrors).
   */
  voided: string;
  /** HASH opId → "take|balanceAfter|status": debits applied to this account (R17). */
  applied: string;
  /** HASH score → JSON: deductions from this account (R16). */
  ledger: string;
  /** ZSET score: index of all deductions, for cursor pages that cost O(log n + page). */
  ledgerIndex: string;
  /** ZSET score: deductions made by one beneficiary from this account. */
  ledgerBy: (beneficiaryId: string) => string;
  /** HASH "YYYY-MM" and "YYYY-MM|beneficiaryId" → fen. */
  monthly: string;
  /** HASH score → JSON: settlements paid as card holder, with their split (R16). */
  payments: string;
  /** ZSET score: index of payments. */
  paymentIndex: string;
  /** HASH year → JSON: premium status for this person (R15). */
  premiums: string;
  /** HASH: settlement journal (fingerprint, plan, status, result) for this card holder. */
  settlement: (settlementId: string) => string;
  /** STREAM: what this person is told (R20). */
  feed: string;
  /** HASH seq → JSON: what happened to a ledger entry since (cancelled, taken back); the ledger itself is append-only. */
  ledgerMarks: string;
  /** HASH seq → JSON: the same for this card holder's payment records. */
  paymentMarks: string;
  /** HASH: a cancellation's journal (R23) on the card holder's slot: settlement, fingerprint, status, result. */
  cancellation: (cancellationId: string) => string;
  /** HASH claimId → JSON: manual reimbursement claims filed at the window. */
  claims: string;
}

export class PlatformKeys {
  constructor(private readonly prefix = 'plat:') {}

  person(psnNo: string): PersonKeys {
    const base = `${this.prefix}{p:${psnNo}}:`;
    return {
      person: `${base}person`,
      authorizers: `${base}in`,
      beneficiaries: `${base}out`,
      bindings: `${base}bind`,
      voided: `${base}void`,
      applied: `${base}applied`,
      ledger: `${base}led`,
      ledgerIndex: `${base}led:all`,
      ledgerBy: (beneficiaryId) => `${base}led:by:${beneficiaryId}`,
      monthly: `${base}led:monthly`,
      payments: `${base}pay`,
      paymentIndex: `${base}pay:all`,
      premiums: `${base}premium`,
      settlement: (settlementId) => `${base}stl:${settlementId}`,
      feed: `${base}feed`,
      ledgerMarks: `${base}led:marks`,
      paymentMarks: `${base}pay:marks`,
      cancellation: (cancellationId) => `${base}cnl:${cancellationId}`,
      claims: `${base}claims`,
    };
  }

  /**
   * STRING, SET NX: which card holder and request a settlement, cancellation or payment id
   * belongs to (R17); 'REVERSED' when a reversal (R24) found it unused and killed it.
   */
  operationOwner(kind: 'stl' | 'prm' | 'cnl', operationId: string): string {
    return `${this.prefix}{op:${kind}:${operationId}}:owner`;
  }

  /** STRING: the person number whose e-credential is linked to a WeChat openid. */
  openid(openid: string): string {
    return `${this.prefix}{o:${openid}}:person`;
  }

  /**
   * HASH ID number → person number: the one lookup from an ID number a counter, an
   * administrator or a person typed (the national 1101). The ID number is a field here, a
   * value, never part of a key's name.
   */
  get psnIndex(): string {
    return `${this.prefix}psn-index`;
  }

  /** SET: every person number in the registry (for listings and the demo picker). */
  get registry(): string {
    return `${this.prefix}registry`;
  }

  /** HASH year → fen: the resident premium table (R15; demo values). */
  get premiumTable(): string {
    return `${this.prefix}premium-table`;
  }

  /** HASH code → JSON: the designated institutions (R21). */
  get institutions(): string {
    return `${this.prefix}institutions`;
  }

  /** ZSET score=time, member "settlementId|cardHolderPsnNo": one institution's settlements of one China day (the counter's list). */
  counterDay(institutionCode: string, day: string): string {
    return `${this.prefix}{i:${institutionCode}}:day:${day}`;
  }

  /** ZSET: multi-step operations begun and not yet finished, for the recovery sweeper. */
  get pendingOperations(): string {
    return `${this.prefix}pending-ops`;
  }
}
