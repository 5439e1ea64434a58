import { randomBytes } from 'node:crypto';
import { chinaDate, chinaMonth, chinaMonthRange, type Binding, type InstitutionRecord, type Deduction, type FeedEvent, type PaymentRecord, type PlatformClaim, type PlatformPerson } from '@family-share/shared';
import { PlatformKeys, type PersonKeys } from './keys';
import { runScript, runScriptRaw, type RedisLike } from './redis-client';

/** A person as stored: the registry facts plus the version counter the binding steps compare. */
export interface StoredPerson extends PlatformPerson {
  version: string;
  /** The WeChat account the e-credential is linked to; never leaves the platform. */
  openid: string | null;
}

export interface AuthorizerEntry {
  authorizerId: string;
  bindingId: string;
  rank: number;
}

export interface BeneficiaryEntry {
  beneficiaryId: string;
  bindingId: string;
  state: 'pending' | 'active' | 'ended';
  at: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type ScriptReply = string[];

/** The owner recorded for an operation id that a reversal (R24) found unused: dead forever. */
export const REVERSED_OWNER = 'REVERSED';

/** 'P' + 16 random hex digits: nothing of the person in it, nothing to count on (issue 9 item 5). */
export function newPsnNo(): string {
  return `P${randomBytes(8).toString('hex').toUpperCase()}`;
}

function toPerson(hash: Record<string, string>): StoredPerson | null {
  if (!hash.idNumber || !hash.psnNo) return null;
  const insurance = hash.insurance === 'employee' || hash.insurance === 'resident' ? hash.insurance : null;
  return {
    psnNo: hash.psnNo,
    idNumber: hash.idNumber,
    name: hash.name ?? '',
    insurance,
    region: hash.region ?? '',
    status: (hash.status as StoredPerson['status']) ?? 'terminated',
    birthDate: hash.birthDate ?? '',
    balance: Number(hash.balance ?? '0'),
    eCredential: {
      active: hash.ec === '1',
      activatedAt: hash.ecAt ? Number(hash.ecAt) : null,
      mode: hash.ecMode === 'self' || hash.ecMode === 'guardian' ? hash.ecMode : null,
      guardianId: hash.ecGuardian ? hash.ecGuardian : null,
    },
    guardians: hash.guardians ? (JSON.parse(hash.guardians) as string[]) : [],
    accountChoice: hash.choice === 'authorizer' ? 'authorizer' : 'own',
    version: hash.ver ?? '0',
    openid: hash.ecOpenid ? hash.ecOpenid : null,
  };
}

/** A hash as a script returns HGETALL: field, value, field, value… */
function pairs(flat: readonly string[]): Record<string, string> {
  const hash: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) hash[flat[i]!] = flat[i + 1]!;
  return hash;
}

function toAuthorizers(raw: Record<string, string>): AuthorizerEntry[] {
  return Object.entries(raw)
    .map(([authorizerId, json]) => {
      const entry = JSON.parse(json) as { bindingId: string; rank: string };
      return { authorizerId, bindingId: entry.bindingId, rank: Number(entry.rank) };
    })
    .sort((a, b) => a.rank - b.rank || (a.authorizerId < b.authorizerId ? -1 : 1));
}

function toBeneficiaries(raw: Record<string, string>): BeneficiaryEntry[] {
  return Object.entries(raw).map(([beneficiaryId, json]) => {
    const entry = JSON.parse(json) as { bindingId: string; state: BeneficiaryEntry['state']; at: string };
    return { beneficiaryId, bindingId: entry.bindingId, state: entry.state, at: Number(entry.at) };
  });
}

/** What a settlement's plan and answer need of a person: a few fields, not the whole record. */
export type AccountFacts = Pick<StoredPerson, 'psnNo' | 'name' | 'insurance' | 'status' | 'balance' | 'accountChoice'>;

const FACT_FIELDS = ['psnNo', 'idNumber', 'name', 'insurance', 'status', 'balance', 'choice'] as const;

