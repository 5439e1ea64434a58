import {
  maskName,
  type CounterReversal,
  type ReversalRequest,
  type SettlementResult,
  fail,
  ok,
  type Result,
} from '@family-share/shared';
import { jsonHead, RECOVERY_DELAY_MS, type PlatformDeps } from '../deps';
import { REVERSED_OWNER } from '../store/platform-store';
import { ownerHolder } from './cancel-settlement';
import type { StoredPlan } from './settle';

type Kind = 'settlement' | 'cancellation';

/**
 * R24, reversal (冲正, national 2601) of a settlement or a cancellation whose answer the counter
 * never got, named by its original request id. Applied → undone exactly; never applied →
 * nothing changes and the id is dead for good — for a retry and for the recovery sweeper.
 *
 * Why a reversal and a half-done settlement (or the sweeper finishing it) can never leave a
 * debit standing. The settlement's moves are: claim the id (global SET NX) → begin (journal and
 * plan, card holder's slot) → one debit per plan account (each account's slot) → finish (card
 * holder's slot). The reversal's are:
 *  (a) SET NX the id's owner to REVERSED. If that succeeds the id was never claimed; every later
 *      claim by a settlement fails with OPERATION_REVERSED. Nothing else to do.
 *  (b) Otherwise reverse-begin on the card holder's slot sets the journal to 'reversing' — or,
 *      when there is no journal yet (claimed, not begun), writes a tombstone journal 'reversed'.
 *      settlement-begin, settlement-finish, cancel-begin and cancel-finish run on that same slot
 *      and refuse once they see it. Redis runs scripts of one slot one after the other, so
 *      either begin ran first — then the plan, which fixes every account a debit can ever touch,
 *      is in the journal for the reversal to read — or the tombstone did, and no debit will
 *      ever be attempted.
 *  (c) For each plan account, refund.lua in that account's slot, keyed by the debit's op id:
 *      if the debit applied, it gives back exactly what the debit recorded (and what the
 *      settlement still holds there); if it did not, it writes the debit's applied-record as
 *      a tombstone (take 0, REVERSED). A debit is only ever applied by debit.lua, which first
 *      looks for that record: a debit that comes after the refund takes nothing. Per account,
 *      "debit then refund" gives back what was taken, "refund then debit" takes nothing.
 *  (d) reverse-finish on the card holder's slot: 'reversed', the answer, the records, the notice.
 * The sweeper only ever re-runs settle() (refused at begin or finish after (b)) or this function
 * (idempotent at every step), so racing them changes nothing above.
 *
 * A reversed cancellation is the same with take-back.lua: each refund keyed by the cancellation
 * is taken back, or tombstoned if it never applied; the settlement stands again and may be
 * cancelled anew. DECISION: family money is taken back only down to the R13 floor of the moment;
 * what an account can no longer give is reported in psnCashPay, to be paid at the counter.
 *
 * Crash between steps: after (a) nothing is pending; after (b) a pending operation is in the
 * sweeper's set (added before (b)) and re-running this function resumes from the journal; after
 * some of (c) the others follow on the resume; after (d) only the pending entry is left, and
 * removing it is the last step.
 *
 * DECISION: reversing a settlement that is cancelled, or being cancelled, is refused
 * (SETTLEMENT_ALREADY_CANCELLED): reverse the cancellation first. An id given without its kind
 * is looked up as both; an id that names neither is killed as both.
 */
