import { ageOn, isIsoDate } from '../id-number';
import { DEFAULT_POLICY, type Policy, type Relation } from '../policy';

export type Insurance = 'employee' | 'resident';
export type PersonStatus = 'active' | 'suspended' | 'terminated';

/** What the rules need to know of a person; the registry (platform) is the source. */
export interface PersonFacts {
  /** The person's identifier (the platform's person number); only compared, never read. */
  id: string;
  /** YYYY-MM-DD, from the registry (R18 counts age from it). */
  birthDate: string;
  /** null: not insured */
  insurance: Insurance | null;
  /** 6-digit code of the insuring area; Tibet starts with '54' */
  region: string;
  status: PersonStatus;
  eCredentialActive: boolean;
}

export interface BindingEdge {
  authorizerId: string;
  beneficiaryId: string;
}

export interface CheckBindingInput {
  authorizer: PersonFacts;
  beneficiary: PersonFacts;
  relation: Relation;
  activeBindings: ReadonlyArray<BindingEdge>;
  /** YYYY-MM-DD, the binding day */
  today: string;
}

export type BindingRefusal =
  | 'SELF_BINDING'
  | 'RELATION_NOT_ALLOWED'
  | 'AUTHORIZER_NOT_EMPLOYEE'
  | 'AUTHORIZER_NOT_IN_REGION'
  | 'AUTHORIZER_ACCOUNT_ABNORMAL'
  | 'AUTHORIZER_ECREDENTIAL_INACTIVE'
  | 'BENEFICIARY_NOT_INSURED'
  | 'BENEFICIARY_ACCOUNT_ABNORMAL'
  | 'MINOR_NEEDS_PARENT'
  | 'BENEFICIARY_ECREDENTIAL_INACTIVE'
  | 'DUPLICATE_BINDING'
  | 'REVERSE_BINDING'
  | 'BENEFICIARY_ALREADY_BOUND';

export type CheckBindingResult = { ok: true; needsAcceptance: boolean } | { ok: false; code: BindingRefusal };

const refuse = (code: BindingRefusal): CheckBindingResult => ({ ok: false, code });

/**
 * May `authorizer` share their personal account with `beneficiary` now?
 * The checks run from the most basic to the most circumstantial, so that a person is told
 * first what they can least change: who they are, then whom they ask, then the current graph.
 */
export function checkBinding(input: CheckBindingInput, policy: Policy = DEFAULT_POLICY): CheckBindingResult {
  const { authorizer, beneficiary, relation, activeBindings, today } = input;
  if (!isIsoDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${String(today)}`);

  if (authorizer.id === beneficiary.id) return refuse('SELF_BINDING');
  if (!policy.allowedRelations.includes(relation)) return refuse('RELATION_NOT_ALLOWED'); // R3

  // R2: employee-insured in the region, account in normal state; R1: activated e-credential.
  if (authorizer.insurance !== 'employee') return refuse('AUTHORIZER_NOT_EMPLOYEE');
  if (!authorizer.region.startsWith(policy.regionPrefix)) return refuse('AUTHORIZER_NOT_IN_REGION');
  if (authorizer.status !== 'active') return refuse('AUTHORIZER_ACCOUNT_ABNORMAL');
  if (!authorizer.eCredentialActive) return refuse('AUTHORIZER_ECREDENTIAL_INACTIVE');

  // R2: the beneficiary is insured in the region's basic medical insurance, employee or resident.
  if (
    beneficiary.insurance === null ||
    beneficiary.status === 'terminated' ||
    !beneficiary.region.startsWith(policy.regionPrefix)
  ) {
    return refuse('BENEFICIARY_NOT_INSURED');
  }
  if (beneficiary.status !== 'active') return refuse('BENEFICIARY_ACCOUNT_ABNORMAL');

  // R18: a child under the minor age is bound by a parent only, as guardian, without acceptance.
  const minor = ageOn(beneficiary.birthDate, today) < policy.minorAge;
  if (minor && relation !== 'child') return refuse('MINOR_NEEDS_PARENT');
  if (!beneficiary.eCredentialActive) return refuse('BENEFICIARY_ECREDENTIAL_INACTIVE'); // R1

  // R4: one-way, at most `maxAuthorizersPerBeneficiary` at a time; R5: chains are fine.
  let authorizersOfBeneficiary = 0;
  for (const edge of activeBindings) {
    if (edge.authorizerId === authorizer.id && edge.beneficiaryId === beneficiary.id) {
      return refuse('DUPLICATE_BINDING');
    }
    if (edge.authorizerId === beneficiary.id && edge.beneficiaryId === authorizer.id) {
      return refuse('REVERSE_BINDING');
    }
    if (edge.beneficiaryId === beneficiary.id) authorizersOfBeneficiary += 1;
  }
  if (authorizersOfBeneficiary >= policy.maxAuthorizersPerBeneficiary) return refuse('BENEFICIARY_ALREADY_BOUND');

  return { ok: true, needsAcceptance: !minor };
}