/** FACT_FIELDS as HMGET gave them (null for a missing field); null for nobody, read as toPerson reads. */
function toFacts(values: ReadonlyArray<string | null | false>): AccountFacts | null {
  const [psnNo, idNumber, name, insurance, status, balance, choice] = values.map((v) => (typeof v === 'string' ? v : undefined));
  if (!idNumber || !psnNo) return null;
  return {
    psnNo,
    name: name ?? '',
    insurance: insurance === 'employee' || insurance === 'resident' ? insurance : null,
    status: (status as StoredPerson['status'] | undefined) ?? 'terminated',
    balance: Number(balance ?? '0'),
    accountChoice: choice === 'authorizer' ? 'authorizer' : 'own',
  };
}

/** A settlement's start (settlement-read.lua): the card holder, the journal's state, the authorizers in order. */
export interface SettlementStart {
  payer: AccountFacts | null;
  journal: { status?: string; fp?: string; plan?: string; result?: string; at?: string };
  authorizers: AuthorizerEntry[];
}

/** What a home page reads of one person on the person's slot (home-read.lua). */
export interface PersonHomeView {
  person: StoredPerson | null;
  /** Every binding in which the person is the beneficiary, ended ones too. */
  records: Binding[];
  authorizers: AuthorizerEntry[];
  beneficiaries: BeneficiaryEntry[];
  /** Feed events newer than the time asked, up to the cap; null when not asked. */
  feedNewer: number | null;
}

/**
 * Every read and write of the platform's Redis data. Writes that must be atomic are Lua
 * scripts on one person's slot; this class only knows keys and shapes, not the rules.
 */
export class PlatformStore {
  readonly keys: PlatformKeys;

  constructor(
    readonly redis: RedisLike,
    prefix = 'plat:',
  ) {
    this.keys = new PlatformKeys(prefix);
  }

  k(psnNo: string): PersonKeys {
    return this.keys.person(psnNo);
  }

  // ---- persons ----

  /**
   * The person number of an ID number, assigned on first sight (HSETNX: concurrent callers and
   * a re-run of the seed get the one number the index holds; an existing person keeps theirs).
   */
  async assignPsnNo(idNumber: string): Promise<string> {
    await this.redis.hsetnx(this.keys.psnIndex, idNumber, newPsnNo());
    const psnNo = await this.redis.hget(this.keys.psnIndex, idNumber);
    if (!psnNo) throw new Error('person number index lost its entry');
    return psnNo;
  }

  /** The national 1101 lookup: ID number → person number, or null for nobody. */
  async psnNoOf(idNumber: string): Promise<string | null> {
    return this.redis.hget(this.keys.psnIndex, idNumber);
  }

  /** The person with this ID number (a counter's or an administrator's input), or null. */
  async getPersonByIdNumber(idNumber: string): Promise<StoredPerson | null> {
    const psnNo = await this.psnNoOf(idNumber);
    return psnNo ? this.getPerson(psnNo) : null;
  }

  async savePerson(person: PlatformPerson & { openid?: string | null }): Promise<void> {
    const k = this.k(person.psnNo);
    await this.redis.hset(k.person, {
      psnNo: person.psnNo,
      idNumber: person.idNumber,
      name: person.name,
      insurance: person.insurance ?? 'none',
      region: person.region,
      status: person.status,
      birthDate: person.birthDate,
      balance: String(person.balance),
      ec: person.eCredential.active ? '1' : '0',
      ecAt: person.eCredential.activatedAt === null ? '' : String(person.eCredential.activatedAt),
      ecMode: person.eCredential.mode ?? '',
      // Only an activated credential is linked to a WeChat account.
      ecOpenid: person.eCredential.active ? (person.openid ?? '') : '',
      ecGuardian: person.eCredential.guardianId ?? '',
      guardians: JSON.stringify(person.guardians),
      choice: person.accountChoice,
    });
    await this.redis.hincrby(k.person, 'ver', 1);
    await this.redis.sadd(this.keys.registry, person.psnNo);
    if (person.openid && person.eCredential.active) await this.redis.set(this.keys.openid(person.openid), person.psnNo);
  }

