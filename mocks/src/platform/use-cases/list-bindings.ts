import type { Binding, PersonBindings } from '@family-share/shared';
import type { PlatformDeps } from '../deps';

const newestFirst = (x: Binding, y: Binding) => y.createdAt - x.createdAt;

/** A person's bindings on both sides; active ones as beneficiary in their R14 order. */
export async function listBindings(deps: PlatformDeps, personId: string): Promise<PersonBindings> {
  const { store } = deps;
  const [records, order, out] = await Promise.all([
    store.bindingRecordsOf(personId),
    store.authorizersOf(personId),
    store.beneficiariesOf(personId),
  ]);
  const rankOf = new Map(order.map((entry, index) => [entry.bindingId, index + 1]));
  const asBeneficiary = records
    .map((r) => ({ ...r, rank: r.status === 'active' ? (rankOf.get(r.bindingId) ?? null) : null }))
    .sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || newestFirst(x, y));

  const asAuthorizer = (
    await Promise.all(
      out
        .filter((entry) => entry.state !== 'pending')
        .map((entry) => store.bindingRecord(entry.beneficiaryId, entry.bindingId)),
    )
  )
    .filter((r): r is Binding => r !== null && r.authorizerId === personId)
    .map((r) => ({ ...r, rank: null }))
    .sort((x, y) => (x.status === y.status ? newestFirst(x, y) : x.status === 'active' ? -1 : 1));
  const beneficiaries = await store.getPersons(asAuthorizer.map((r) => r.beneficiaryId));
  for (const r of asAuthorizer) r.beneficiaryInsurance = beneficiaries.get(r.beneficiaryId)?.insurance ?? null;
  return { asAuthorizer, asBeneficiary };
}
