import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { type BffPremiumReceiptSchema, chinaDate, httpStatusOf, requestFingerprint } from '@family-share/shared';
import type { BffDeps, Caller } from '../deps';
import { fail, ok, type Outcome } from '../ports/outcome';
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
        relative: masked(b.beneficiaryName, b.beneficiaryId),
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
 * R15/R17: pays a bound resident relative's premium for a year from my account, once per
 * Idempotency-Key: a retry replays the first answer (success or refusal); the key with
 * another request is IDEMPOTENCY_KEY_REUSED. The platform's payment id is derived from person
 * and key, so even a retry that reaches the platform twice is applied there once.
 */
export async function payPremium(
  deps: BffDeps,
  caller: Caller,
  request: { bindingId: string; year: number },
  idempotencyKey: string | undefined,
): Promise<Receipt> {
  const me = requirePerson(caller);
  if (!idempotencyKey) return fail('IDEMPOTENCY_KEY_REQUIRED');
  const begun = await deps.idempotency.begin(me, idempotencyKey, requestFingerprint(request), IDEMPOTENCY_TTL_S);
  if (begun.state === 'mismatch') return fail('IDEMPOTENCY_KEY_REUSED');
  if (begun.state === 'in-progress') return fail('REQUEST_IN_PROGRESS');
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

async function pay(deps: BffDeps, me: string, request: { bindingId: string; year: number }, key: string): Promise<Outcome<PremiumReceiptView>> {
  const bindings = await deps.platform.bindings(me);
  const binding = bindings.asAuthorizer.find((b) => b.bindingId === request.bindingId);
  if (!binding) return fail('BINDING_NOT_FOUND');
  const paymentId = `pp${createHash('sha256').update(`${me}|${key}`).digest('hex').slice(0, 40)}`;
  const receipt = await deps.platform.payPremium({ paymentId, payerIdNumber: me, beneficiaryIdNumber: binding.beneficiaryId, year: request.year });
  if (!receipt.ok) return fail(receipt.code);
  return ok({
    paymentId: receipt.value.paymentId,
    bindingId: binding.bindingId,
    relative: masked(binding.beneficiaryName, binding.beneficiaryId),
    year: receipt.value.year,
    amount: receipt.value.amount,
    balanceAfter: receipt.value.balanceAfter,
    at: receipt.value.at,
  });
}