  async getPerson(id: string): Promise<StoredPerson | null> {
    return toPerson(await this.redis.hgetall(this.k(id).person));
  }

  /** The facts a settlement needs of each person (one HMGET each, sent together); nobody is left out. */
  async accountFacts(ids: readonly string[]): Promise<Map<string, AccountFacts>> {
    const found = await Promise.all(ids.map(async (id) => toFacts(await this.redis.hmget(this.k(id).person, ...FACT_FIELDS))));
    const map = new Map<string, AccountFacts>();
    for (const facts of found) if (facts) map.set(facts.psnNo, facts);
    return map;
  }

  async getPersons(ids: readonly string[]): Promise<Map<string, StoredPerson>> {
    const found = await Promise.all(ids.map((id) => this.getPerson(id)));
    const map = new Map<string, StoredPerson>();
    for (const person of found) if (person) map.set(person.psnNo, person);
    return map;
  }

  async registry(): Promise<string[]> {
    return this.redis.smembers(this.keys.registry);
  }

  /** Registry changes (R8) and admin edits: one slot, one MULTI, and the version moves on. */
  async updatePersonFields(id: string, fields: Record<string, string>): Promise<void> {
    const k = this.k(id).person;
    await this.redis.multi().hset(k, fields).hincrby(k, 'ver', 1).exec();
  }

  async setAccountChoice(id: string, choice: 'own' | 'authorizer'): Promise<void> {
    await this.redis.hset(this.k(id).person, 'choice', choice);
  }

  // ---- e-credentials and WeChat accounts ----

  /** Links a WeChat openid to a person unless it is linked already; returns who holds it. */
  async linkOpenid(openid: string, id: string): Promise<string> {
    const key = this.keys.openid(openid);
    await this.redis.set(key, id, 'NX');
    return (await this.redis.get(key)) ?? id;
  }

  async unlinkOpenid(openid: string, id: string): Promise<void> {
    const key = this.keys.openid(openid);
    if ((await this.redis.get(key)) === id) await this.redis.del(key);
  }

  async personIdByOpenid(openid: string): Promise<string | null> {
    return this.redis.get(this.keys.openid(openid));
  }

  activateECredential(id: string, mode: 'self' | 'guardian', openid: string, guardianId: string, now: number) {
    return runScript(this.redis, 'activate-ecredential', [this.k(id).person], [openid, mode, guardianId, now]);
  }

  // ---- the binding graph ----

  async authorizersOf(id: string): Promise<AuthorizerEntry[]> {
    return toAuthorizers(await this.redis.hgetall(this.k(id).authorizers));
  }

  async beneficiariesOf(id: string): Promise<BeneficiaryEntry[]> {
    return toBeneficiaries(await this.redis.hgetall(this.k(id).beneficiaries));
  }

  /**
   * A person, both sides of their binding graph and (with `feedSinceMs`) how many feed events
   * are newer, up to `cap`: one read script on the person's slot instead of five commands.
   */
  async personHome(id: string, feedSinceMs: number | null, cap = 99): Promise<PersonHomeView> {
    const k = this.k(id);
    const reply = (await runScriptRaw(
      this.redis,
      'home-read',
      [k.person, k.bindings, k.authorizers, k.beneficiaries, k.feed],
      [feedSinceMs === null ? '' : `${feedSinceMs + 1}`, cap],
    )) as [string[], string[], string[], string[], number];
    const [person, records, authorizers, beneficiaries, count] = reply;
    return {
      person: toPerson(pairs(person)),
      records: records.map((json) => JSON.parse(json) as Binding),
      authorizers: toAuthorizers(pairs(authorizers)),
      beneficiaries: toBeneficiaries(pairs(beneficiaries)),
      feedNewer: count < 0 ? null : count,
    };
  }

