import type { BffDeps } from '../deps';
import { closeInvitation, reconcile, recheckInvitation } from './reconcile-invitation';

/** How often each open invitation is checked against the rules again (R4, R8; issue 9). */
export const RECHECK_EVERY_MS = 60_000;

/**
 * R19/R20: closes one invitation whose 72 hours have passed and tells both sides, once. The
 * platform withdraws its binding id first: an acceptance that got there before wins (the
 * invitation is accepted), none can follow.
 */
export async function expireInvitation(deps: BffDeps, invitationId: string): Promise<void> {
  const record = await deps.invitations.get(invitationId);
  if (!record || (record.status !== 'pending' && record.status !== 'accepting')) {
    await deps.invitations.forgetExpiry(invitationId);
    return;
  }
  await closeInvitation(deps, record, 'expired');
}

/**
 * The periodic sweep, safe on several BFF processes: every invitation whose time has come;
 * then open invitations due for a re-check, so that one the platform's own changes made
 * impossible (R8 by the registry, which the BFF does not see happen) is closed within about
 * a minute, and an acceptance whose process died is mirrored from the platform.
 */
export async function expireDueInvitations(deps: BffDeps): Promise<number> {
  const now = deps.clock();
  const due = await deps.invitations.dueExpiries(now, 100);
  for (const id of due) await expireInvitation(deps, id);
  for (const id of await deps.invitations.takeDueRechecks(now, now + RECHECK_EVERY_MS, 100)) {
    const record = await deps.invitations.get(id);
    if (!record || (record.status !== 'pending' && record.status !== 'accepting')) {
      await deps.invitations.forgetExpiry(id);
      continue;
    }
    await recheckInvitation(deps, await reconcile(deps, record));
  }
  return due.length;
}
