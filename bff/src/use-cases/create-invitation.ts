import { randomBytes } from 'node:crypto';
import {
  invitationExpiresAt,
  maskIdNumber,
  maskName,
  type CheckInvitationRequestSchema,
  type CreateInvitationRequestSchema,
  type InvitationView,
  type Relation,
  fail,
  ok,
  type Result,
} from '@family-share/shared';
import type { z } from 'zod';
import { AppError } from '@family-share/shared/server-kit';
import type { BffDeps, Caller } from '../deps';
import type { InvitationRecord } from '../ports/stores';
import { hasAcceptedCommitment } from './commitment';
import { faceTarget } from './face-target';
import { notify } from './notify';
import { invitationView, requirePerson } from './views';

/**
 * R3 and issue 9 item 10: the registry check of a relative's name and ID number, limited per
 * person by how many did NOT match (what enumerating ID numbers produces), so that a person
 * with typos is not locked out of inviting and an enumerator is. The answer says when checks
 * may resume. The numbers are the registry's 'identityFailure' limit; it is counted here and
 * not before the use case, because only a mismatch counts and that is known only here.
 */
export async function checkRelative(
  deps: BffDeps,
  me: string,
  request: { name: string; idNumber: string; relation: Relation },
): Promise<Result<{ needsAcceptance: boolean; beneficiaryPsnNo: string }>> {
  const blocked = await deps.limits.peek('identityFailure', me);
  if (!blocked.ok) throw new AppError('IDENTITY_CHECKS_LIMITED', undefined, { retryAfterS: blocked.retryAfterS });
  const check = await deps.platform.checkBinding({
    authorizerPsnNo: me,
    beneficiaryIdNumber: request.idNumber,
    beneficiaryName: request.name,
    relation: request.relation,
    beneficiaryMayActivateLater: true,
  });
  if (!check.ok && check.code === 'IDENTITY_MISMATCH') await deps.limits.consume('identityFailure', me);
  return check;
}

/**
 * Issue 12 item 2: the rule check before the face step (name matches the ID number, not
 * oneself, the inviter's account, the relation, R4 …), so that a refusal comes before the
 * person has done a face scan for nothing. Acceptance checks everything again (R19).
 */
export async function checkInvitation(
  deps: BffDeps,
  caller: Caller,
  request: z.infer<typeof CheckInvitationRequestSchema>,
): Promise<Result<{ needsAcceptance: boolean }>> {
  const check = await checkRelative(deps, requirePerson(caller), request);
  return check.ok ? ok({ needsAcceptance: check.value.needsAcceptance }) : check;
}

/**
 * The authorizer invites a relative (flow 1): the commitment accepted (R9), the rules checked
 * on the platform as they stand now, a fresh face verification for this relative (R6), then
 * an invitation that expires in 72 hours (R19) and a notice to the relative (R20). A child
 * under 16 with a guardian-activated credential needs no acceptance (R18): bound at once.
 * Only invitations made count towards the hourly limit (registry 'invitation', counted before
 * this runs): a refused attempt is given back.
 */
export async function createInvitation(
  deps: BffDeps,
  caller: Caller,
  request: z.infer<typeof CreateInvitationRequestSchema>,
): Promise<Result<InvitationView>> {
  const me = requirePerson(caller);
  if (!(await hasAcceptedCommitment(deps, me, request.commitmentVersion))) return fail('COMMITMENT_REQUIRED');

  const check = await checkRelative(deps, me, request);
  if (!check.ok) return fail(check.code);
  // From here the relative is their person number: the typed ID number is in no key or record.
  const invitee = check.value.beneficiaryPsnNo;
  const binding = { authorizerPsnNo: me, beneficiaryPsnNo: invitee, beneficiaryName: request.name, relation: request.relation };

  if (!request.faceTicket) return fail('FACE_VERIFICATION_REQUIRED');
  if (!(await deps.faces.consumeTicket(caller.openid, request.faceTicket, 'bind', faceTarget(request.idNumber)))) return fail('FACE_TICKET_INVALID');

  const inviter = await deps.platform.person(me);
  if (!inviter.ok) return fail(inviter.code);
  const now = deps.clock();
  const invitationId = `inv_${randomBytes(12).toString('base64url')}`;
  const record: InvitationRecord = {
    invitationId,
    inviterId: me,
    inviterName: inviter.value.name,
    inviterMaskedIdNumber: maskIdNumber(inviter.value.idNumber),
    inviteeId: invitee,
    inviteeName: request.name,
    inviteeMaskedIdNumber: maskIdNumber(request.idNumber),
    relation: request.relation,
    status: 'pending',
    createdAt: now,
    expiresAt: invitationExpiresAt(now, deps.config.policy),
    decidedAt: null,
    bindingId: null,
    closedReason: null,
  };

  if (!check.value.needsAcceptance) {
    const created = await deps.platform.createBinding({ ...binding, bindingId: `inv-${invitationId}` });
    if (!created.ok) return fail(created.code);
    return ok(invitationView({ ...record, status: 'accepted', decidedAt: now, bindingId: created.value.bindingId }, me, now));
  }

  if ((await deps.invitations.create(record)) === 'pending-exists') return fail('INVITATION_ALREADY_PENDING');
  await notify(deps, invitee, 'INVITATION_RECEIVED', {
    invitationId,
    fromName: maskName(inviter.value.name),
    relation: request.relation,
    expiresAt: record.expiresAt,
  });
  return ok(invitationView(record, me, now));
}
