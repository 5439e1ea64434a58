import {
  ESTIMATE_MAX_FEN,
  maskName,
  parseYuan,
  type InstitutionRecord,
  type PaymentEstimate,
  type PaymentEstimateRequestSchema,
  type Policy,
  fail,
  ok,
  type Result,
} from '@family-share/shared';
import type { z } from 'zod';
import type { BffDeps, Caller } from '../deps';
import { AppError } from '@family-share/shared/server-kit';
import { requirePerson } from './views';

/** The smallest amount worth estimating: one fen. */
const ESTIMATE_MIN_FEN = 1;

/** R21, the platform's rule, to label the list: shared deductions in the policy's region or where opened for cross-area sharing. */
function familySharingAt(institution: InstitutionRecord, policy: Policy): boolean {
  return institution.region.startsWith(policy.regionPrefix) || institution.sharingEnabled;
}

/**
 * The default institution of an estimate, when the person picks none. Inside the policy's
 * region every designated institution splits a payment the same way (R21: sharing applies at
 * all of them, and the split depends only on the accounts, R11–R14), so any of them gives the
 * right answer; we take the one the person most likely walks into — a pharmacy in their own
 * prefecture (the first four digits of the region code), else any institution there, else the
 * first one of the policy's region. Only outside the region does the choice change the split,
 * and there the person picks it from the list.
 */
function defaultInstitution(institutions: InstitutionRecord[], personRegion: string, policy: Policy): InstitutionRecord | null {
  const inRegion = institutions.filter((i) => i.region.startsWith(policy.regionPrefix));
  const near = inRegion.filter((i) => i.region.slice(0, 4) === personRegion.slice(0, 4));
  return near.find((i) => i.kind === 'pharmacy') ?? near[0] ?? inRegion.find((i) => i.kind === 'pharmacy') ?? inRegion[0] ?? null;
}

/** The list for the estimate page: every designated institution, whether sharing applies there, and the default. */
export async function listEstimateInstitutions(deps: BffDeps, caller: Caller) {
  const me = requirePerson(caller);
  const [institutions, person] = await Promise.all([deps.platform.institutions(), deps.platform.person(me)]);
  const region = person.ok ? person.value.region : '';
  const { policy } = deps.config;
  return {
    items: institutions.map((i) => ({ code: i.code, name: i.name, kind: i.kind, familySharing: familySharingAt(i, policy) })),
    defaultCode: defaultInstitution(institutions, region, policy)?.code ?? null,
    minAmount: ESTIMATE_MIN_FEN,
    maxAmount: ESTIMATE_MAX_FEN,
  };
}

/**
 * 付款预估: before going to the pharmacy, a beneficiary checks how an amount would be split now —
 * own account, which relative, cash — by the platform's pre-settlement (R22: the platform
 * records nothing: no debit, no ledger entry, no notice, no idempotency record; neither does
 * the BFF, beyond the rate-limit counter). A settlement later may split differently: balances
 * and bindings change, and the settlement decides.
 *
 * The authorizer's balance never leaves the BFF (R16 is per account): the platform's preview
 * carries none, and of each relative the answer names only the masked name, the binding's
 * relation and the amount taken. What stays derivable is only what the split itself implies,
 * exactly as at the counter: when a relative's part is less than what was left to pay, that
 * part is what R13 lets the family spend from their account right now (balance minus the
 * floor); when it covers the rest, only "at least this much". Two guards keep the estimate
 * from becoming a way to watch someone's account: at most 20 estimates per person an hour
 * (rate limit 'paymentEstimate', keyed by the person, not the WeChat session, so that logging
 * in again does not reset it), and amounts capped at ESTIMATE_MAX_FEN.
 *
 * The amount comes as the yuan the person typed and is read exactly (parseYuan, no float):
 * anything else, 0, or more than the cap is AMOUNT_INVALID (400) — before the limit is
 * counted, so that typing mistakes cost nothing.
 */
export async function estimatePayment(
  deps: BffDeps,
  caller: Caller,
  request: z.infer<typeof PaymentEstimateRequestSchema>,
): Promise<Result<PaymentEstimate>> {
  const me = requirePerson(caller);
  const charge = parseYuan(request.amount);
  if (charge === null || charge < ESTIMATE_MIN_FEN || charge > ESTIMATE_MAX_FEN) return fail('AMOUNT_INVALID');

  // The registry's 'paymentEstimate' limit, counted here rather than before the use case: only
  // a well-formed amount counts, and a mistyped one is answered as such even when the limit is
  // reached. Keyed by the person number, as the registry's limits are.
  const limit = await deps.limits.consume('paymentEstimate', me);
  if (!limit.ok) throw new AppError('RATE_LIMITED', undefined, { retryAfterS: limit.retryAfterS });

  const { policy } = deps.config;
  const [institutions, person, bindings] = await Promise.all([deps.platform.institutions(), deps.platform.person(me), deps.platform.bindings(me)]);
  const institution = request.institutionCode
    ? institutions.find((i) => i.code === request.institutionCode)
    : defaultInstitution(institutions, person.ok ? person.value.region : '', policy);
  if (!institution) return fail('INSTITUTION_UNKNOWN');

  const preview = await deps.platform.preSettle({
    cardHolderPsnNo: me,
    charge,
    institutionCode: institution.code,
    ...(request.choice ? { choice: request.choice } : {}),
  });
  if (!preview.ok) return fail(preview.code);
  const split = preview.value;
  // My authorizers, to name each part by the binding (the active one; the preview only uses active ones).
  const mine = new Map(bindings.asBeneficiary.filter((b) => b.status === 'active').map((b) => [b.authorizerId, b]));
  return ok({
    charge: split.charge,
    institution: { code: institution.code, name: institution.name, kind: institution.kind, familySharing: familySharingAt(institution, policy) },
    own: split.own,
    ownBalanceAfter: split.ownBalanceAfter,
    shared: split.shared.map((part) => {
      const binding = mine.get(part.authorizerId);
      return {
        bindingId: binding?.bindingId ?? null,
        maskedName: maskName(binding?.authorizerName ?? part.authorizerName),
        relation: binding?.relation ?? null,
        amount: part.amount,
      };
    }),
    cash: split.cash,
    noSharingReason: split.noSharingReason ?? null,
    at: deps.clock(),
  });
}