  /** How many feed events are newer than `feedSinceMs`, up to `cap` (feed-count.lua); null for nobody. */
  async feedCount(id: string, feedSinceMs: number, cap = 99): Promise<number | null> {
    const k = this.k(id);
    const count = Number(await runScriptRaw(this.redis, 'feed-count', [k.person, k.feed], [`${feedSinceMs + 1}`, cap]));
    return count < 0 ? null : count;
  }

  /** The beneficiary's side of one binding (binding-side.lua): its record and the beneficiary's insurance. */
  async bindingSide(beneficiaryId: string, bindingId: string): Promise<{ record: Binding | null; insurance: StoredPerson['insurance'] }> {
    const k = this.k(beneficiaryId);
    const [record = '', insurance = ''] = await runScript(this.redis, 'binding-side', [k.bindings, k.person], [bindingId]);
    return {
      record: record ? (JSON.parse(record) as Binding) : null,
      insurance: insurance === 'employee' || insurance === 'resident' ? insurance : null,
    };
  }

  async bindingRecord(beneficiaryId: string, bindingId: string): Promise<Binding | null> {
    const json = await this.redis.hget(this.k(beneficiaryId).bindings, bindingId);
    return json ? (JSON.parse(json) as Binding) : null;
  }

  claimBinding(a: string, b: string, bindingId: string, now: number, staleMs: number) {
    const k = this.k(a);
    return runScript(this.redis, 'claim-binding', [k.person, k.authorizers, k.beneficiaries], [b, bindingId, now, staleMs]);
  }

  commitBinding(record: Binding, max: number, expectedVersion: string, event: object, claimedAt: number) {
    const k = this.k(record.beneficiaryId);
    const entry = JSON.stringify({ bindingId: record.bindingId, rank: String(record.createdAt) });
    return runScript(
      this.redis,
      'commit-binding',
      [k.person, k.authorizers, k.beneficiaries, k.bindings, k.feed, k.voided],
      [record.authorizerId, record.bindingId, JSON.stringify(record), max, expectedVersion, entry, JSON.stringify(event), claimedAt],
    );
  }

  /** What became of a binding id: committed, withdrawn, or still open; with 'void', an open one is withdrawn. */
  async bindingDecision(
    b: string,
    bindingId: string,
    withdraw: { reason: string; code: string } | null,
    now: number,
  ): Promise<{ state: 'binding'; record: Binding } | { state: 'void'; reason: string; code: string } | { state: 'open' }> {
    const k = this.k(b);
    const [state = 'open', value = '', code = ''] = await runScript(
      this.redis,
      'void-binding',
      [k.bindings, k.voided],
      [bindingId, withdraw ? 'void' : 'read', withdraw?.reason ?? '', now, withdraw?.code ?? ''],
    );
    if (state === 'binding') return { state, record: JSON.parse(value) as Binding };
    if (state === 'void') return { state, reason: value, code };
    return { state: 'open' };
  }

  finishBinding(a: string, b: string, bindingId: string, outcome: 'active' | 'release', now: number, event: object | null) {
    const k = this.k(a);
    const entry = JSON.stringify({ bindingId, state: 'active', at: String(now) });
    return runScript(
      this.redis,
      'finish-binding',
      [k.person, k.beneficiaries, k.feed],
      [b, bindingId, outcome, entry, event ? JSON.stringify(event) : ''],
    );
  }

  endBindingOnAuthorizer(a: string, b: string, bindingId: string, now: number, event: object) {
    const k = this.k(a);
    return runScript(this.redis, 'end-binding-authorizer', [k.beneficiaries, k.feed], [b, bindingId, now, JSON.stringify(event)]);
  }

  endBindingOnBeneficiary(ended: Binding, event: object) {
    const k = this.k(ended.beneficiaryId);
    return runScript(
      this.redis,
      'end-binding-beneficiary',
      [k.authorizers, k.bindings, k.feed],
      [ended.authorizerId, ended.bindingId, JSON.stringify(ended), JSON.stringify(event)],
    );
  }

