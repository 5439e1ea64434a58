import { isErrorCode, type Binding, type CreateBindingRequestSchema } from '@family-share/shared';
import type { z } from 'zod';
import { failWith, ok, RECOVERY_DELAY_MS, STALE_CLAIM_MS, type PlatformDeps, type Result } from '../deps';
import { decideBinding, readBindingSnapshot } from './binding-snapshot';
import { endBindingSteps } from './end-binding';
import { canShareFrom } from './person-view';

type Request = z.infer<typeof CreateBindingRequestSchema>;

const ATTEMPTS = 3;

/**
 * Creates "A shares with B" (R7: in effect at once). Three single-slot steps, so that it is
 * atomic where it matters on a Redis Cluster too:
 *   1. claim A → B on A's slot (a racing B → A now fails at its own step 2);
 *   2. check every rule on a fresh snapshot, then commit on B's slot, where the count of B's
 *      authorizers, reverse claims and B's facts version are checked again atomically (R4, R19);
 *   3. turn the claim into an active entry on A's slot — from then on money may flow.
 * The bindingId makes a retry return the same binding. A crash between steps is completed
 * by the recovery sweeper (recover-pending.ts).
 */
export async function createBinding(deps: PlatformDeps, request: Request): Promise<Result<Binding>> {
  const { store, policy } = deps;
  const a = request.authorizerIdNumber;
  const b = request.beneficiaryIdNumber;
  if (a === b) return failWith('SELF_BINDING');
  const op = await store.addPendingOperation({ type: 'binding', a, b, bindingId: request.bindingId }, deps.clock() + RECOVERY_DELAY_MS);
  const done = async <T>(result: Result<T>): Promise<Result<T>> => {
    await store.removePendingOperation(op);
    return result;
  };
  const release = () => store.finishBinding(a, b, request.bindingId, 'release', deps.clock(), null);

  const claim = await store.claimBinding(a, b, request.bindingId, deps.clock(), STALE_CLAIM_MS);
  if (claim[0] !== 'OK') return done(failWith(toCode(claim[0])));
  if (claim[1] === 'active') {
    const existing = await store.bindingRecord(b, request.bindingId);
    return done(existing ? ok(existing) : failWith('BINDING_NOT_FOUND'));
  }

  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const snapshot = await readBindingSnapshot(deps, a, b);
    if (!snapshot) {
      await release();
      return done(failWith('IDENTITY_MISMATCH'));
    }
    const decision = decideBinding(deps, snapshot, request);
    if (!decision.ok) {
      await release();
      return done(failWith(decision.code));
    }
    const now = deps.clock();
    const record: Binding = {
      bindingId: request.bindingId,
      authorizerId: a,
      authorizerName: snapshot.authorizer.name,
      beneficiaryId: b,
      beneficiaryName: snapshot.beneficiary.name,
      relation: request.relation,
      status: 'active',
      needsAcceptance: decision.needsAcceptance,
      createdAt: now,
      endedAt: null,
      endReason: null,
      rank: null,
    };
    const event = (counterpart: string, counterpartName: string, role: string) => ({
      kind: 'BINDING_CREATED',
      at: now,
      bindingId: request.bindingId,
      role,
      counterpartId: counterpart,
      counterpartName,
      relation: request.relation,
    });
    const commit = await store.commitBinding(
      record,
      policy.maxAuthorizersPerBeneficiary,
      snapshot.beneficiary.version,
      event(a, record.authorizerName, 'beneficiary'),
    );
    if (commit[0] === 'RETRY') continue; // B's facts changed since the snapshot: read again
    if (commit[0] !== 'OK') {
      await release();
      if (commit[0] === 'DUPLICATE_BINDING') await repairActiveEntry(deps, a, b);
      return done(failWith(toCode(commit[0])));
    }
    if (commit[1] === 'exists') {
      const existing = await store.bindingRecord(b, request.bindingId);
      if (existing) Object.assign(record, existing);
    }
    const finish = await store.finishBinding(a, b, request.bindingId, 'active', now, event(b, record.beneficiaryName, 'authorizer'));
    if (finish[2] !== snapshot.authorizer.version) {
      // A's registry facts changed between the snapshot and now (e.g. R8): decide again.
      const authorizer = await store.getPerson(a);
      if (!authorizer || !canShareFrom(authorizer)) {
        await endBindingSteps(deps, record, 'AUTHORIZER_LEFT_EMPLOYEE_INSURANCE', null);
        return done(failWith('AUTHORIZER_ACCOUNT_ABNORMAL'));
      }
    }
    deps.notifier.notify(a, event(b, record.beneficiaryName, 'authorizer'));
    deps.notifier.notify(b, event(a, record.authorizerName, 'beneficiary'));
    return done(ok(record));
  }
  await release();
  return done(failWith('REQUEST_IN_PROGRESS'));
}

/**
 * B's side says A → B is active under another id while A's entry was a stale claim (an
 * operation that crashed and was overtaken): make A's side say so again, or money could
 * not flow on a binding both people see as active.
 */
async function repairActiveEntry(deps: PlatformDeps, a: string, b: string): Promise<void> {
  const entry = (await deps.store.authorizersOf(b)).find((e) => e.authorizerId === a);
  if (entry) await deps.store.finishBinding(a, b, entry.bindingId, 'active', deps.clock(), null);
}

function toCode(reply: string | undefined) {
  return isErrorCode(reply) ? reply : 'INTERNAL';
}
