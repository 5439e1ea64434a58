import { randomUUID } from 'node:crypto';
import {
  fundingOrder,
  maskName,
  requestFingerprint,
  type CounterSettlement,
  type ErrorCode,
  type CounterSplit,
  type FundingSource,
  type InstitutionRecord,
  type Policy,
  type SettlementRequest,
  type SettlementResult,
  fail,
  ok,
  type Result,
} from '@family-share/shared';
import { jsonHead, RECOVERY_DELAY_MS, type PlatformDeps } from '../deps';
import { institutionRef } from '../institutions';
import { REVERSED_OWNER, type AccountFacts, type AuthorizerEntry } from '../store/platform-store';
import { canShareFrom } from './person-view';

export interface PlanStep {
  account: string;
  mode: 'own' | 'shared';
}

export interface StoredPlan {
  steps: PlanStep[];
  at: number;
  /** R21: why no authorizer is in the plan although the card holder has some. */
  noSharingReason?: 'INSTITUTION_NOT_OPEN_FOR_SHARING' | null;
}

/**
 * What the counter's request names, the institution by its code only (R21), the card holder
 * by person number (a counter's ID number is resolved at the platform's edge).
 */
export interface SettleCommand {
  settlementId: string;
  cardHolder: string;
  charge: number;
  institutionCode: string;
  choice?: 'own' | 'authorizer' | undefined;
}

/** The old request shape (an institution object) and the counter's (a code) become one command. */
export function toCommand(request: SettlementRequest | SettleCommand): SettleCommand {
  return {
    settlementId: request.settlementId,
    cardHolder: 'cardHolderPsnNo' in request ? request.cardHolderPsnNo : request.cardHolder,
    charge: request.charge,
    institutionCode: request.institutionCode ?? ('institution' in request ? request.institution?.code : undefined) ?? '',
    ...(request.choice ? { choice: request.choice } : {}),
  };
}

/** R21: family-shared deductions only in the policy's region or where opened for cross-area sharing. */
export function sharingAllowedAt(institution: InstitutionRecord, policy: Policy): boolean {
  return institution.region.startsWith(policy.regionPrefix) || institution.sharingEnabled;
}

/**
 * A payment at a designated hospital or pharmacy (R10–R17, R21). allocatePayment's order —
 * fundingOrder — is fixed once per settlement from a snapshot and stored in its journal;
 * then each account is debited by its own atomic, idempotent script that takes at most what
 * R13 leaves usable at that moment. What is left is cash: a settlement is never refused for
 * lack of shared funds (R15). A retry with the same id resumes or returns the first result;
 * the same id with different content is IDEMPOTENCY_KEY_REUSED (R17); an id a reversal killed
 * or is undoing is OPERATION_REVERSED (R24) — see reverse-operation.ts for how a reversal and
 * this function (or the sweeper running it) can never leave a debit standing.
 *
 * Steps and what a crash after each leaves (issue 14: six round trips and one per debit):
 * (1) the institution read — nothing written;
 * (2) sent together: the id claimed, then a pending operation for the sweeper (this attempt's
 *     own entry), then a read of the card holder's slot (facts, journal, authorizers); all three
 *     are answered before anything else is done — the claim decides, and when it refuses, or the
 *     journal says done, reversed or nothing to do, this attempt removes its own entry again (a
 *     crash before that removal: the sweeper re-runs the request, which is refused or answers
 *     the result, and drops the entry); a crash after (2): the sweeper resumes;
 * (3) the authorizers' facts for the plan, one HMGET per authorizer's slot, sent together;
 * (4) the journal with the plan — the sweeper resumes;
 * (5) each debit, idempotent per account;
 * (6) the finish: result, payment record, notice in the feed;
 * (7) sent together: the counter's day listing (idempotent), the pending operation removed,
 *     and the WeChat nudges' outbox entries. The outbox (plat:outbox) is one stream for the
 *     whole platform, on its own slot: it cannot be written inside the finish script on a
 *     cluster, and a stream per slot would be a stream per person (a person's slot is their
 *     hash tag) that no consumer group could read. A crash before (7) loses the nudges only;
 *     the feed, written in (5) and (6), is the record (see wechat-notifier.ts).
 */
