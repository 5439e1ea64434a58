import {
  checkPremiumPayment,
  requestFingerprint,
  type PremiumReceipt,
  fail,
  ok,
  type Result,
} from '@family-share/shared';
import { jsonHead, RECOVERY_DELAY_MS, STALE_CLAIM_MS, type PlatformDeps } from '../deps';
import { canShareFrom } from './person-view';

export interface PremiumPaymentRequest {
  paymentId: string;
  payerPsnNo: string;
  beneficiaryPsnNo: string;
  year: number;
}

/**
 * An authorizer pays a bound resident relative's premium for a year, whole or not at all
 * (R15), applied once (R17). Steps: claim the year on the relative's slot (two payers can
 * never both pay it), debit all-or-nothing on the payer's slot (R13 checked there), then mark
 * the year paid — or release the claim.
 */
export async function payPremium(deps: PlatformDeps, request: PremiumPaymentRequest): Promise<Result<PremiumReceipt>> {
  const { store, policy } = deps;
  const a = request.payerPsnNo;
  const b = request.beneficiaryPsnNo;
  const fingerprint = requestFingerprint({ a, b, year: request.year });
  const owner = `${a}|${fingerprint}`;
  if ((await store.claimOperationId('prm', request.paymentId, owner)) !== owner) return fail('IDEMPOTENCY_KEY_REUSED');

  const [payer, relative, links, record, table] = await Promise.all([
    store.getPerson(a),
    store.getPerson(b),
    store.beneficiariesOf(a),
    store.premiumRecord(b, request.year),
    store.premiumTable(),
  ]);
  if (!payer || !relative) return fail('PERSON_NOT_FOUND');
  if (record?.status === 'paid' && record.paymentId === request.paymentId) return ok(receiptFrom(record, relative.name));

  const bound = links.some((l) => l.beneficiaryId === b && l.state === 'active');
  const amountDue = table[String(request.year)] ?? null;
  const decision = checkPremiumPayment(
    {
      beneficiary: relative,
      bound,
      authorizerBalance: canShareFrom(payer) ? payer.balance : 0,
      amountDue,
      alreadyPaid: record?.status === 'paid',
    },
    policy,
  );
  const resuming = record?.status === 'pending' && record.paymentId === request.paymentId;
  if (!decision.ok && !resuming) return fail(decision.code);
  const amount = decision.ok ? decision.amount : Number(record?.amount ?? 0);

  const now = deps.clock();
  const op = await store.addPendingOperation({ type: 'premium', ...request }, now + RECOVERY_DELAY_MS);
  const pending = { status: 'pending', paymentId: request.paymentId, payerId: a, amount: String(amount), at: String(now) };
  const claim = await store.claimPremium(b, request.year, request.paymentId, now, STALE_CLAIM_MS, pending);
  if (claim[0] === 'DONE') {
    await store.removePendingOperation(op);
    return ok(receiptFrom(JSON.parse(claim[1] ?? '{}') as Record<string, string>, relative.name));
  }
  if (claim[0] !== 'OK') {
    await store.removePendingOperation(op);
    return fail(claim[0] === 'PREMIUM_ALREADY_PAID' ? 'PREMIUM_ALREADY_PAID' : 'REQUEST_IN_PROGRESS');
  }
  // The claim in force may be an earlier attempt of this same payment: its time is the payment's.
  const at = Number((JSON.parse(claim[1] ?? '{}') as { at?: string }).at ?? now);

  const reply = await store.debit({
    account: a,
    operationId: `prm:${request.paymentId}`,
    want: amount,
    mode: 'shared',
    beneficiaryId: b,
    reserveFloor: policy.reserveFloor,
    reserveMode: policy.reserveMode,
    now: at,
    allOrNothing: true,
    entryHead: jsonHead({
      operationId: request.paymentId,
      kind: 'premium',
      at,
      accountHolderId: a,
      beneficiaryId: b,
      beneficiaryName: relative.name,
      institution: null,
      year: request.year,
    }),
    eventHead: jsonHead({
      kind: 'DEDUCTION',
      at,
      operationId: request.paymentId,
      deductionKind: 'premium',
      beneficiaryId: b,
      beneficiaryName: relative.name,
      year: request.year,
    }),
  });
  const take = Number(reply[0]);
  const paid = {
    status: 'paid',
    paymentId: request.paymentId,
    payerId: a,
    amount: String(take),
    balanceAfter: reply[1] ?? '0',
    at: String(at),
  };
  const event = { kind: 'PREMIUM_PAID', at, paymentId: request.paymentId, year: request.year, amount: take, payerName: payer.name };
  if (take !== amount || take === 0) {
    await store.finishPremium(b, request.year, request.paymentId, 'release', paid, event);
    await store.removePendingOperation(op);
    return fail(reply[2] === 'NOT_BOUND' ? 'NOT_BOUND' : reply[2] === 'ACCOUNT_ABNORMAL' ? 'AUTHORIZER_ACCOUNT_ABNORMAL' : 'INSUFFICIENT_SHARED_BALANCE');
  }
  const finish = await store.finishPremium(b, request.year, request.paymentId, 'paid', paid, event);
  await store.removePendingOperation(op);
  if (finish[1] === 'paid') {
    deps.notifier.notify(a, { kind: 'DEDUCTION', at, amount: take, beneficiaryName: relative.name, year: request.year });
    deps.notifier.notify(b, event);
  }
  // Answer from what was stored, so that concurrent retries all return the first result (R17).
  const stored = await store.premiumRecord(b, request.year);
  return ok(receiptFrom(stored ?? paid, relative.name, b, request.year));

  function receiptFrom(r: Record<string, string>, name: string, beneficiaryId = b, year = request.year): PremiumReceipt {
    return {
      paymentId: r.paymentId ?? request.paymentId,
      payerId: r.payerId ?? a,
      beneficiaryId,
      beneficiaryName: name,
      year,
      amount: Number(r.amount ?? 0),
      balanceAfter: Number(r.balanceAfter ?? 0),
      at: Number(r.at ?? 0),
    };
  }
}