  reorderAuthorizers(b: string, order: readonly string[]) {
    return runScript(this.redis, 'reorder-authorizers', [this.k(b).authorizers], [JSON.stringify(order)]);
  }

  // ---- money ----

  /**
   * Who an operation id belongs to (first writer wins); returns the recorded owner. One command
   * (SET NX GET, Redis 7.0 and later, answers the owner already there, or nothing when this call set it).
   */
  async claimOperationId(kind: 'stl' | 'prm' | 'cnl', operationId: string, owner: string): Promise<string> {
    const before = (await this.redis.call('SET', this.keys.operationOwner(kind, operationId), owner, 'NX', 'GET')) as string | null;
    return before ?? owner;
  }

  /** A settlement's start on the card holder's slot, in one read script (see SettlementStart). */
  async settlementStart(cardHolder: string, settlementId: string): Promise<SettlementStart> {
    const k = this.k(cardHolder);
    const [person, journal, authorizers] = (await runScriptRaw(this.redis, 'settlement-read', [k.person, k.settlement(settlementId), k.authorizers], [])) as [
      Array<string | false | null>,
      Array<string | false | null>,
      string[],
    ];
    const [status, fp, plan, result, at] = journal.map((v) => (typeof v === 'string' ? v : undefined));
    return {
      payer: toFacts(person),
      journal: { ...(status && { status }), ...(fp && { fp }), ...(plan && { plan }), ...(result && { result }), ...(at && { at }) },
      authorizers: toAuthorizers(pairs(authorizers)),
    };
  }

  async operationOwner(kind: 'stl' | 'cnl', operationId: string): Promise<string | null> {
    return this.redis.get(this.keys.operationOwner(kind, operationId));
  }

  beginSettlement(cardHolder: string, settlementId: string, fingerprint: string, plan: string, now: number, institutionCode: string) {
    return runScript(this.redis, 'settlement-begin', [this.k(cardHolder).settlement(settlementId)], [fingerprint, plan, now, institutionCode]);
  }

  /** One idempotent debit; `entryHead` / `eventHead` are JSON objects without their closing brace. */
  debit(args: {
    account: string;
    operationId: string;
    want: number;
    mode: 'own' | 'shared';
    beneficiaryId: string;
    reserveFloor: number;
    reserveMode: 'floor' | 'gate';
    now: number;
    allOrNothing: boolean;
    entryHead: string;
    eventHead: string;
  }) {
    const k = this.k(args.account);
    return runScript(
      this.redis,
      'debit',
      [k.person, k.applied, k.beneficiaries, k.ledger, k.ledgerIndex, k.ledgerBy(args.beneficiaryId), k.monthly, k.feed],
      [
        args.operationId,
        args.want,
        args.mode,
        args.beneficiaryId,
        args.reserveFloor,
        args.reserveMode,
        args.now,
        chinaMonth(args.now),
        args.entryHead,
        args.allOrNothing ? '1' : '0',
        args.eventHead,
      ],
    );
  }

  finishSettlement(cardHolder: string, settlementId: string, result: string, now: number, recordHead: string, event: object | null) {
    const k = this.k(cardHolder);
    return runScript(
      this.redis,
      'settlement-finish',
      [k.person, k.settlement(settlementId), k.payments, k.paymentIndex, k.feed],
      [result, now, recordHead, event ? JSON.stringify(event) : ''],
    );
  }

  async settlementJournal(cardHolder: string, settlementId: string): Promise<Record<string, string>> {
    return this.redis.hgetall(this.k(cardHolder).settlement(settlementId));
  }

  // ---- the counter: institutions, cancellations, reversals (R21–R24) ----

  async saveInstitutions(records: readonly InstitutionRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.redis.hset(this.keys.institutions, Object.fromEntries(records.map((r) => [r.code, JSON.stringify(r)])));
  }

