import {
  checkBinding,
  chinaDate,
  type BindingEdge,
  type ErrorCode,
  type PersonFacts,
  type Relation,
} from '@family-share/shared';
import type { StoredPerson } from '../store/platform-store';
import type { PlatformDeps } from '../deps';

export interface BindingSnapshot {
  authorizer: StoredPerson;
  beneficiary: StoredPerson;
  activeBindings: BindingEdge[];
}

export function factsOf(person: StoredPerson): PersonFacts {
  return {
    id: person.psnNo,
    birthDate: person.birthDate,
    insurance: person.insurance,
    region: person.region,
    status: person.status,
    eCredentialActive: person.eCredential.active,
  };
}

/** Both people and every active binding that touches either of them, read now. */
export async function readBindingSnapshot(deps: PlatformDeps, a: string, b: string): Promise<BindingSnapshot | null> {
  const { store } = deps;
  const [authorizer, beneficiary, aIn, aOut, bIn, bOut] = await Promise.all([
    store.getPerson(a),
    store.getPerson(b),
    store.authorizersOf(a),
    store.beneficiariesOf(a),
    store.authorizersOf(b),
    store.beneficiariesOf(b),
  ]);
  if (!authorizer || !beneficiary) return null;
  const activeBindings: BindingEdge[] = [
    ...aIn.map((e) => ({ authorizerId: e.authorizerId, beneficiaryId: a })),
    ...bIn.map((e) => ({ authorizerId: e.authorizerId, beneficiaryId: b })),
    ...aOut.filter((e) => e.state === 'active').map((e) => ({ authorizerId: a, beneficiaryId: e.beneficiaryId })),
    ...bOut.filter((e) => e.state === 'active').map((e) => ({ authorizerId: b, beneficiaryId: e.beneficiaryId })),
  ];
  return { authorizer, beneficiary, activeBindings };
}

/**
 * Every rule of a binding on one snapshot: the name matches the registry (R3), checkBinding
 * (R1–R5, R18), and for a minor, that the authorizer is a registered parent (R18).
 */
export function decideBinding(
  deps: PlatformDeps,
  snapshot: BindingSnapshot,
  request: { beneficiaryName: string; relation: Relation; beneficiaryMayActivateLater?: boolean },
): { ok: true; needsAcceptance: boolean } | { ok: false; code: ErrorCode } {
  const { authorizer, beneficiary } = snapshot;
  if (authorizer.psnNo === beneficiary.psnNo) return { ok: false, code: 'SELF_BINDING' };
  if (beneficiary.name !== request.beneficiaryName.trim()) return { ok: false, code: 'IDENTITY_MISMATCH' };
  const decision = checkBinding(
    {
      authorizer: factsOf(authorizer),
      // At invitation time the relative may still activate before accepting (R1 is checked then).
      beneficiary: { ...factsOf(beneficiary), eCredentialActive: beneficiary.eCredential.active || request.beneficiaryMayActivateLater === true },
      relation: request.relation,
      activeBindings: snapshot.activeBindings,
      today: chinaDate(deps.clock()),
    },
    deps.policy,
  );
  if (!decision.ok) return decision;
  if (!decision.needsAcceptance && !beneficiary.guardians.includes(authorizer.psnNo)) {
    return { ok: false, code: 'MINOR_NEEDS_PARENT' };
  }
  return decision;
}