export async function settle(deps: PlatformDeps, request: SettlementRequest | SettleCommand): Promise<Result<SettlementResult>> {
  const command = toCommand(request);
  const { store, policy } = deps;
  const institution = await store.institution(command.institutionCode);
  if (!institution) return fail('INSTITUTION_UNKNOWN');
  const cardHolder = command.cardHolder;
  const fingerprint = requestFingerprint({
    cardHolder,
    charge: command.charge,
    institution: command.institutionCode,
    choice: command.choice ?? null,
  });
  const owner = `${cardHolder}|${fingerprint}`;
  const now = deps.clock();
  // Issued in this order on one connection: the claim, the entry, the read (step 2).
  const [claimed, op, start] = await Promise.all([
    store.claimOperationId('stl', command.settlementId, owner),
    store.addPendingOperation({ type: 'settlement', request: command, attempt: randomUUID() }, now + RECOVERY_DELAY_MS),
    store.settlementStart(cardHolder, command.settlementId),
  ]);
  const refuse = async (code: ErrorCode) => {
    await store.removePendingOperation(op);
    return fail(code);
  };
  if (claimed === REVERSED_OWNER) return refuse('OPERATION_REVERSED');
  if (claimed !== owner) return refuse('IDEMPOTENCY_KEY_REUSED');
  // Tests stop a settlement here, after its claim and its recovery entry, as a crash would.
  await deps.faults?.afterSettlementClaim?.(command.settlementId);

  const { payer, journal } = start;
  if (!payer) return refuse('PERSON_NOT_FOUND');
  if (journal.status === 'reversing' || journal.status === 'reversed') return refuse('OPERATION_REVERSED');
  if (journal.status === 'done' && journal.result) {
    // Also lists it for the counter's day, in case a crash came between the finish and that write.
    await Promise.all([
      store.addToCounterDay(command.institutionCode, Number(journal.at), command.settlementId, cardHolder),
      store.removePendingOperation(op),
    ]);
    return ok(JSON.parse(journal.result) as SettlementResult);
  }
  if (!journal.fp && (payer.insurance === null || payer.status !== 'active')) return refuse('PAYER_NOT_INSURED');

  // People read for the plan name the authorizers below; a resumed plan reads them again.
  const known = new Map<string, AccountFacts>([[cardHolder, payer]]);
  const plan = journal.plan
    ? (JSON.parse(journal.plan) as StoredPlan)
    : (await makePlan(deps, command, institution, payer, now, known, start.authorizers)).plan;
  const begin = await store.beginSettlement(cardHolder, command.settlementId, fingerprint, JSON.stringify(plan), now, command.institutionCode);
  if (begin[0] !== 'NEW' && begin[0] !== 'RESUME') {
    await store.removePendingOperation(op);
    if (begin[0] === 'DONE') return ok(JSON.parse(begin[1] ?? '{}') as SettlementResult);
    return fail(begin[0] === 'REVERSED' ? 'OPERATION_REVERSED' : 'IDEMPOTENCY_KEY_REUSED');
  }
  const stored = JSON.parse(begin[1] ?? '{}') as StoredPlan;

  const result: SettlementResult = {
    settlementId: command.settlementId,
    cardHolderId: cardHolder,
    charge: command.charge,
    own: 0,
    ownBalanceAfter: payer.insurance === 'employee' ? payer.balance : null,
    shared: [],
    cash: 0,
    institution: institutionRef(institution),
    at: stored.at,
    noSharingReason: stored.noSharingReason ?? null,
  };
  const unknown = stored.steps.map((s) => s.account).filter((account) => !known.has(account));
  const names = unknown.length > 0 ? new Map([...known, ...(await store.accountFacts(unknown))]) : known;
  const nudges: Array<[string, Parameters<PlatformDeps['notifier']['notify']>[1]]> = [];
  let remaining = command.charge;
  for (const [index, step] of stored.steps.entries()) {
    const entry = {
      operationId: command.settlementId,
      kind: 'settlement',
      at: stored.at,
      accountHolderId: step.account,
      beneficiaryId: cardHolder,
      beneficiaryName: payer.name,
      institution: result.institution,
      year: null,
    };
    const reply = await store.debit({
      account: step.account,
      operationId: `stl:${command.settlementId}`,
      want: remaining,
      mode: step.mode,
      beneficiaryId: cardHolder,
      reserveFloor: policy.reserveFloor,
      reserveMode: policy.reserveMode,
      now: stored.at,
      allOrNothing: false,
      entryHead: jsonHead(entry),
      eventHead:
        step.mode === 'shared'
          ? jsonHead({
              kind: 'DEDUCTION',
              at: stored.at,
              operationId: command.settlementId,
              deductionKind: 'settlement',
              beneficiaryId: cardHolder,
              beneficiaryName: payer.name,
              institutionName: institution.name,
            })
          : '',
    });
    const take = Number(reply[0]);
    remaining -= take;
    if (step.mode === 'own') {
      result.own = take;
      result.ownBalanceAfter = Number(reply[1]);
    } else if (take > 0) {
      result.shared.push({ authorizerId: step.account, authorizerName: names.get(step.account)?.name ?? '', amount: take });
      nudges.push([step.account, { kind: 'DEDUCTION', at: stored.at, amount: take, beneficiaryName: payer.name }]);
    }
    // Tests stop a settlement here, between two debits, as a crash would (R24 against the sweeper).
    await deps.faults?.afterSettlementDebit?.(command.settlementId, index);
  }
  result.cash = remaining;

  const sharedTotal = result.shared.reduce((sum, part) => sum + part.amount, 0);
  const paymentEvent = {
    kind: 'PAYMENT',
    at: stored.at,
    settlementId: command.settlementId,
    institutionName: institution.name,
    charge: command.charge,
    own: result.own,
    shared: sharedTotal,
    cash: result.cash,
  };
  const record = jsonHead({
    settlementId: command.settlementId,
    at: stored.at,
    institution: result.institution,
    charge: command.charge,
    own: result.own,
    shared: result.shared,
    cash: result.cash,
  });
  const finish = await store.finishSettlement(cardHolder, command.settlementId, JSON.stringify(result), stored.at, record, paymentEvent);
  // Step (7): everything below is issued in this tick, so that it travels together.
  if (finish[0] !== 'REVERSED' && sharedTotal > 0) nudges.push([cardHolder, paymentEvent]);
  for (const [person, event] of nudges) deps.notifier.notify(person, event);
  await Promise.all([
    finish[0] === 'OK' ? store.addToCounterDay(command.institutionCode, stored.at, command.settlementId, cardHolder) : null,
    store.removePendingOperation(op),
  ]);
  if (finish[0] === 'REVERSED') return fail('OPERATION_REVERSED');
  return ok(JSON.parse(finish[1] ?? '{}') as SettlementResult);
}

