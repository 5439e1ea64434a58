import { chinaDate, CLAIM_MATERIALS, CLAIM_NOTES, CLAIM_STEPS } from '@family-share/shared';
import { addWorkingDays } from '@family-share/shared/working-days';
import type { BffDeps, Caller } from '../deps';
import { requirePerson } from './views';

/**
 * My manual outpatient reimbursement claims (000 一): filed at the window, followed here
 * through 申请—受理—审核—拨付—办结 against the 30-working-day limit, with the materials list.
 */
export async function listClaims(deps: BffDeps, caller: Caller) {
  const me = requirePerson(caller);
  const claims = await deps.platform.claims(me);
  const today = chinaDate(deps.clock());
  return {
    materials: [...CLAIM_MATERIALS],
    notes: [...CLAIM_NOTES],
    items: claims.map((c) => {
      const steps = CLAIM_STEPS.map((s) => ({ key: s.key, at: c.steps[s.key] }));
      const currentStep = [...steps].reverse().find((s) => s.at !== null)?.key ?? 'apply';
      const deadline = addWorkingDays(chinaDate(c.filedAt), 30);
      return {
        claimId: c.claimId,
        filedAt: c.filedAt,
        institutionName: c.institutionName,
        amount: c.amount,
        currentStep,
        steps,
        deadline,
        overdue: currentStep !== 'done' && today > deadline,
      };
    }),
  };
}
