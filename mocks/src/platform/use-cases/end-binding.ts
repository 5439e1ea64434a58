import {
  checkEndBinding,
  type Binding,
  type BindingEndReason,
  fail,
  ok,
  type Result,
} from '@family-share/shared';
import { RECOVERY_DELAY_MS, type PlatformDeps } from '../deps';

/**
 * Ends a binding at the request of either side (R6, R7): the BFF asserts the actor's fresh
 * face verification, the platform applies the rule.
 */
export async function endBinding(
  deps: PlatformDeps,
  request: { bindingId: string; actorPsnNo: string; faceVerified: boolean },
): Promise<Result<Binding>> {
  const record = await findBinding(deps, request.bindingId, request.actorPsnNo);
  if (!record) return fail('BINDING_NOT_FOUND');
  const decision = checkEndBinding({ binding: record, actorId: request.actorPsnNo, faceVerified: request.faceVerified });
  if (!decision.ok) return fail(decision.code);
  return ok(await endBindingSteps(deps, record, decision.reason, request.actorPsnNo));
}

/** The binding with this id in which `personId` is either side, or null. */
export async function findBinding(deps: PlatformDeps, bindingId: string, personId: string): Promise<Binding | null> {
  const asBeneficiary = await deps.store.bindingRecord(personId, bindingId);
  if (asBeneficiary) return asBeneficiary;
  const out = (await deps.store.beneficiariesOf(personId)).find((e) => e.bindingId === bindingId);
  if (!out) return null;
  const record = await deps.store.bindingRecord(out.beneficiaryId, bindingId);
  return record && record.authorizerId === personId ? record : null;
}

/**
 * The two steps of an end: first on the authorizer's slot, so that no more money can flow,
 * then on the beneficiary's, which records the reason and frees them (R7, R8). Idempotent;
 * a crash between the steps is completed by the recovery sweeper.
 */
export async function endBindingSteps(
  deps: PlatformDeps,
  record: Binding,
  reason: BindingEndReason,
  endedBy: string | null,
): Promise<Binding> {
  const { store } = deps;
  const now = deps.clock();
  const op = await store.addPendingOperation(
    { type: 'end', bindingId: record.bindingId, a: record.authorizerId, b: record.beneficiaryId, reason, endedBy },
    now + RECOVERY_DELAY_MS,
  );
  const ended: Binding = { ...record, status: 'ended', endedAt: record.endedAt ?? now, endReason: reason, rank: null };
  const event = (counterpartId: string, counterpartName: string, role: string) => ({
    kind: 'BINDING_ENDED',
    at: now,
    bindingId: record.bindingId,
    role,
    counterpartId,
    counterpartName,
    reason,
    endedBy,
  });
  const toAuthorizer = event(record.beneficiaryId, record.beneficiaryName, 'authorizer');
  const toBeneficiary = event(record.authorizerId, record.authorizerName, 'beneficiary');
  await store.endBindingOnAuthorizer(record.authorizerId, record.beneficiaryId, record.bindingId, now, toAuthorizer);
  const second = await store.endBindingOnBeneficiary(ended, toBeneficiary);
  await store.removePendingOperation(op);
  if (second[1] === 'ended') {
    deps.notifier.notify(record.authorizerId, toAuthorizer);
    deps.notifier.notify(record.beneficiaryId, toBeneficiary);
  }
  return (await store.bindingRecord(record.beneficiaryId, record.bindingId)) ?? ended;
}
