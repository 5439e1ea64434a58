import { maskName, type BindingDecision, type ErrorCode } from '@family-share/shared';
import type { BffDeps } from '../deps';
import type { InvitationClosing } from '../ports/outside';
import type { InvitationRecord } from '../ports/stores';
import { notify } from './notify';

/**
 * An invitation and its binding live in two systems: the BFF's invitation and the platform's
 * binding, whose id is `inv-<invitationId>`. The platform is the system of record and decides
 * once per id, atomically on the beneficiary's slot: the binding is committed, or the id is
 * withdrawn for good (cancelled, rejected, expired, closed). The BFF changes an invitation's
 * outcome only to mirror that decision, so a crash between any two steps leaves at worst an
 * invitation that has not mirrored it yet ('pending' or 'accepting'), which the next touch —
 * an answer, a listing, the sweep — mirrors. It never leaves the two contradicting.
 */

/** How long an acceptance may be in flight before an undecided 'accepting' is pending again. */
export const ACCEPT_LEASE_MS = 60_000;

/**
 * Refusals that no change within an invitation's lifetime is expected to lift: close it at
 * once (R4, R8). A suspended account (AUTHORIZER_ACCOUNT_ABNORMAL) or a credential not yet
 * activated may change back within the 72 hours, so those stay open.
 */
export const CLOSING_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'REVERSE_BINDING',
  'BENEFICIARY_ALREADY_BOUND',
  'DUPLICATE_BINDING',
  'AUTHORIZER_NOT_EMPLOYEE',
  'AUTHORIZER_NOT_IN_REGION',
]);

export const bindingIdOf = (invitationId: string) => `inv-${invitationId}`;

const OPEN = ['pending', 'accepting'] as const;

/** Asks the platform what became of this invitation's binding, withdrawing it when `closing`. */
function decisionOf(deps: BffDeps, record: InvitationRecord, closing?: { reason: InvitationClosing; code?: ErrorCode }): Promise<BindingDecision> {
  return deps.platform.bindingDecision(bindingIdOf(record.invitationId), {
    authorizerPsnNo: record.inviterId,
    beneficiaryPsnNo: record.inviteeId,
    ...(closing ? { withdraw: closing.code ? { reason: closing.reason, code: closing.code } : { reason: closing.reason } } : {}),
  });
}

/**
 * Makes the invitation say what the platform decided. Whoever changes it tells the people
 * concerned (R20), so a notice lost to a crash is sent by the reconciler that comes next.
 */
export async function mirrorDecision(deps: BffDeps, record: InvitationRecord, decision: BindingDecision): Promise<InvitationRecord> {
  const now = deps.clock();
  if (decision.state === 'binding') {
    // The binding exists: the invitation was accepted, whatever the BFF had recorded (R7).
    const moved = await deps.invitations.transition(record.invitationId, [...OPEN, 'expired'], 'accepted', now, decision.binding.bindingId);
    if (!moved.ok) return moved.record ?? record;
    if (moved.changed) {
      await notify(deps, record.inviterId, 'INVITATION_ACCEPTED', { invitationId: record.invitationId, byName: maskName(record.inviteeName), relation: record.relation });
    }
    return moved.record;
  }
  if (decision.state === 'void') {
    const moved = await deps.invitations.transition(record.invitationId, OPEN, decision.reason, now, null, decision.code ?? null);
    if (!moved.ok) return moved.record ?? record;
    if (moved.changed) await tellClosed(deps, moved.record);
    return moved.record;
  }
  if (record.status === 'accepting' && record.decidedAt !== null && now - record.decidedAt > ACCEPT_LEASE_MS) {
    // Undecided and nobody is deciding any more (the acceptance's process died): pending again.
    const moved = await deps.invitations.transition(record.invitationId, ['accepting'], 'pending', now);
    return moved.record ?? record;
  }
  return record;
}

/** An 'accepting' invitation is brought in line with the platform; any other is returned as it is. */
export async function reconcile(deps: BffDeps, record: InvitationRecord): Promise<InvitationRecord> {
  if (record.status !== 'accepting') return record;
  return mirrorDecision(deps, record, await decisionOf(deps, record));
}

/**
 * Ends an open invitation without a binding: the platform withdraws the id first, so that an
 * acceptance racing this one either committed before (then the invitation is accepted, not
 * closed) or can never commit after. Answers the invitation as it now stands.
 */
export async function closeInvitation(
  deps: BffDeps,
  record: InvitationRecord,
  reason: InvitationClosing,
  code?: ErrorCode,
): Promise<InvitationRecord> {
  return mirrorDecision(deps, record, await decisionOf(deps, record, code ? { reason, code } : { reason }));
}

/** R20: both sides hear how an invitation ended without a binding (each only what concerns them). */
export async function tellClosed(deps: BffDeps, r: InvitationRecord): Promise<void> {
  const invitationId = r.invitationId;
  switch (r.status) {
    case 'cancelled':
      await notify(deps, r.inviteeId, 'INVITATION_CANCELLED', { invitationId, byName: maskName(r.inviterName) });
      return;
    case 'rejected':
      await notify(deps, r.inviterId, 'INVITATION_REJECTED', { invitationId, byName: maskName(r.inviteeName) });
      return;
    case 'expired':
    case 'closed': {
      const kind = r.status === 'expired' ? 'INVITATION_EXPIRED' : 'INVITATION_CLOSED';
      const reason: Record<string, string | null> = r.status === 'closed' ? { reason: r.closedReason } : {};
      await notify(deps, r.inviterId, kind, { invitationId, otherName: maskName(r.inviteeName), box: 'sent', ...reason });
      await notify(deps, r.inviteeId, kind, { invitationId, otherName: maskName(r.inviterName), box: 'received', ...reason });
      return;
    }
    default:
      return;
  }
}

/**
 * R4, R8, R19 (issue 9): an open invitation that acceptance would now refuse for a reason that
 * will not go away (the inviter left employee insurance, the invitee is bound as often as the
 * policy allows, the reverse binding exists) is closed now with that reason, not left for 72 h.
 */
export async function recheckInvitation(deps: BffDeps, record: InvitationRecord): Promise<InvitationRecord> {
  if (record.status !== 'pending') return record;
  const check = await deps.platform.checkBinding({
    authorizerPsnNo: record.inviterId,
    beneficiaryPsnNo: record.inviteeId,
    beneficiaryName: record.inviteeName,
    relation: record.relation,
    beneficiaryMayActivateLater: true,
  });
  if (check.ok || !CLOSING_CODES.has(check.code)) return record;
  return closeInvitation(deps, record, 'closed', check.code);
}

/**
 * After a binding between two people is made, the other open invitations that involve either
 * of them are checked again at once (a lost reverse race, a beneficiary now bound as often as
 * allowed). Best effort: the periodic re-check sweep catches what a crash here leaves.
 */
export async function recheckInvitationsOf(deps: BffDeps, people: readonly string[], except: string | null): Promise<void> {
  const seen = new Set<string>(except ? [except] : []);
  for (const person of people) {
    for (const box of ['sent', 'received'] as const) {
      for (const record of await deps.invitations.list(person, box, 50)) {
        if (seen.has(record.invitationId) || record.status !== 'pending') continue;
        seen.add(record.invitationId);
        try {
          await recheckInvitation(deps, record);
        } catch (error) {
          deps.log.warn({ err: error, invitationId: record.invitationId }, 'invitation re-check failed; the sweep will retry');
        }
      }
    }
  }
}
