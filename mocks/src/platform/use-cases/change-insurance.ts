import { bindingsEndedByInsuranceChange, type Binding, type PlatformPerson, fail, ok, type Result } from '@family-share/shared';
import { type PlatformDeps } from '../deps';
import { endBindingSteps } from './end-binding';
import type { StoredPerson } from '../store/platform-store';
import { canShareFrom, personView } from './person-view';

/**
 * The registry changes someone's insurance (admin endpoint and CLI). R8: an authorizer who is
 * no longer employee-insured in the region loses all their bindings at once, with the reason
 * recorded, and both sides are told (R20).
 */
export async function changeInsurance(
  deps: PlatformDeps,
  personId: string,
  change: { insurance?: 'employee' | 'resident' | null; status?: 'active' | 'suspended' | 'terminated'; region?: string },
): Promise<Result<{ person: PlatformPerson; endedBindings: Binding[] }>> {
  const { store } = deps;
  const before = await store.getPerson(personId);
  if (!before) return fail('PERSON_NOT_FOUND');
  const fields: Record<string, string> = {};
  if (change.insurance !== undefined) fields.insurance = change.insurance ?? 'none';
  if (change.status !== undefined) fields.status = change.status;
  if (change.region !== undefined) fields.region = change.region;
  await store.updatePersonFields(personId, fields);
  const after = await store.getPerson(personId);
  if (!after) return fail('PERSON_NOT_FOUND');
  const now = deps.clock();
  await store.appendFeed(personId, {
    kind: 'INSURANCE_CHANGED',
    at: now,
    insurance: after.insurance,
    status: after.status,
    region: after.region,
  });

  const active = (await store.beneficiariesOf(personId)).filter((e) => e.state === 'active');
  const toEnd = bindingsEndedByInsuranceChange(
    { ...after, id: after.psnNo },
    active.map((e) => ({ authorizerId: personId, beneficiaryId: e.beneficiaryId })),
    deps.policy,
  );
  const endedBindings: Binding[] = [];
  for (const edge of toEnd) {
    const entry = active.find((e) => e.beneficiaryId === edge.beneficiaryId);
    const record = entry ? await store.bindingRecord(edge.beneficiaryId, entry.bindingId) : null;
    if (record && record.status === 'active') endedBindings.push(await endBindingSteps(deps, record, edge.reason, null));
  }
  if (toEnd.length === 0) await tellPauseOrResume(deps, before, after, active);
  return ok({ person: personView(after), endedBindings });
}

/**
 * R20, a suspended account keeps its bindings but pays nothing (R2): its relatives would pay
 * cash without knowing why. Tell each of them when sharing pauses, with the reason (the
 * account's status), and again when it resumes. Only on a change of whether it can share.
 */
async function tellPauseOrResume(
  deps: PlatformDeps,
  before: StoredPerson,
  after: StoredPerson,
  active: ReadonlyArray<{ beneficiaryId: string; bindingId: string }>,
): Promise<void> {
  const wasSharing = canShareFrom(before);
  const isSharing = canShareFrom(after);
  if (wasSharing === isSharing || after.insurance !== 'employee') return;
  const now = deps.clock();
  for (const entry of active) {
    const event = {
      kind: isSharing ? 'SHARING_RESUMED' : 'SHARING_PAUSED',
      at: now,
      bindingId: entry.bindingId,
      role: 'beneficiary',
      counterpartId: after.psnNo,
      counterpartName: after.name,
      status: after.status,
    };
    await deps.store.appendFeed(entry.beneficiaryId, event);
    deps.notifier.notify(entry.beneficiaryId, event);
  }
}

/** Demo and test support: set a personal-account balance (e.g. a monthly contribution). */
export async function setBalance(deps: PlatformDeps, personId: string, balance: number): Promise<Result<PlatformPerson>> {
  const person = await deps.store.getPerson(personId);
  if (!person) return fail('PERSON_NOT_FOUND');
  await deps.store.updatePersonFields(personId, { balance: String(balance) });
  const after = await deps.store.getPerson(personId);
  return after ? ok(personView(after)) : fail('PERSON_NOT_FOUND');
}