  async institution(code: string): Promise<InstitutionRecord | null> {
    const json = await this.redis.hget(this.keys.institutions, code);
    return json ? (JSON.parse(json) as InstitutionRecord) : null;
  }

  async institutions(): Promise<InstitutionRecord[]> {
    const raw = await this.redis.hvals(this.keys.institutions);
    return raw.map((json) => JSON.parse(json) as InstitutionRecord).sort((a, b) => (a.code < b.code ? -1 : 1));
  }

  /** Listing only (the counter's day); written after the settlement finished, outside its scripts. */
  async addToCounterDay(institutionCode: string, at: number, settlementId: string, cardHolder: string): Promise<void> {
    await this.redis.zadd(this.keys.counterDay(institutionCode, chinaDate(at)), String(at), `${settlementId}|${cardHolder}`);
  }

  async counterDay(institutionCode: string, day: string): Promise<Array<{ settlementId: string; cardHolder: string }>> {
    const members = await this.redis.zrange(this.keys.counterDay(institutionCode, day), '0', '-1');
    return members.map((m) => {
      const [settlementId = '', cardHolder = ''] = m.split('|');
      return { settlementId, cardHolder };
    });
  }

  /** Kills an unused id (R24): true when it was unused and now never can be; false when it was claimed. */
  async tombstoneOperationId(kind: 'stl' | 'cnl', operationId: string): Promise<{ killed: boolean; owner: string }> {
    const key = this.keys.operationOwner(kind, operationId);
    const set = await this.redis.set(key, REVERSED_OWNER, 'NX');
    return set === 'OK' ? { killed: true, owner: REVERSED_OWNER } : { killed: false, owner: (await this.redis.get(key)) ?? REVERSED_OWNER };
  }

  cancelBegin(cardHolder: string, settlementId: string, cancellationId: string, fingerprint: string, now: number, windowMs: number, institutionCode: string) {
    const k = this.k(cardHolder);
    return runScript(
      this.redis,
      'cancel-begin',
      [k.settlement(settlementId), k.cancellation(cancellationId)],
      [cancellationId, settlementId, fingerprint, now, windowMs, institutionCode],
    );
  }

  cancelFinish(cardHolder: string, settlementId: string, cancellationId: string, result: string, now: number, recordHead: string, event: object | null) {
    const k = this.k(cardHolder);
    return runScript(
      this.redis,
      'cancel-finish',
      [k.person, k.settlement(settlementId), k.cancellation(cancellationId), k.payments, k.paymentIndex, k.paymentMarks, k.feed],
      [result, now, recordHead, event ? JSON.stringify(event) : ''],
    );
  }

  async cancellationJournal(cardHolder: string, cancellationId: string): Promise<Record<string, string>> {
    return this.redis.hgetall(this.k(cardHolder).cancellation(cancellationId));
  }

  /** One account's refund of one settlement (refund.lua); heads are JSON objects without their closing brace. */
  refund(args: {
    account: string;
    settlementId: string;
    refundOp: string;
    beneficiaryId: string;
    settlementAt: number;
    now: number;
    entryHead: string;
    eventHead: string;
    markHead: string;
  }) {
    const k = this.k(args.account);
    return runScript(
      this.redis,
      'refund',
      [k.person, k.applied, k.ledger, k.ledgerIndex, k.ledgerBy(args.beneficiaryId), k.monthly, k.feed, k.ledgerMarks],
      [`stl:${args.settlementId}`, args.refundOp, args.now, chinaMonth(args.settlementAt), args.beneficiaryId, args.entryHead, args.eventHead, args.markHead],
    );
  }

