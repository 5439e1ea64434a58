import { maskName, type BindingView, type InvitationView } from '@family-share/shared';
import type { BffDeps, Caller } from '../deps';
import { fail, ok, type Outcome } from '../ports/outcome';
import type { InvitationRecord, TransitionResult } from '../ports/stores';
import { tellExpired } from './expire-invitations';
import { listedBindingView } from './bindings';
import { notify } from './notify';
import { bindingView, invitationView, requirePerson } from './views';

async function mine(deps: BffDeps, invitationId: string, me: string, side: 'inviter' | 'invitee'): Promise<InvitationRecord | null> {
  const record = await deps.invitations.get(invitationId);
  if (!record) return null;
  return (side === 'inviter' ? record.inviterId : record.inviteeId) === me ? record : null;
}

async function refused(deps: BffDeps, result: Extract<TransitionResult, { ok: false }>): Promise<Outcome<never>> {
  if (result.reason === 'missing') return fail('INVITATION_NOT_FOUND');
  if (result.reason === 'expired') {
    // This very call moved it to 'expired' (the answer came too late): it tells both sides.
    if (result.record) await tellExpired(deps, result.record);
    return fail('INVITATION_EXPIRED');
  }
  return fail(result.record?.status === 'expired' ? 'INVITATION_EXPIRED' : 'INVITATION_NOT_PENDING');
}

/**
 * The relative accepts (flow 1): the binding takes effect at this moment (R7), after every
 * rule is checked again on the platform, atomically (R19). The invitation is held in
 * 'accepting' meanwhile, so that it cannot be cancelled half-way; the binding id comes from
 * the invitation, so a retry after any failure returns the same binding.
 */
export async function acceptInvitation(deps: BffDeps, caller: Caller, invitationId: string): Promise<Outcome<BindingView>> {
  const me = requirePerson(caller);
  const record = await mine(deps, invitationId, me, 'invitee');
  if (!record) return fail('INVITATION_NOT_FOUND');
  const bindingId = `inv-${invitationId}`;
  if (record.status === 'accepted') {
    const done = await deps.platform.bindings(me);
    const binding = done.asBeneficiary.find((b) => b.bindingId === bindingId);
    return binding ? ok(bindingView(binding, me)) : fail('INVITATION_NOT_PENDING');
  }

  const held = await deps.invitations.transition(invitationId, ['pending'], 'accepting', deps.clock());
  if (!held.ok) return refused(deps, held);
  let created;
  try {
    created = await deps.platform.createBinding({
      authorizerIdNumber: record.inviterId,
      beneficiaryIdNumber: me,
      beneficiaryName: record.inviteeName,
      relation: record.relation,
      bindingId,
    });
  } catch (error) {
    await deps.invitations.transition(invitationId, ['accepting'], 'pending', deps.clock());
    throw error;
  }
  if (!created.ok) {
    await deps.invitations.transition(invitationId, ['accepting'], 'pending', deps.clock());
    return fail(created.code);
  }
  await deps.invitations.transition(invitationId, ['accepting'], 'accepted', deps.clock(), created.value.bindingId);
  await notify(deps, record.inviterId, 'INVITATION_ACCEPTED', { invitationId, byName: maskName(record.inviteeName), relation: record.relation });
  return ok(await listedBindingView(deps, me, created.value));
}

/** The relative says no; the inviter is told (R20). */
export async function rejectInvitation(deps: BffDeps, caller: Caller, invitationId: string): Promise<Outcome<InvitationView>> {
  const me = requirePerson(caller);
  if (!(await mine(deps, invitationId, me, 'invitee'))) return fail('INVITATION_NOT_FOUND');
  const result = await deps.invitations.transition(invitationId, ['pending'], 'rejected', deps.clock());
  if (!result.ok) return refused(deps, result);
  if (result.changed) {
    await notify(deps, result.record.inviterId, 'INVITATION_REJECTED', { invitationId, byName: maskName(result.record.inviteeName) });
  }
  return ok(invitationView(result.record, me, deps.clock()));
}

/** The inviter withdraws; the relative is told (R20). */
export async function cancelInvitation(deps: BffDeps, caller: Caller, invitationId: string): Promise<Outcome<InvitationView>> {
  const me = requirePerson(caller);
  if (!(await mine(deps, invitationId, me, 'inviter'))) return fail('INVITATION_NOT_FOUND');
  const result = await deps.invitations.transition(invitationId, ['pending'], 'cancelled', deps.clock());
  if (!result.ok) return refused(deps, result);
  if (result.changed) {
    await notify(deps, result.record.inviteeId, 'INVITATION_CANCELLED', { invitationId, byName: maskName(result.record.inviterName) });
  }
  return ok(invitationView(result.record, me, deps.clock()));
}
