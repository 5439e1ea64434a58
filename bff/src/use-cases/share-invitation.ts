import { fail, ok, type Result, type InvitationView } from '@family-share/shared';
import type { BffDeps, Caller } from '../deps';
import { expireInvitation } from './expire-invitations';
import { invitationView, requirePerson } from './views';

/** The page a shared invitation opens: the landing page, which sends the invitee through login and activation. */
export const INVITATION_LANDING_PAGE = '/pages/invite/index';

/**
 * 发送给家人: a signed link to my pending invitation, for the share card (onShareAppMessage's
 * path) or, on h5, a link to copy. It expires when the invitation does (R19).
 */
export async function createInvitationLink(
  deps: BffDeps,
  caller: Caller,
  invitationId: string,
): Promise<Result<{ token: string; path: string; expiresAt: number }>> {
  const me = requirePerson(caller);
  const record = await deps.invitations.get(invitationId);
  if (!record || record.inviterId !== me) return fail('INVITATION_NOT_FOUND');
  if (record.status !== 'pending' || record.expiresAt <= deps.clock()) return fail('INVITATION_NOT_PENDING');
  const token = deps.invitationLinks.sign(invitationId, record.expiresAt);
  return ok({ token, path: `${INVITATION_LANDING_PAGE}?t=${token}`, expiresAt: record.expiresAt });
}

/**
 * The invitation a link names — for its invitee only. Anyone else (the inviter included), and
 * any altered or expired link, gets the same INVITATION_LINK_INVALID: nothing about the
 * people involved, not even whether the invitation exists. An invitee without an activated
 * e-credential gets ECREDENTIAL_REQUIRED, activates, and opens the link again.
 */
export async function openInvitationLink(deps: BffDeps, caller: Caller, token: string): Promise<Result<InvitationView>> {
  const now = deps.clock();
  const named = deps.invitationLinks.verify(token, now);
  if (!named) return fail('INVITATION_LINK_INVALID');
  const me = requirePerson(caller);
  const record = await deps.invitations.get(named.invitationId);
  if (!record || record.inviteeId !== me) return fail('INVITATION_LINK_INVALID');
  if (record.status === 'pending' && record.expiresAt <= now) await expireInvitation(deps, record.invitationId);
  return ok(invitationView(record, me, now));
}
