import {
  fundingOrder,
  maskName,
  requestFingerprint,
  type CounterSettlement,
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
import { REVERSED_OWNER, type StoredPerson } from '../store/platform-store';
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
 * Steps and what a crash after each leaves: (1) the id claimed — nothing else; a retry goes
 * on, a reversal finds no journal and tombstones it; (2) a pending operation for the sweeper;
 * (3) the journal with the plan — the sweeper resumes; (4) each debit, idempotent per account;
 * (5) the finish: result, payment record, notice; (6) the counter's day listing (a retry or the
 * sweeper writes it again: it is idempotent); (7) the pending operation removed.
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
  const claimed = await store.claimOperationId('stl', command.settlementId, owner);
  if (claimed === REVERSED_OWNER) return fail('OPERATION_REVERSED');
  if (claimed !== owner) return fail('IDEMPOTENCY_KEY_REUSED');

  const [payer, journal] = await Promise.all([store.getPerson(cardHolder), store.settlementJournal(cardHolder, command.settlementId)]);
  if (!payer) return fail('PERSON_NOT_FOUND');
  if (journal.status === 'reversing' || journal.status === 'reversed') return fail('OPERATION_REVERSED');
  if (journal.status === 'done' && journal.result) {
    // Also lists it for the counter's day, in case a crash came between the finish and that write.
    await store.addToCounterDay(command.institutionCode, Number(journal.at), command.settlementId, cardHolder);
    return ok(JSON.parse(journal.result) as SettlementResult);
  }
  if (!journal.fp && (payer.insurance === null || payer.status !== 'active')) return fail('PAYER_NOT_INSURED');

  const now = deps.clock();
  // People read for the plan name the authorizers below; a resumed plan reads them again.
  const known = new Map<string, StoredPerson>([[cardHolder, payer]]);
  const plan = journal.plan ? (JSON.parse(journal.plan) as StoredPlan) : (await makePlan(deps, command, institution, payer, now, known)).plan;
  const op = await store.addPendingOperation({ type: 'settlement', request: command }, now + RECOVERY_DELAY_MS);
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
  const names = unknown.length > 0 ? new Map([...known, ...(await store.getPersons(unknown))]) : known;
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
      deps.notifier.notify(step.account, { kind: 'DEDUCTION', at: stored.at, amount: take, beneficiaryName: payer.name });
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
  if (finish[0] === 'OK') await store.addToCounterDay(command.institutionCode, stored.at, command.settlementId, cardHolder);
  await store.removePendingOperation(op);
  if (finish[0] === 'REVERSED') return fail('OPERATION_REVERSED');
  if (sharedTotal > 0) deps.notifier.notify(cardHolder, paymentEvent);
  return ok(JSON.parse(finish[1] ?? '{}') as SettlementResult);
}

/**
 * R11–R14 via fundingOrder on the balances of now; accounts that cannot share give nothing,
 * and at an institution where sharing is not open (R21) no authorizer is asked at all. The
 * authorizers it reads are added to `known`. Also answers the pre-settlement (R22): `sources`
 * says what each account could give now.
 */
export async function makePlan(
  deps: PlatformDeps,
  command: Pick<SettleCommand, 'cardHolder' | 'charge' | 'choice'>,
  institution: InstitutionRecord,
  payer: StoredPerson,
  now: number,
  known: Map<string, StoredPerson>,
): Promise<{ plan: StoredPlan; sources: FundingSource[] }> {
  const { store } = deps;
  const order = await store.authorizersOf(command.cardHolder);
  const open = sharingAllowedAt(institution, deps.policy);
  const people = open ? await store.getPersons(order.map((e) => e.authorizerId)) : new Map<string, StoredPerson>();
  for (const [id, person] of people) known.set(id, person);
  const sources = fundingOrder(
    {
      charge: command.charge,
      payer: { insurance: payer.insurance === 'employee' ? 'employee' : 'resident', balance: payer.balance },
      authorizers: open
        ? order.map((e) => {
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
      noSharingReason: !open && order.length > 0 ? 'INSTITUTION_NOT_OPEN_FOR_SHARING' : null,
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