export async function reverseOperation(deps: PlatformDeps, request: ReversalRequest): Promise<Result<CounterReversal>> {
  const { store, policy } = deps;
  const { originalRequestId: id, institutionCode } = request;
  if (!(await store.institution(institutionCode))) return fail('INSTITUTION_UNKNOWN');

  const kinds: Kind[] = request.originalKind ? [request.originalKind] : ['settlement', 'cancellation'];
  const owners = await Promise.all(kinds.map((kind) => store.tombstoneOperationId(kind === 'settlement' ? 'stl' : 'cnl', id)));
  const live = kinds.map((kind, i) => ({ kind, owner: owners[i]!.owner })).filter((x) => x.owner !== REVERSED_OWNER);
  const now = deps.clock();
  const empty = { acctPay: 0, acctMulaidPay: 0, mulaid: [], psnCashPay: 0, balc: null };
  if (live.length === 0) return ok({ originalRequestId: id, originalKind: request.originalKind ?? null, applied: false, at: now, ...empty });
  if (live.length > 1) return fail('REVERSAL_AMBIGUOUS');
  const { kind, owner } = live[0]!;
  const cardHolder = ownerHolder(owner);
  // A cancellation's owner is "cardHolder|{institution, settlementId}" (its fingerprint).
  const settlementId = kind === 'settlement' ? id : (JSON.parse(owner.slice(cardHolder.length + 1)) as { settlementId: string }).settlementId;
  const cancellationId = kind === 'cancellation' ? id : null;

  const op = await store.addPendingOperation({ type: 'reversal', request: { ...request, originalKind: kind } }, now + RECOVERY_DELAY_MS);
  const notApplied: CounterReversal = { originalRequestId: id, originalKind: kind, applied: false, at: now, ...empty };
  const begin = await store.reverseBegin(cardHolder, kind, settlementId, cancellationId, institutionCode, now, JSON.stringify(notApplied));
  if (begin[0] !== 'REVERSE') {
    await store.removePendingOperation(op);
    if (begin[0] === 'NEVER_BEGUN' || begin[0] === 'DONE') return ok(JSON.parse(begin[1] || JSON.stringify(notApplied)) as CounterReversal);
    return fail(begin[0] as Parameters<typeof fail>[0]);
  }
  const plan = begin[1] ? (JSON.parse(begin[1]) as StoredPlan) : { steps: [], at: now };
  const previous = begin[2] ?? '';
  const settlement = begin[3] ? (JSON.parse(begin[3]) as SettlementResult) : null;
  const settlementAt = Number(begin[4] || plan.at);
  const people = await store.getPersons([cardHolder, ...plan.steps.map((s) => s.account)]);
  const payerName = people.get(cardHolder)?.name ?? '';
  const institution = settlement?.institution ?? null;
  const institutionName = institution?.name ?? '';

  const answer: CounterReversal = { ...notApplied, balc: people.get(cardHolder)?.insurance === 'employee' ? (people.get(cardHolder)?.balance ?? 0) : null };
  const parts: Array<{ authorizerId: string; authorizerName: string; amount: number }> = [];
  let moved = 0;
  for (const [index, step] of plan.steps.entries()) {
    const entry = {
      operationId: kind === 'settlement' ? settlementId : id,
      kind: kind === 'settlement' ? 'refund' : 'refund_taken_back',
      at: now,
      accountHolderId: step.account,
      beneficiaryId: cardHolder,
      beneficiaryName: payerName,
      institution,
      year: null,
      refundOf: settlementId,
      cancellationId,
    };
    const eventHead =
      step.mode === 'shared'
        ? jsonHead({ kind: kind === 'settlement' ? 'REFUND' : 'REFUND_TAKEN_BACK', at: now, operationId: id, refundOf: settlementId, beneficiaryId: cardHolder, beneficiaryName: payerName, institutionName })
        : '';
    let amount: number;
    if (kind === 'settlement') {
      const reply = await store.refund({
        account: step.account,
        settlementId,
        refundOp: `rev:${settlementId}`,
        beneficiaryId: cardHolder,
        settlementAt,
        now,
        entryHead: jsonHead(entry),
        eventHead,
        markHead: jsonHead({ cancelled: true, cancellationId: null }),
      });
      amount = Number(reply[0]);
      if (step.mode === 'own') answer.balc = Number(reply[1]);
    } else {
      const reply = await store.takeBack({
        account: step.account,
        settlementId,
        cancellationId: id,
        beneficiaryId: cardHolder,
        settlementAt,
        now,
        mode: step.mode,
        reserveFloor: policy.reserveFloor,
        reserveMode: policy.reserveMode,
        entryHead: jsonHead(entry),
        eventHead,
      });
      amount = Number(reply[0]);
      answer.psnCashPay += Number(reply[4] ?? 0) - amount;
      if (step.mode === 'own') answer.balc = Number(reply[1]);
    }
    moved += amount;
    if (step.mode === 'own') answer.acctPay = amount;
    else if (amount > 0) {
      const authorizerName = people.get(step.account)?.name ?? '';
      parts.push({ authorizerId: step.account, authorizerName, amount });
      answer.mulaid.push({ maskedName: maskName(authorizerName), amount });
      answer.acctMulaidPay += amount;
      deps.notifier.notify(step.account, { kind: kind === 'settlement' ? 'REFUND' : 'REFUND_TAKEN_BACK', at: now, amount, beneficiaryName: payerName });
    }
    await deps.faults?.afterRefundStep?.(`rev:${id}`, index);
  }
  answer.applied = previous === 'done' || moved > 0;
  // A reversed settlement that had finished: its cash part is due back at the counter, as in a cancellation.
  if (kind === 'settlement' && previous === 'done' && settlement) answer.psnCashPay = settlement.cash;

  const paymentFinished = kind === 'settlement' && previous === 'done' && settlement !== null;
  const record = paymentFinished
    ? jsonHead({ settlementId, at: now, institution, charge: settlement.charge, own: answer.acctPay, shared: parts, cash: answer.psnCashPay, kind: 'refund', cancellationId: null })
    : '';
  const event = answer.applied
    ? kind === 'settlement'
      ? { kind: 'PAYMENT_CANCELLED', at: now, settlementId, cancellationId: null, reversed: true, institutionName, own: answer.acctPay, shared: answer.acctMulaidPay, cash: answer.psnCashPay }
      : { kind: 'REFUND_TAKEN_BACK', at: now, settlementId, cancellationId: id, institutionName, own: answer.acctPay, shared: answer.acctMulaidPay, cash: answer.psnCashPay }
    : null;
  const finish = await store.reverseFinish(cardHolder, kind, settlementId, cancellationId, JSON.stringify(answer), now, record, event);
  await store.removePendingOperation(op);
  if (event) deps.notifier.notify(cardHolder, event);
  return ok(JSON.parse(finish[1] ?? '{}') as CounterReversal);
}
