import { DEFAULT_POLICY, type Policy } from '../policy';
import type { BindingEdge, PersonFacts } from './check-binding';

export type BindingEndReason = 'ENDED_BY_AUTHORIZER' | 'ENDED_BY_BENEFICIARY' | 'AUTHORIZER_LEFT_EMPLOYEE_INSURANCE';

export interface EndBindingInput {
  /** The binding as the registry holds it; null when there is none. */
  binding: (BindingEdge & { status: 'active' | 'ended' }) | null;
  /** Who asks to end it. */
  actorId: string;
  /** Has the actor passed a fresh face verification for ending this binding? */
  faceVerified: boolean;
}

export type EndBindingResult =
  | { ok: true; reason: 'ENDED_BY_AUTHORIZER' | 'ENDED_BY_BENEFICIARY' }
  | { ok: false; code: 'NOT_BOUND' | 'FORBIDDEN' | 'FACE_VERIFICATION_REQUIRED' };

/**
 * R6, R7: either side may end an active binding, online, after a fresh face verification
 * (DECISION: the beneficiary too); it ends at once.
 */
export function checkEndBinding(input: EndBindingInput): EndBindingResult {
  const { binding, actorId, faceVerified } = input;
  if (binding === null || binding.status !== 'active') return { ok: false, code: 'NOT_BOUND' };
  const isAuthorizer = binding.authorizerId === actorId;
  if (!isAuthorizer && binding.beneficiaryId !== actorId) return { ok: false, code: 'FORBIDDEN' };
  if (!faceVerified) return { ok: false, code: 'FACE_VERIFICATION_REQUIRED' };
  return { ok: true, reason: isAuthorizer ? 'ENDED_BY_AUTHORIZER' : 'ENDED_BY_BENEFICIARY' };
}

/** Is this person (still) employee-insured in the region, the condition for authorizing (R2, R8)? */
export function isEmployeeInsuredInRegion(
  person: Pick<PersonFacts, 'insurance' | 'region' | 'status'>,
  policy: Policy = DEFAULT_POLICY,
): boolean {
  return person.insurance === 'employee' && person.status !== 'terminated' && person.region.startsWith(policy.regionPrefix);
}

/**
 * R8: when a person's insurance changes so that they are no longer employee-insured in the
 * region, every binding in which they are the authorizer ends, with this reason. A suspended
 * account keeps its bindings (spending from it pauses instead); a binding in which the person
 * is the beneficiary is not touched by this rule.
 */
export function bindingsEndedByInsuranceChange(
  person: Pick<PersonFacts, 'id' | 'insurance' | 'region' | 'status'>,
  activeBindings: ReadonlyArray<BindingEdge>,
  policy: Policy = DEFAULT_POLICY,
): Array<BindingEdge & { reason: 'AUTHORIZER_LEFT_EMPLOYEE_INSURANCE' }> {
  if (isEmployeeInsuredInRegion(person, policy)) return [];
  return activeBindings
    .filter((edge) => edge.authorizerId === person.id)
    .map((edge) => ({ ...edge, reason: 'AUTHORIZER_LEFT_EMPLOYEE_INSURANCE' as const }));
}
