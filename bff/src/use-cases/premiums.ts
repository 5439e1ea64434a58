import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { type BffPremiumReceiptSchema, chinaDate, httpStatusOf, requestFingerprint, fail, ok, type Result } from '@family-share/shared';
import type { BffDeps, Caller } from '../deps';
import { AppError } from '@family-share/shared/server-kit';
import { masked, myPerson, requirePerson } from './views';

const IDEMPOTENCY_TTL_S = 24 * 3600;

type PremiumReceiptView = z.infer<typeof BffPremiumReceiptSchema>;

/** R15: for each relative I share with, what their resident premium for the year is and whether it is paid. */
export async function listPremiums(deps: BffDeps, caller: Caller, year?: number) {
  const me = requirePerson(caller);
  const forYear = year ?? Number(chinaDate(deps.clock()).slice(0, 4));
  const [bindings, person] = await Promise.all([deps.platform.bindings(me), deps.platform.person(me)]);
  const active = bindings.asAuthorizer.filter((b) => b.status === 'active');
  const statuses = await Promise.all(active.map((b) => deps.platform.premiumStatus(b.beneficiaryId, forYear)));
  return {
    year: forYear,
    usableForFamily: person.ok ? myPerson(person.value, deps.config.policy).usableForFamily : 0,
    items: active.map((b, i) => {
      const s = statuses[i]!;
      return {
        bindingId: b.bindingId,
        relative: masked(b.beneficiaryName, b.beneficiaryMaskedIdNumber),
        relation: b.relation,
        insurance: b.beneficiaryInsurance ?? null,
        year: forYear,
        amountDue: s.amountDue,
        demoAmount: s.demoAmount,
        status: s.status,
        paidAt: s.paidAt,
        paidByMe: s.paidBy === me,
      };
    }),
  };
}

type Receipt = Awaited<ReturnType<typeof pay>>;

/**
 * How long an unfinished payment holds its Idempotency-Key. A retry within it answers
 * REQUEST_IN_PROGRESS; after it, the retry carries the payment on (its process died).
 */
export const PAYMENT_LEASE_MS = 30_000;

/**
 * R15/R17: pays a bound resident relative's premium for a year from my account, once per
 * Idempotency-Key: a retry replays the first answer (success or refusal); the key with
 * another request is IDEMPOTENCY_KEY_REUSED. The platform's payment id is derived from person
 * and key, so even a retry that reaches the platform twice is applied there once.
 *
 * Steps, and what a crash between them leaves:
 *   1. begin: the key's record is in progress, with a lease (PAYMENT_LEASE_MS).
 *   2. the platform pays (the system of record; idempotent on the payment id).
 *   3. finish: the record holds the answer, replayed to every retry for 24 h.
 * A crash after 1 leaves nothing paid and the key leased; a crash after 2 leaves the year
 * paid and the key leased. Either way a retry after the lease resumes at step 2 with the same
 * payment id, and the platform answers the first result (or pays now, once). A thrown error
 * (the platform unreachable) gives the key up at once: the next retry starts afresh, with the
 * same payment id again.
 */
export async function payPremium(
  deps: BffDeps,
  caller: Caller,
  request: { bindingId: string; year: number },
  idempotencyKey: string | undefined,
): Promise<Receipt> {
  const me = requirePerson(caller);
  if (!idempotencyKey) return fail('IDEMPOTENCY_KEY_REQUIRED');
  const begun = await deps.idempotency.begin(me, idempotencyKey, requestFingerprint(request), IDEMPOTENCY_TTL_S, deps.clock(), PAYMENT_LEASE_MS);
  if (begun.state === 'mismatch') return fail('IDEMPOTENCY_KEY_REUSED');
  // Still leased by the first attempt: say when its lease ends, after which a retry carries it on.
  if (begun.state === 'in-progress') throw new AppError('REQUEST_IN_PROGRESS', undefined, { retryAfterS: Math.ceil(begun.leaseLeftMs / 1000) });
  if (begun.state === 'done') return begun.body as Receipt;
  try {
    const outcome = await pay(deps, me, request, idempotencyKey);
    await deps.idempotency.finish(me, idempotencyKey, outcome.ok ? 200 : httpStatusOf(outcome.code), outcome, IDEMPOTENCY_TTL_S);
    return outcome;
  } catch (error) {
    await deps.idempotency.abandon(me, idempotencyKey);
    throw error;
  }
}

async function pay(deps: BffDeps, me: string, request: { bindingId: string; year: number }, key: string): Promise<Result<PremiumReceiptView>> {
  const bindings = await deps.platform.bindings(me);
  const binding = bindings.asAuthorizer.find((b) => b.bindingId === request.bindingId);
  if (!binding) return fail('BINDING_NOT_FOUND');
  const paymentId = `pp${createHash('sha256').update(`${me}|${key}`).digest('hex').slice(0, 40)}`;
  const receipt = await deps.platform.payPremium({ paymentId, payerPsnNo: me, beneficiaryPsnNo: binding.beneficiaryId, year: request.year });
  if (!receipt.ok) return fail(receipt.code);
  return ok({
    paymentId: receipt.value.paymentId,
    bindingId: binding.bindingId,
    relative: masked(binding.beneficiaryName, binding.beneficiaryMaskedIdNumber),
    year: receipt.value.year,
    amount: receipt.value.amount,
    balanceAfter: receipt.value.balanceAfter,
    at: receipt.value.at,
  });
}

/**
 * The receipt of a premium I paid for a relative and year, from the platform (the system of
 * record), so that any of my devices can show it again. Only the payer sees it: for anyone
 * else — the relative, another authorizer, a stranger — it does not exist (NOT_FOUND).
 */
export async function getPremiumReceipt(deps: BffDeps, caller: Caller, bindingId: string, year: number): Promise<Result<PremiumReceiptView>> {
  const me = requirePerson(caller);
  const bindings = await deps.platform.bindings(me);
  const binding = bindings.asAuthorizer.find((b) => b.bindingId === bindingId);
  if (!binding) return fail('NOT_FOUND');
  const status = await deps.platform.premiumStatus(binding.beneficiaryId, year);
  if (status.status !== 'paid' || status.paidBy !== me || !status.paymentId || status.paidAt === null) return fail('NOT_FOUND');
  if (status.paidAmount === null || status.balanceAfter === null) return fail('NOT_FOUND');
  return ok({
    paymentId: status.paymentId,
    bindingId: binding.bindingId,
    relative: masked(binding.beneficiaryName, binding.beneficiaryMaskedIdNumber),
    year,
    amount: status.paidAmount,
    balanceAfter: status.balanceAfter,
    at: status.paidAt,
  });
}
