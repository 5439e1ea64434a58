import { randomBytes } from 'node:crypto';
import { invitationExpiresAt, maskName, type CreateInvitationRequestSchema, type InvitationView } from '@family-share/shared';
import type { z } from 'zod';
import { AppError } from '../http/app-error';
import type { BffDeps, Caller } from '../deps';
import { fail, ok, type Outcome } from '../ports/outcome';
import { hasAcceptedCommitment } from './commitment';
import { notify } from './notify';
import { invitationView, requirePerson } from './views';

/**
 * The authorizer invites a relative (flow 1): the commitment accepted (R9), the rules checked
 * on the platform as they stand now, a fresh face verification for this relative (R6), then
 * an invitation that expires in 72 hours (R19) and a notice to the relative (R20). A child
 * under 16 with a guardian-activated credential needs no acceptance (R18): bound at once.
 */
export async function createInvitation(
  deps: BffDeps,
  caller: Caller,
  request: z.infer<typeof CreateInvitationRequestSchema>,
): Promise<Outcome<InvitationView>> {
  const me = requirePerson(caller);
  const limit = await deps.limits.consume('invitation', me);
  if (!limit.ok) throw new AppError('RATE_LIMITED', undefined, { retryAfterS: limit.retryAfterS });
  if (!(await hasAcceptedCommitment(deps, me, request.commitmentVersion))) return fail('COMMITMENT_REQUIRED');

  const binding = { authorizerIdNumber: me, beneficiaryIdNumber: request.idNumber, beneficiaryName: request.name, relation: request.relation };
  const check = await deps.platform.checkBinding({ ...binding, beneficiaryMayActivateLater: true });
  if (!check.ok) return fail(check.code);

  if (!request.faceTicket) return fail('FACE_VERIFICATION_REQUIRED');
  if (!(await deps.faces.consumeTicket(caller.openid, request.faceTicket, 'bind', request.idNumber))) return fail('FACE_TICKET_INVALID');

  const inviter = await deps.platform.person(me);
  if (!inviter.ok) return fail(inviter.code);
  const now = deps.clock();
  const invitationId = `inv_${randomBytes(12).toString('base64url')}`;
  const record = {
    invitationId,
    inviterId: me,
    inviterName: inviter.value.name,
    inviteeId: request.idNumber,
    inviteeName: request.name,
    relation: request.relation,
    status: 'pending' as const,
    createdAt: now,
    expiresAt: invitationExpiresAt(now, deps.config.policy),
    decidedAt: null,
    bindingId: null,
  };

  if (!check.value.needsAcceptance) {
    const created = await deps.platform.createBinding({ ...binding, bindingId: `inv-${invitationId}` });
    if (!created.ok) return fail(created.code);
    return ok(invitationView({ ...record, status: 'accepted', decidedAt: now, bindingId: created.value.bindingId }, me, now));
  }

  if ((await deps.invitations.create(record)) === 'pending-exists') return fail('INVITATION_ALREADY_PENDING');
  await notify(deps, request.idNumber, 'INVITATION_RECEIVED', {
    invitationId,
    fromName: maskName(inviter.value.name),
    relation: request.relation,
    expiresAt: record.expiresAt,
  });
  return ok(invitationView(record, me, now));
}