  /** One account's take-back of a cancellation's refund (take-back.lua). */
  takeBack(args: {
    account: string;
    settlementId: string;
    cancellationId: string;
    beneficiaryId: string;
    settlementAt: number;
    now: number;
    mode: 'own' | 'shared';
    reserveFloor: number;
    reserveMode: 'floor' | 'gate';
    entryHead: string;
    eventHead: string;
  }) {
    const k = this.k(args.account);
    return runScript(
      this.redis,
      'take-back',
      [k.person, k.applied, k.ledger, k.ledgerIndex, k.ledgerBy(args.beneficiaryId), k.monthly, k.feed, k.ledgerMarks],
      [
        `cnl:${args.cancellationId}`,
        `rcn:${args.cancellationId}`,
        args.now,
        chinaMonth(args.settlementAt),
        args.beneficiaryId,
        args.entryHead,
        args.eventHead,
        args.mode,
        args.reserveFloor,
        args.reserveMode,
        `stl:${args.settlementId}`,
      ],
    );
  }

  reverseBegin(cardHolder: string, kind: 'settlement' | 'cancellation', settlementId: string, cancellationId: string | null, institutionCode: string, now: number, neverBegun: string) {
    const k = this.k(cardHolder);
    const journal = k.settlement(settlementId);
    return runScript(
      this.redis,
      'reverse-begin',
      [journal, cancellationId ? k.cancellation(cancellationId) : journal],
      [kind, institutionCode, now, neverBegun],
    );
  }

  reverseFinish(
    cardHolder: string,
    kind: 'settlement' | 'cancellation',
    settlementId: string,
    cancellationId: string | null,
    answer: string,
    now: number,
    recordHead: string,
    event: object | null,
  ) {
    const k = this.k(cardHolder);
    const journal = k.settlement(settlementId);
    return runScript(
      this.redis,
      'reverse-finish',
      [k.person, journal, cancellationId ? k.cancellation(cancellationId) : journal, k.payments, k.paymentIndex, k.paymentMarks, k.feed],
      [kind, answer, now, recordHead, event ? JSON.stringify(event) : '', cancellationId ?? ''],
    );
  }

  // ---- premiums ----

  async premiumTable(): Promise<Record<string, number>> {
    const raw = await this.redis.hgetall(this.keys.premiumTable);
    return Object.fromEntries(Object.entries(raw).map(([year, fen]) => [year, Number(fen)]));
  }

  async setPremium(year: number, amount: number): Promise<void> {
    await this.redis.hset(this.keys.premiumTable, String(year), String(amount));
  }

  async premiumRecord(id: string, year: number): Promise<Record<string, string> | null> {
    const json = await this.redis.hget(this.k(id).premiums, String(year));
    return json ? (JSON.parse(json) as Record<string, string>) : null;
  }

  claimPremium(b: string, year: number, paymentId: string, now: number, staleMs: number, pending: object) {
    return runScript(this.redis, 'premium-claim', [this.k(b).premiums], [year, paymentId, now, staleMs, JSON.stringify(pending)]);
  }

  finishPremium(b: string, year: number, paymentId: string, outcome: 'paid' | 'release', paid: object, event: object) {
    const k = this.k(b);
    return runScript(
      this.redis,
      'premium-finish',
      [k.premiums, k.feed],
      [year, paymentId, outcome, JSON.stringify(paid), JSON.stringify(event)],
    );
  }

  // ---- ledger and feed queries: O(log n + page) whatever the length of the history ----

  async deductions(
    id: string,
    query: { beneficiary?: string; month?: string; cursor?: string; limit: number },
  ): Promise<Page<Deduction>> {
    const k = this.k(id);
    const index = query.beneficiary ? k.ledgerBy(query.beneficiary) : k.ledgerIndex;
    const scores = await this.scorePage(index, query);
    return { items: await this.withMarks<Deduction>(k.ledger, k.ledgerMarks, scores.items), nextCursor: scores.nextCursor };
  }

  async payments(id: string, query: { month?: string; cursor?: string; limit: number }): Promise<Page<PaymentRecord>> {
    const k = this.k(id);
    const scores = await this.scorePage(k.paymentIndex, query);
    return { items: await this.withMarks<PaymentRecord>(k.payments, k.paymentMarks, scores.items), nextCursor: scores.nextCursor };
  }

