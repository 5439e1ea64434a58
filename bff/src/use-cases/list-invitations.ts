import type { InvitationView } from '@family-share/shared';
import type { BffDeps, Caller } from '../deps';
import { expireInvitation } from './expire-invitations';
import { invitationView, requirePerson } from './views';

/** My invitations, newest first; one found past its expiry is closed now, and both are told (R19, R20). */
export async function listInvitations(deps: BffDeps, caller: Caller, box: 'sent' | 'received'): Promise<{ items: InvitationView[] }> {
  const me = requirePerson(caller);
  const now = deps.clock();
  const records = await deps.invitations.list(me, box, 50);
  for (const r of records) if (r.status === 'pending' && r.expiresAt <= now) await expireInvitation(deps, r.invitationId);
  return { items: records.map((r) => invitationView(r, me, now)) };
}
