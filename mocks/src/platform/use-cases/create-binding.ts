import {
  BindingWithdrawReasonSchema,
  isErrorCode,
  maskIdNumber,
  type Binding,
  type BindingDecision,
  type BindingDecisionRequestSchema,
  type CreateBindingRequestSchema,
  fail,
  ok,
  type Result,
} from '@family-share/shared';
import type { z } from 'zod';
import { RECOVERY_DELAY_MS, STALE_CLAIM_MS, type PlatformDeps } from '../deps';
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
 *      the commit is THE decision: from here the binding exists, whatever crashes next;
 *   3. turn the claim into an active entry on A's slot — from then on money may flow.
 * The bindingId makes a retry return the same binding, and a retry after a crash between 2 and
 * 3 finishes step 3 instead of deciding again. A crash between steps is also completed by the
 * recovery sweeper (recover-pending.ts). A withdrawn id (void-binding.lua) is never committed.
 */
export async function createBinding(deps: PlatformDeps, request: Request): Promise<Result<Binding>> {
  const { store, policy } = deps;
  const a = request.authorizerPsnNo;
  const b = request.beneficiaryPsnNo;
  if (a === b) return fail('SELF_BINDING');
  const op = await store.addPendingOperation({ type: 'binding', a, b, bindingId: request.bindingId }, deps.clock() + RECOVERY_DELAY_MS);
  const done = async <T>(result: Result<T>): Promise<Result<T>> => {
    await store.removePendingOperation(op);
    return result;
  };
  const release = () => store.finishBinding(a, b, request.bindingId, 'release', deps.clock(), null);
  /** This very id was committed already (a retry, or a duplicate acceptance racing this one): finish it. */
  const committedAlready = async (): Promise<Binding | null> => {
    const existing = await store.bindingRecord(b, request.bindingId);
    if (!existing || existing.authorizerId !== a) return null;
    if (existing.status === 'active') await store.finishBinding(a, b, request.bindingId, 'active', deps.clock(), null);
    return existing;
  };

  const claimedAt = deps.clock();
  const claim = await store.claimBinding(a, b, request.bindingId, claimedAt, STALE_CLAIM_MS);
  await deps.faults?.atBindingStep?.('binding:claimed');
  if (claim[0] !== 'OK') {
    const existing = await committedAlready();
    return done(existing ? ok(existing) : fail(toCode(claim[0])));
  }
  if (claim[1] === 'active') {
    const existing = await store.bindingRecord(b, request.bindingId);
    return done(existing ? ok(existing) : fail('BINDING_NOT_FOUND'));
  }
  const before = await committedAlready();
  if (before) return done(ok(before));

  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const snapshot = await readBindingSnapshot(deps, a, b);
    if (!snapshot) {
      await release();
      return done(fail('IDENTITY_MISMATCH'));
    }
    const decision = decideBinding(deps, snapshot, request);
    if (!decision.ok) {
      const existing = await committedAlready();
      if (existing) return done(ok(existing));
      await release();
      return done(fail(decision.code));
    }
    const now = deps.clock();
    const record: Binding = {
      bindingId: request.bindingId,
      authorizerId: a,
      authorizerName: snapshot.authorizer.name,
      authorizerMaskedIdNumber: maskIdNumber(snapshot.authorizer.idNumber),
      beneficiaryId: b,
      beneficiaryName: snapshot.beneficiary.name,
      beneficiaryMaskedIdNumber: maskIdNumber(snapshot.beneficiary.idNumber),
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
      claimedAt,
    );
    if (commit[0] === 'RETRY') continue; // B's facts changed since the snapshot: read again
    if (commit[0] !== 'OK') {
      await release();
      if (commit[0] === 'DUPLICATE_BINDING') await repairActiveEntry(deps, a, b);
      return done(fail(toCode(commit[0])));
    }
    await deps.faults?.atBindingStep?.('binding:committed');
    if (commit[1] === 'exists') {
      const existing = await store.bindingRecord(b, request.bindingId);
      if (existing) Object.assign(record, existing);
    }
    const finish = await store.finishBinding(a, b, request.bindingId, 'active', now, event(b, record.beneficiaryName, 'authorizer'));
    await deps.faults?.atBindingStep?.('binding:finished');
    if (finish[2] !== snapshot.authorizer.version) {
      // A's registry facts changed between the snapshot and now (e.g. R8): decide again.
      const authorizer = await store.getPerson(a);
      if (!authorizer || !canShareFrom(authorizer)) {
        await endBindingSteps(deps, record, 'AUTHORIZER_LEFT_EMPLOYEE_INSURANCE', null);
        return done(fail('AUTHORIZER_ACCOUNT_ABNORMAL'));
      }
    }
    if (commit[1] === 'created') {
      deps.notifier.notify(a, event(b, record.beneficiaryName, 'authorizer'));
      deps.notifier.notify(b, event(a, record.authorizerName, 'beneficiary'));
    }
    return done(ok(record));
  }
  await release();
  return done(fail('REQUEST_IN_PROGRESS'));
}

/**
 * The decision on one binding id, asked by the BFF to reconcile an invitation (R7, R19: the
 * platform decides, the BFF mirrors). A committed binding is finished on A's side first, as
 * the recovery sweeper would; with `withdraw`, an id not yet committed is withdrawn for good.
 */
export async function bindingDecision(
  deps: PlatformDeps,
  request: z.infer<typeof BindingDecisionRequestSchema> & { bindingId: string },
): Promise<BindingDecision> {
  const { store } = deps;
  const a = request.authorizerPsnNo;
  const b = request.beneficiaryPsnNo;
  const withdraw = request.withdraw ? { reason: request.withdraw.reason, code: request.withdraw.code ?? '' } : null;
  const decided = await store.bindingDecision(b, request.bindingId, withdraw, deps.clock());
  if (decided.state === 'binding') {
    if (decided.record.authorizerId !== a) return { state: 'open' };
    if (decided.record.status === 'active') await store.finishBinding(a, b, request.bindingId, 'active', deps.clock(), null);
    return { state: 'binding', binding: decided.record };
  }
  if (decided.state === 'open') return decided;
  // A claim left by an attempt that can no longer commit is released at once.
  await store.finishBinding(a, b, request.bindingId, 'release', deps.clock(), null);
  const reason = BindingWithdrawReasonSchema.parse(decided.reason);
  return isErrorCode(decided.code) ? { state: 'void', reason, code: decided.code } : { state: 'void', reason };
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