  /**
   * Entries by seq, each with what happened to it since (cancelled, taken back: R23, R24): the
   * entries are written once; the marks beside them change.
   */
  private async withMarks<T>(entriesKey: string, marksKey: string, seqs: string[]): Promise<T[]> {
    if (seqs.length === 0) return [];
    const [entries, marks] = await Promise.all([this.redis.hmget(entriesKey, ...seqs), this.redis.hmget(marksKey, ...seqs)]);
    const items: T[] = [];
    entries.forEach((json, i) => {
      if (json === null) return;
      const mark = marks[i];
      items.push((mark ? { ...JSON.parse(json), ...JSON.parse(mark) } : JSON.parse(json)) as T);
    });
    return items;
  }

  /** Newest first; scores are epoch-ms × 1000 (+ a tie-breaker), so a month is a score range. */
  private async scorePage(
    index: string,
    query: { month?: string; cursor?: string; limit: number },
  ): Promise<Page<string>> {
    let max = '+inf';
    let min = '-inf';
    if (query.month) {
      const [start, end] = chinaMonthRange(query.month);
      min = String(start * 1000);
      max = `(${end * 1000}`;
    }
    if (query.cursor) {
      const cursor = BigInt(query.cursor);
      if (max === '+inf' || cursor < BigInt(max.slice(1))) max = `(${query.cursor}`;
    }
    const scores = await this.redis.zrange(index, max, min, 'BYSCORE', 'REV', 'LIMIT', 0, query.limit + 1);
    const items = scores.slice(0, query.limit);
    return { items, nextCursor: scores.length > query.limit ? (items.at(-1) ?? null) : null };
  }

  async monthlyTotals(id: string): Promise<Record<string, number>> {
    const raw = await this.redis.hgetall(this.k(id).monthly);
    return Object.fromEntries(Object.entries(raw).map(([field, fen]) => [field, Number(fen)]));
  }

  async appendFeed(id: string, event: object): Promise<void> {
    await this.redis.xadd(this.k(id).feed, 'MAXLEN', '~', '1000', '*', 'e', JSON.stringify(event));
  }

  async feed(id: string, query: { cursor?: string; limit: number }): Promise<Page<FeedEvent>> {
    const end = query.cursor ? `(${query.cursor}` : '+';
    const raw = (await this.redis.xrevrange(this.k(id).feed, end, '-', 'COUNT', query.limit + 1)) as Array<[string, string[]]>;
    const page = raw.slice(0, query.limit).map(([streamId, fields]) => {
      const event = JSON.parse(fields[1] ?? '{}') as { kind: FeedEvent['kind']; at: number } & Record<string, unknown>;
      const { kind, at, ...data } = event;
      return { id: streamId, kind, at, data };
    });
    return { items: page, nextCursor: raw.length > query.limit ? (page.at(-1)?.id ?? null) : null };
  }

  // ---- manual reimbursement claims ----

  async saveClaim(claim: PlatformClaim): Promise<void> {
    await this.redis.hset(this.k(claim.psnNo).claims, claim.claimId, JSON.stringify(claim));
  }

  async claims(id: string): Promise<PlatformClaim[]> {
    const raw = await this.redis.hvals(this.k(id).claims);
    return raw.map((json) => JSON.parse(json) as PlatformClaim).sort((x, y) => y.filedAt - x.filedAt);
  }

  // ---- operations in flight, for the recovery sweeper ----

  async addPendingOperation(op: object, dueAt: number): Promise<string> {
    const member = JSON.stringify(op);
    await this.redis.zadd(this.keys.pendingOperations, dueAt, member);
    return member;
  }

  async removePendingOperation(member: string): Promise<void> {
    await this.redis.zrem(this.keys.pendingOperations, member);
  }

  async duePendingOperations(now: number, limit = 50): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.pendingOperations, '-inf', now, 'LIMIT', 0, limit);
  }
}
