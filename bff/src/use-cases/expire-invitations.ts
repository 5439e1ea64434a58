import { maskName } from '@family-share/shared';
import type { BffDeps } from '../deps';
import type { InvitationRecord } from '../ports/stores';
import { notify } from './notify';

/** R19/R20: closes one invitation whose 72 hours have passed and tells both sides, once. */
export async function expireInvitation(deps: BffDeps, invitationId: string): Promise<void> {
  const result = await deps.invitations.transition(invitationId, ['pending'], 'expired', deps.clock());
  if (!result.ok) {
    if (result.reason === 'not-pending' || result.reason === 'missing') await deps.invitations.forgetExpiry(invitationId);
    return;
  }
  if (result.changed) await tellExpired(deps, result.record);
}

/**
 * Both sides hear of an expiry (R20). Called by whichever transition moved the invitation
 * to 'expired' — the sweep, a listing, or an answer that came too late — and only by it.
 */
export async function tellExpired(deps: BffDeps, r: InvitationRecord): Promise<void> {
  const invitationId = r.invitationId;
  await notify(deps, r.inviterId, 'INVITATION_EXPIRED', { invitationId, otherName: maskName(r.inviteeName), box: 'sent' });
  await notify(deps, r.inviteeId, 'INVITATION_EXPIRED', { invitationId, otherName: maskName(r.inviterName), box: 'received' });
}

/** The periodic sweep: every invitation whose time has come. Safe on several BFF processes. */
export async function expireDueInvitations(deps: BffDeps): Promise<number> {
  const due = await deps.invitations.dueExpiries(deps.clock(), 100);
  for (const id of due) await expireInvitation(deps, id);
  return due.length;
}
