import { randomUUID } from 'node:crypto';
import {
  maskName,
  requestFingerprint,
  type CancellationRequest,
  type CounterCancellation,
  type SettlementResult,
  fail,
  ok,
  type Result,
} from '@family-share/shared';
import { jsonHead, RECOVERY_DELAY_MS, type PlatformDeps } from '../deps';
import { REVERSED_OWNER } from '../store/platform-store';
import type { StoredPlan } from './settle';

const DAY_MS = 86_400_000;

/** "cardHolder|rest": who an operation id belongs to, as claimOperationId recorded it. */
export function ownerHolder(owner: string): string {
  return owner.slice(0, owner.indexOf('|'));
}

/**
 * R23, cancellation (撤销, national 2103 / 2208) of a whole settlement, under its own id.
 *
 * Every fen goes back to exactly the account it came from: each account's refund script gives
 * back what the settlement's debit recorded there (refund.lua), and checks neither binding nor
 * insurance — the money was that account's, even if the binding ended or the authorizer left
 * employee insurance since (R7, R8). The cash part is reported as due back at the counter.
 * DECISION: applied once per settlement — a retry with the same id returns the first answer;
 * another cancellation id for a settlement already cancelled is SETTLEMENT_ALREADY_CANCELLED
 * (the counter must not believe a second refund happened). Only the institution that made
 * the settlement cancels it (INSTITUTION_MISMATCH), within `cancellationWindowDays`.
 *
 * Steps, each idempotent, and what a crash after each leaves (issue 14: the reads of the
 * institution and the settlement's owner are sent together, and so are (1) and (2), and (3)
 * with the card holder's read):
 * (1) the id claimed (global, SET NX) — nothing else; a retry goes on; a reversal tombstones it;
 * (2) this attempt's pending operation for the sweeper, which re-runs this function; sent with
 *     (1) and answered before anything else is done; when the claim refuses, this attempt
 *     removes its own entry (a crash before that: the sweeper's re-run is refused and drops it);
 * (3) cancel-begin on the card holder's slot: all checks, then the cancellation journal and the
 *     settlement marked as cancelled by this id — atomically, so that no second cancellation
 *     and no reversal of the settlement can start; a crash here leaves a journal the sweeper
 *     (or a retry) resumes;
 * (4) one refund per account of the plan (refund.lua, keyed by this id) — a crash between two
 *     leaves some accounts refunded; the resume refunds the others, the first ones answer
 *     their recorded refund again;
 * (5) cancel-finish on the card holder's slot: the refund record, the payment marked, the notice;
 * (6) the pending operation removed (a crash before it: the sweeper re-runs, all steps answer "done").
 */
