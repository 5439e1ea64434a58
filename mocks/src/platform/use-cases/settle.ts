import {
  fundingOrder,
  requestFingerprint,
  type SettlementRequest,
  type SettlementResult,
} from '@family-share/shared';
import { failWith, jsonHead, ok, RECOVERY_DELAY_MS, type PlatformDeps, type Result } from '../deps';
import type { StoredPerson } from '../store/platform-store';
import { canShareFrom } from './person-view';

interface PlanStep {
  account: string;
  mode: 'own' | 'shared';
}

interface StoredPlan {
  steps: PlanStep[];
  at: number;
}

/**
 * A payment at a designated hospital or pharmacy (R10–R17). allocatePayment's order —
 * fundingOrder — is fixed once per settlement from a snapshot and stored in its journal;
 * then each account is debited by its own atomic, idempotent script that takes at most what
 * R13 leaves usable at that moment. What is left is cash: a settlement is never refused for
 * lack of shared funds (R15). A retry with the same id resumes or returns the first result;
 * the same id with different content is IDEMPOTENCY_KEY_REUSED (R17).
 */
export async function settle(deps: PlatformDeps, request: SettlementRequest): Promise<Result<SettlementResult>> {
  const { store, policy } = deps;
  const cardHolder = request.cardHolderIdNumber;
  const fingerprint = requestFingerprint({
    cardHolder,
    charge: request.charge,
    institution: request.institution,
    choice: request.choice ?? null,
  });
  const owner = `${cardHolder}|${fingerprint}`;
  if ((await store.claimOperationId('stl', request.settlementId, owner)) !== owner) {
    return failWith('IDEMPOTENCY_KEY_REUSED');
  }

  const [payer, journal] = await Promise.all([store.getPerson(cardHolder), store.settlementJournal(cardHolder, request.settlementId)]);
  if (!payer) return failWith('PERSON_NOT_FOUND');
  if (journal.status === 'done' && journal.result) return ok(JSON.parse(journal.result) as SettlementResult);
  if (!journal.fp && (payer.insurance === null || payer.status !== 'active')) return failWith('PAYER_NOT_INSURED');

  const now = deps.clock();
  // People read for the plan name the authorizers below; a resumed plan reads them again.
  const known = new Map<string, StoredPerson>([[cardHolder, payer]]);
  const plan = journal.plan ? (JSON.parse(journal.plan) as StoredPlan) : await makePlan(deps, request, payer, now, known);
  const op = await store.addPendingOperation({ type: 'settlement', request }, now + RECOVERY_DELAY_MS);
  const begin = await store.beginSettlement(cardHolder, request.settlementId, fingerprint, JSON.stringify(plan), now);
  if (begin[0] === 'IDEMPOTENCY_KEY_REUSED') {
    await store.removePendingOperation(op);
    return failWith('IDEMPOTENCY_KEY_REUSED');
  }
  if (begin[0] === 'DONE') {
    await store.removePendingOperation(op);
    return ok(JSON.parse(begin[1] ?? '{}') as SettlementResult);
  }
  const stored = JSON.parse(begin[1] ?? '{}') as StoredPlan;

  const result: SettlementResult = {
    settlementId: request.settlementId,
    cardHolderId: cardHolder,
    charge: request.charge,
    own: 0,
    ownBalanceAfter: payer.insurance === 'employee' ? payer.balance : null,
    shared: [],
    cash: 0,
    institution: request.institution,
    at: stored.at,
  };
  const unknown = stored.steps.map((s) => s.account).filter((account) => !known.has(account));
  const names = unknown.length > 0 ? new Map([...known, ...(await store.getPersons(unknown))]) : known;
  let remaining = request.charge;
  for (const step of stored.steps) {
    const entry = {
      operationId: request.settlementId,
      kind: 'settlement',
      at: stored.at,
      accountHolderId: step.account,
      beneficiaryId: cardHolder,
      beneficiaryName: payer.name,
      institution: request.institution,
      year: null,
    };
    const reply = await store.debit({
      account: step.account,
      operationId: `stl:${request.settlementId}`,
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
              operationId: request.settlementId,
              deductionKind: 'settlement',
              beneficiaryId: cardHolder,
              beneficiaryName: payer.name,
              institutionName: request.institution.name,
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
  }
  result.cash = remaining;

  const sharedTotal = result.shared.reduce((sum, part) => sum + part.amount, 0);
  const paymentEvent = {
    kind: 'PAYMENT',
    at: stored.at,
    settlementId: request.settlementId,
    institutionName: request.institution.name,
    charge: request.charge,
    own: result.own,
    shared: sharedTotal,
    cash: result.cash,
  };
  const record = jsonHead({
    settlementId: request.settlementId,
    at: stored.at,
    institution: request.institution,
    charge: request.charge,
    own: result.own,
    shared: result.shared,
    cash: result.cash,
  });
  const finish = await store.finishSettlement(cardHolder, request.settlementId, JSON.stringify(result), stored.at, record, paymentEvent);
  await store.removePendingOperation(op);
  if (sharedTotal > 0) deps.notifier.notify(cardHolder, paymentEvent);
  return ok(JSON.parse(finish[1] ?? '{}') as SettlementResult);
}

/**
 * R11–R14 via fundingOrder on the balances of now; accounts that cannot share give nothing.
 * The authorizers it reads are added to `known`.
 */
async function makePlan(
  deps: PlatformDeps,
  request: SettlementRequest,
  payer: StoredPerson,
  now: number,
  known: Map<string, StoredPerson>,
): Promise<StoredPlan> {
  const { store } = deps;
  const order = await store.authorizersOf(request.cardHolderIdNumber);
  const people = await store.getPersons(order.map((e) => e.authorizerId));
  for (const [id, person] of people) known.set(id, person);
  const sources = fundingOrder(
    {
      charge: request.charge,
      payer: { insurance: payer.insurance === 'employee' ? 'employee' : 'resident', balance: payer.balance },
      authorizers: order.map((e) => {
        const person = people.get(e.authorizerId);
        return { id: e.authorizerId, balance: person && canShareFrom(person) ? person.balance : 0 };
      }),
      choice: request.choice ?? payer.accountChoice,
    },
    deps.policy,
  );
  return {
    steps: sources.map((s) =>
      s.kind === 'own'
        ? { account: request.cardHolderIdNumber, mode: 'own' }
        : { account: s.authorizerId ?? '', mode: 'shared' },
    ),
    at: now,
  };
}
