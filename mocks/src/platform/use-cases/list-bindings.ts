import type { Binding, PersonBindings } from '@family-share/shared';
import type { PlatformDeps } from '../deps';
import type { PersonHomeView } from '../store/platform-store';

const newestFirst = (x: Binding, y: Binding) => y.createdAt - x.createdAt;

/**
 * A person's bindings on both sides, active ones as beneficiary in their R14 order, from their
 * own slot's read (`view`). The authorizer's side of a binding is on each beneficiary's slot:
 * one read script per beneficiary, all sent at once.
 */
export async function bindingsOf(deps: PlatformDeps, personId: string, view: Pick<PersonHomeView, 'records' | 'authorizers' | 'beneficiaries'>): Promise<PersonBindings> {
  const rankOf = new Map(view.authorizers.map((entry, index) => [entry.bindingId, index + 1]));
  const asBeneficiary = view.records
    .map((r) => ({ ...r, rank: r.status === 'active' ? (rankOf.get(r.bindingId) ?? null) : null }))
    .sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || newestFirst(x, y));

  const sides = await Promise.all(
    view.beneficiaries.filter((entry) => entry.state !== 'pending').map((entry) => deps.store.bindingSide(entry.beneficiaryId, entry.bindingId)),
  );
  const insuranceOf = new Map(sides.map((side) => [side.record, side.insurance]));
  const asAuthorizer = sides
    .map((side) => side.record)
    .filter((r): r is Binding => r !== null && r.authorizerId === personId)
    .map((r) => ({ ...r, rank: null, beneficiaryInsurance: insuranceOf.get(r) ?? null }))
    .sort((x, y) => (x.status === y.status ? newestFirst(x, y) : x.status === 'active' ? -1 : 1));
  return { asAuthorizer, asBeneficiary };
}