export async function cancelSettlement(deps: PlatformDeps, request: CancellationRequest): Promise<Result<CounterCancellation>> {
  const { store, policy } = deps;
  const { cancellationId, settlementId, institutionCode } = request;
  const [institution, settlementOwner] = await Promise.all([store.institution(institutionCode), store.operationOwner('stl', settlementId)]);
  if (!institution) return fail('INSTITUTION_UNKNOWN');
  if (settlementOwner === null) return fail('SETTLEMENT_NOT_FOUND');
  if (settlementOwner === REVERSED_OWNER) return fail('SETTLEMENT_REVERSED');
  const cardHolder = ownerHolder(settlementOwner);

  const fingerprint = requestFingerprint({ settlementId, institution: institutionCode });
  const owner = `${cardHolder}|${fingerprint}`;
  const now = deps.clock();
  // Issued in this order on one connection: the claim, then this attempt's recovery entry.
  const [claimed, op] = await Promise.all([
    store.claimOperationId('cnl', cancellationId, owner),
    store.addPendingOperation({ type: 'cancellation', request, attempt: randomUUID() }, now + RECOVERY_DELAY_MS),
  ]);
  if (claimed !== owner) {
    await store.removePendingOperation(op);
    return fail(claimed === REVERSED_OWNER ? 'OPERATION_REVERSED' : 'IDEMPOTENCY_KEY_REUSED');
  }
  // The card holder is read right after the begin script, on the same slot and connection.
  const [begin, payer] = await Promise.all([
    store.cancelBegin(cardHolder, settlementId, cancellationId, fingerprint, now, policy.cancellationWindowDays * DAY_MS, institutionCode),
    store.getPerson(cardHolder),
  ]);
  if (begin[0] !== 'NEW' && begin[0] !== 'RESUME') {
    await store.removePendingOperation(op);
    if (begin[0] === 'DONE') return ok(JSON.parse(begin[1] ?? '{}') as CounterCancellation);
    return fail(begin[0] as Parameters<typeof fail>[0]);
  }
  const plan = JSON.parse(begin[1] ?? '{}') as StoredPlan;
  const settlement = JSON.parse(begin[2] ?? '{}') as SettlementResult;
  const settlementAt = Number(begin[3]);
  const at = Number(begin[4]);
  const payerName = payer?.name ?? '';
  const names = new Map(settlement.shared.map((part) => [part.authorizerId, part.authorizerName]));

  const answer: CounterCancellation = {
    cancellationId,
    settlementId,
    institutionCode,
    charge: settlement.charge,
    at,
    acctPay: 0,
    acctMulaidPay: 0,
    mulaid: [],
    psnCashPay: settlement.cash,
    balc: settlement.ownBalanceAfter === null ? null : (payer?.balance ?? 0),
  };
  const sharedBack: Array<{ authorizerId: string; authorizerName: string; amount: number }> = [];
  for (const [index, step] of plan.steps.entries()) {
    const reply = await store.refund({
      account: step.account,
      settlementId,
      refundOp: `cnl:${cancellationId}`,
      beneficiaryId: cardHolder,
      settlementAt,
      now: at,
      entryHead: jsonHead({
        operationId: cancellationId,
        kind: 'refund',
        at,
        accountHolderId: step.account,
        beneficiaryId: cardHolder,
        beneficiaryName: payerName,
        institution: settlement.institution,
        year: null,
        refundOf: settlementId,
        cancellationId,
      }),
      eventHead:
        step.mode === 'shared'
          ? jsonHead({ kind: 'REFUND', at, operationId: cancellationId, refundOf: settlementId, beneficiaryId: cardHolder, beneficiaryName: payerName, institutionName: settlement.institution.name })
          : '',
      markHead: jsonHead({ cancelled: true, cancellationId }),
    });
    const amount = Number(reply[0]);
    if (step.mode === 'own') {
      answer.acctPay = amount;
      answer.balc = Number(reply[1]);
    } else if (amount > 0) {
      const authorizerName = names.get(step.account) ?? '';
      sharedBack.push({ authorizerId: step.account, authorizerName, amount });
      answer.mulaid.push({ maskedName: maskName(authorizerName), amount });
      answer.acctMulaidPay += amount;
      deps.notifier.notify(step.account, { kind: 'REFUND', at, amount, beneficiaryName: payerName });
    }
    await deps.faults?.afterRefundStep?.(`cnl:${cancellationId}`, index);
  }

  const event = {
    kind: 'PAYMENT_CANCELLED',
    at,
    settlementId,
    cancellationId,
    institutionName: settlement.institution.name,
    charge: settlement.charge,
    own: answer.acctPay,
    shared: answer.acctMulaidPay,
    cash: answer.psnCashPay,
  };
  const record = jsonHead({
    settlementId,
    at,
    institution: settlement.institution,
    charge: settlement.charge,
    own: answer.acctPay,
    shared: sharedBack,
    cash: answer.psnCashPay,
    kind: 'refund',
    cancellationId,
  });
  const finish = await store.cancelFinish(cardHolder, settlementId, cancellationId, JSON.stringify(answer), at, record, event);
  await store.removePendingOperation(op);
  if (finish[0] !== 'OK') return fail('OPERATION_REVERSED');
  deps.notifier.notify(cardHolder, event);
  return ok(JSON.parse(finish[1] ?? '{}') as CounterCancellation);
}
