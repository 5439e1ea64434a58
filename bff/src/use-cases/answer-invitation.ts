import { ageOn, chinaDate, type Binding, type BindingView, type ErrorCode, type InvitationView, fail, ok, type Result } from '@family-share/shared';
import type { BffDeps, Caller } from '../deps';
import type { InvitationClosing } from '../ports/outside';
import type { InvitationRecord } from '../ports/stores';
import { listedBindingView } from './bindings';
import { bindingIdOf, closeInvitation, CLOSING_CODES, mirrorDecision, recheckInvitationsOf, reconcile } from './reconcile-invitation';
import { invitationView, requirePerson } from './views';

async function mine(deps: BffDeps, invitationId: string, me: string, side: 'inviter' | 'invitee'): Promise<InvitationRecord | null> {
  const record = await deps.invitations.get(invitationId);
  if (!record) return null;
  return (side === 'inviter' ? record.inviterId : record.inviteeId) === me ? record : null;
}

/** The answer to a person whose invitation is no longer open. */
function closedAnswer(record: InvitationRecord): Result<never> {
  return fail(record.status === 'expired' ? 'INVITATION_EXPIRED' : 'INVITATION_NOT_PENDING');
}

const isOpen = (record: InvitationRecord) => record.status === 'pending' || record.status === 'accepting';

/** The binding of an accepted invitation as the invitee's listing shows it. */
async function acceptedAnswer(deps: BffDeps, me: string, record: InvitationRecord, binding?: Binding): Promise<Result<BindingView>> {
  if (binding) return ok(await listedBindingView(deps, me, binding));
  const bindings = await deps.platform.bindings(me);
  const found = bindings.asBeneficiary.find((b) => b.bindingId === (record.bindingId ?? bindingIdOf(record.invitationId)));
  return found ? ok(await listedBindingView(deps, me, found)) : fail('INVITATION_NOT_PENDING');
}

/**
 * The relative accepts (flow 1): the binding takes effect at this moment (R7), after every
 * rule is checked again on the platform, atomically (R19). The steps, and what a crash after
 * each leaves (the platform decides, the BFF mirrors: reconcile-invitation.ts):
 *   1. hold: pending → 'accepting'                 → undecided; mirrored by the next touch
 *   2. platform claim (A's slot)                   → undecided; the claim is released
 *   3. platform commit (B's slot): THE decision    → the binding exists; mirrored as accepted
 *   4. platform finish (A's slot): money may flow  → as 3
 *   5. mirror: 'accepting' → accepted, tell the inviter
 * The binding id comes from the invitation, so duplicate acceptances all run the same
 * idempotent creation and all answer the same binding (issue 9 item 7).
 */
export async function acceptInvitation(deps: BffDeps, caller: Caller, invitationId: string): Promise<Result<BindingView>> {
  const me = requirePerson(caller);
  let record = await mine(deps, invitationId, me, 'invitee');
  if (!record) return fail('INVITATION_NOT_FOUND');
  // R18: a child under the minor age does not accept on a phone; a parent binds them.
  const person = await deps.platform.person(me);
  if (person.ok && ageOn(person.value.birthDate, chinaDate(deps.clock())) < deps.config.policy.minorAge) return fail('MINOR_SELF_SERVICE');
  record = await reconcile(deps, record);
  if (record.status === 'accepted') return acceptedAnswer(deps, me, record);
  if (!isOpen(record)) return closedAnswer(record);
  if (record.status === 'pending' && record.expiresAt <= deps.clock()) return closedAnswer(await closeInvitation(deps, record, 'expired'));

  const held = await deps.invitations.transition(invitationId, ['pending', 'accepting'], 'accepting', deps.clock());
  if (!held.ok) {
    if (held.reason === 'missing') return fail('INVITATION_NOT_FOUND');
    // Past its expiry: withdraw the id on the platform too, and tell both sides (R19, R20).
    if (held.reason === 'expired' && held.record) return closedAnswer(await closeInvitation(deps, held.record, 'expired'));
    return held.record?.status === 'accepted' ? acceptedAnswer(deps, me, held.record) : closedAnswer(held.record ?? record);
  }
  const bindingId = bindingIdOf(invitationId);
  let created: Result<Binding>;
  try {
    created = await deps.platform.createBinding({
      authorizerPsnNo: record.inviterId,
      beneficiaryPsnNo: me,
      beneficiaryName: record.inviteeName,
      relation: record.relation,
      bindingId,
    });
  } catch (error) {
    // No answer: the platform may have decided, or may still. Mirror it if it can say now;
    // otherwise the invitation stays 'accepting' until a later touch can.
    const settled = await deps.platform.bindingDecision(bindingId, { authorizerPsnNo: record.inviterId, beneficiaryPsnNo: me }).catch(() => null);
    if (settled?.state === 'binding' && settled.binding.status === 'active') {
      await mirrorDecision(deps, held.record, settled);
      await recheckInvitationsOf(deps, [record.inviterId, me], invitationId);
      return acceptedAnswer(deps, me, record, settled.binding);
    }
    if (settled?.state === 'void') await mirrorDecision(deps, held.record, settled);
    throw error;
  }
  if (created.ok) {
    await mirrorDecision(deps, held.record, { state: 'binding', binding: created.value });
    await recheckInvitationsOf(deps, [record.inviterId, me], invitationId);
    return acceptedAnswer(deps, me, record, created.value);
  }
  return refusedAcceptance(deps, me, held.record, created.code);
}

