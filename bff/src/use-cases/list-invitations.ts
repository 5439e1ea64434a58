import type { InvitationView } from '@family-share/shared';
import type { BffDeps, Caller } from '../deps';
import type { InvitationRecord } from '../ports/stores';
import { closeInvitation, recheckInvitation, reconcile } from './reconcile-invitation';
import { invitationView, requirePerson } from './views';

/**
 * My invitations, newest first, each as it truly stands: an acceptance in doubt is mirrored
 * from the platform, one past its expiry is closed (R19), one that can no longer be accepted
 * is closed with its reason (R4, R8), and both sides are told (R20).
 */
export async function listInvitations(deps: BffDeps, caller: Caller, box: 'sent' | 'received'): Promise<{ items: InvitationView[] }> {
  const me = requirePerson(caller);
  const records = await deps.invitations.list(me, box, 50);
  const settled: InvitationRecord[] = [];
  for (const record of records) settled.push(await settle(deps, record));
  const now = deps.clock();
  return { items: settled.map((r) => invitationView(r, me, now)) };
}

async function settle(deps: BffDeps, record: InvitationRecord): Promise<InvitationRecord> {
  const current = await reconcile(deps, record);
  if (current.status !== 'pending') return current;
  if (current.expiresAt <= deps.clock()) return closeInvitation(deps, current, 'expired');
  return recheckInvitation(deps, current);
}