/**
 * R11–R14 via fundingOrder on the balances of now; accounts that cannot share give nothing,
 * and at an institution where sharing is not open (R21) no authorizer is asked at all. The
 * authorizers it reads are added to `known`. Also answers the pre-settlement (R22): `sources`
 * says what each account could give now. `order`: the card holder's authorizers when they
 * were read already.
 */
export async function makePlan(
  deps: PlatformDeps,
  command: Pick<SettleCommand, 'cardHolder' | 'charge' | 'choice'>,
  institution: InstitutionRecord,
  payer: AccountFacts,
  now: number,
  known: Map<string, AccountFacts>,
  order?: readonly AuthorizerEntry[],
): Promise<{ plan: StoredPlan; sources: FundingSource[] }> {
  const { store } = deps;
  const authorizers = order ?? (await store.authorizersOf(command.cardHolder));
  const open = sharingAllowedAt(institution, deps.policy);
  const people = open && authorizers.length > 0 ? await store.accountFacts(authorizers.map((e) => e.authorizerId)) : new Map<string, AccountFacts>();
  for (const [id, person] of people) known.set(id, person);
  const sources = fundingOrder(
    {
      charge: command.charge,
      payer: { insurance: payer.insurance === 'employee' ? 'employee' : 'resident', balance: payer.balance },
      authorizers: open
        ? authorizers.map((e) => {
            const person = people.get(e.authorizerId);
            return { id: e.authorizerId, balance: person && canShareFrom(person) ? person.balance : 0 };
          })
        : [],
      choice: open ? (command.choice ?? payer.accountChoice) : 'own',
    },
    deps.policy,
  );
  return {
    plan: {
      steps: sources.map((s) =>
        s.kind === 'own' ? { account: command.cardHolder, mode: 'own' } : { account: s.authorizerId ?? '', mode: 'shared' },
      ),
      at: now,
      noSharingReason: !open && authorizers.length > 0 ? 'INSTITUTION_NOT_OPEN_FOR_SHARING' : null,
    },
    sources,
  };
}

/** The counter's answer to a settlement (2102 / 2207). */
export function toCounterSettlement(result: SettlementResult): CounterSettlement {
  return {
    settlementId: result.settlementId,
    institutionCode: result.institution.code,
    charge: result.charge,
    at: result.at,
    noSharingReason: result.noSharingReason ?? null,
    ...toCounterSplit(result),
  };
}

/** The counter's view of a split (national acct_pay / acct_mulaid_pay / psn_cash_pay / balc): amounts and masked names only. */
export function toCounterSplit(result: Pick<SettlementResult, 'own' | 'shared' | 'cash' | 'ownBalanceAfter'>): CounterSplit {
  const mulaid = result.shared.map((part) => ({ maskedName: maskName(part.authorizerName), amount: part.amount }));
  return {
    acctPay: result.own,
    acctMulaidPay: mulaid.reduce((sum, part) => sum + part.amount, 0),
    mulaid,
    psnCashPay: result.cash,
    balc: result.ownBalanceAfter,
  };
}
