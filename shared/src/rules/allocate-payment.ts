import { assertFen, type Fen } from '../money';
import { DEFAULT_POLICY, usableSharedBalance, type Policy } from '../policy';
import type { Insurance } from './check-binding';

export type AccountChoice = 'own' | 'authorizer';

export interface AllocatePaymentInput {
  charge: Fen;
  /** The card holder. A resident has no personal account: their balance is never used. */
  payer: { insurance: Insurance; balance: Fen };
  /** Active authorizers of the payer, in the payer's order (R14). */
  authorizers: ReadonlyArray<{ id: string; balance: Fen }>;
  choice?: AccountChoice;
}

export interface SharedPart {
  authorizerId: string;
  amount: Fen;
}

export interface Allocation {
  own: Fen;
  /** Non-zero amounts only, in the authorizers' order. */
  shared: SharedPart[];
  cash: Fen;
}

/** One place money may come from, in the order it is tried, with what it can give. */
export interface FundingSource {
  kind: 'own' | 'authorizer';
  /** The authorizer's id; absent for the payer's own account. */
  authorizerId?: string;
  available: Fen;
}

/**
 * The order in which accounts are tried for a charge, and how much each may give (R10–R14).
 * Exposed so that the platform can walk the same order with atomic debits.
 */
export function fundingOrder(input: AllocatePaymentInput, policy: Policy = DEFAULT_POLICY): FundingSource[] {
  const { charge, payer, authorizers, choice } = input;
  assertFen(charge, 'charge');
  assertFen(payer.balance, 'payer balance');
  for (const a of authorizers) assertFen(a.balance, `balance of authorizer ${a.id}`);

  const sharedSources: FundingSource[] = authorizers.map((a) => ({
    kind: 'authorizer',
    authorizerId: a.id,
    available: usableSharedBalance(a.balance, policy), // R13
  }));
  if (payer.insurance === 'resident') return sharedSources; // R12: no own account

  const ownSource: FundingSource = { kind: 'own', available: payer.balance };
  // R11: the own account pays first, unless both the own account and the shared accounts
  // could cover the whole charge and the beneficiary chose the authorizer's.
  const sharedTotal = sharedSources.reduce((sum, s) => sum + s.available, 0);
  const bothCover = payer.balance >= charge && sharedTotal >= charge;
  return choice === 'authorizer' && bothCover ? [...sharedSources, ownSource] : [ownSource, ...sharedSources];
}

/**
 * How a charge at the counter is paid: own account, the authorizers' accounts in order
 * (each only down to what R13 allows), and the rest in cash — a settlement is never
 * refused for lack of shared funds (R15). own + Σshared + cash === charge.
 */
export function allocatePayment(input: AllocatePaymentInput, policy: Policy = DEFAULT_POLICY): Allocation {
  let remaining = input.charge;
  let own = 0;
  const shared: SharedPart[] = [];
  for (const source of fundingOrder(input, policy)) {
    const take = Math.min(remaining, source.available);
    if (take === 0) continue;
    remaining -= take;
    if (source.kind === 'own') own = take;
    else shared.push({ authorizerId: source.authorizerId ?? '', amount: take });
  }
  return { own, shared, cash: remaining };
}