/**
 * The platform refused the creation: it answered, so nothing of this attempt is in flight. Its
 * decision on the id says the rest: made after all (a duplicate acceptance won), withdrawn
 * (cancelled meanwhile), or open — then the invitation is pending again, or closed at once
 * when the refusal will not go away (a lost reverse race, the beneficiary bound elsewhere).
 */
async function refusedAcceptance(deps: BffDeps, me: string, record: InvitationRecord, code: ErrorCode): Promise<Result<BindingView>> {
  const decision = await deps.platform.bindingDecision(bindingIdOf(record.invitationId), {
    authorizerPsnNo: record.inviterId,
    beneficiaryPsnNo: me,
  });
  if (decision.state === 'binding') {
    await mirrorDecision(deps, record, decision);
    return decision.binding.status === 'active' ? acceptedAnswer(deps, me, record, decision.binding) : fail(code);
  }
  if (decision.state === 'void') return closedAnswer(await mirrorDecision(deps, record, decision));
  if (CLOSING_CODES.has(code)) {
    await closeInvitation(deps, record, 'closed', code);
    return fail(code);
  }
  await deps.invitations.transition(record.invitationId, ['accepting'], 'pending', deps.clock());
  return fail(code);
}

/**
 * Cancel (the inviter) and reject (the relative) end an open invitation; the platform
 * withdraws the binding id first, so that an acceptance that already made the binding wins:
 * then the invitation is accepted, not cancelled, and the answer says it is no longer open.
 */
async function withdraw(
  deps: BffDeps,
  caller: Caller,
  invitationId: string,
  side: 'inviter' | 'invitee',
  reason: Extract<InvitationClosing, 'cancelled' | 'rejected'>,
): Promise<Result<InvitationView>> {
  const me = requirePerson(caller);
  const record = await mine(deps, invitationId, me, side);
  if (!record) return fail('INVITATION_NOT_FOUND');
  if (!isOpen(record)) return record.status === reason ? ok(invitationView(record, me, deps.clock())) : closedAnswer(record);
  const expired = record.status === 'pending' && record.expiresAt <= deps.clock();
  const now = await closeInvitation(deps, record, expired ? 'expired' : reason);
  if (now.status === reason) return ok(invitationView(now, me, deps.clock()));
  return closedAnswer(now);
}

/** The relative says no; the inviter is told (R20). */
export function rejectInvitation(deps: BffDeps, caller: Caller, invitationId: string): Promise<Result<InvitationView>> {
  return withdraw(deps, caller, invitationId, 'invitee', 'rejected');
}

/** The inviter withdraws; the relative is told (R20). */
export function cancelInvitation(deps: BffDeps, caller: Caller, invitationId: string): Promise<Result<InvitationView>> {
  return withdraw(deps, caller, invitationId, 'inviter', 'cancelled');
}
