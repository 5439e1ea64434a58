import { assertFen, type Fen } from '../money';
import { DEFAULT_POLICY, usableSharedBalance, type Policy } from '../policy';
import type { PersonFacts } from './check-binding';

export interface PremiumPaymentInput {
  /** The relative whose resident premium is paid. */
  beneficiary: Pick<PersonFacts, 'insurance' | 'status'>;
  /** Is there an active binding from the paying authorizer to this relative? */
  bound: boolean;
  /** The paying authorizer's personal-account balance. */
  authorizerBalance: Fen;
  /** From the platform's premium table for the person and year; null when nothing is due. */
  amountDue: Fen | null;
  alreadyPaid: boolean;
}

export type PremiumRefusal =
  | 'NOT_BOUND'
  | 'PREMIUM_ONLY_FOR_RESIDENT'
  | 'PREMIUM_ALREADY_PAID'
  | 'PREMIUM_NOT_DUE'
  | 'INSUFFICIENT_SHARED_BALANCE';

export type PremiumPaymentResult = { ok: true; amount: Fen } | { ok: false; code: PremiumRefusal };

/**
 * R15: an authorizer pays a bound resident relative's premium from the personal account,
 * whole or not at all, and never below what R13 leaves usable (R10: only for the relative).
 */
export function checkPremiumPayment(
  input: PremiumPaymentInput,
  policy: Policy = DEFAULT_POLICY,
): PremiumPaymentResult {
  assertFen(input.authorizerBalance, 'authorizer balance');
  if (input.amountDue !== null) assertFen(input.amountDue, 'premium due');

  if (!input.bound) return { ok: false, code: 'NOT_BOUND' };
  if (input.beneficiary.insurance !== 'resident') return { ok: false, code: 'PREMIUM_ONLY_FOR_RESIDENT' };
  if (input.alreadyPaid) return { ok: false, code: 'PREMIUM_ALREADY_PAID' };
  if (input.amountDue === null || input.amountDue === 0) return { ok: false, code: 'PREMIUM_NOT_DUE' };
  if (usableSharedBalance(input.authorizerBalance, policy) < input.amountDue) {
    return { ok: false, code: 'INSUFFICIENT_SHARED_BALANCE' };
  }
  return { ok: true, amount: input.amountDue };
}
