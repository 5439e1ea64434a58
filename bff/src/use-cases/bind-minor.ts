import { randomBytes } from 'node:crypto';
import { ageOn, chinaDate, type BindingView, type MinorBindingRequestSchema, fail, ok, type Result } from '@family-share/shared';
import type { z } from 'zod';
import type { BffDeps, Caller } from '../deps';
import { hasAcceptedCommitment } from './commitment';
import { listedBindingView } from './bindings';
import { faceTarget } from './face-target';
import { requirePerson } from './views';

/**
 * R18: a parent activates the e-credential of their child under 16 as guardian (亲情账户) and
 * binds the child in the same flow; the child cannot accept on a phone, so none is asked.
 * The household register on the platform must name the caller as the child's parent.
 */
export async function bindMinor(deps: BffDeps, caller: Caller, request: z.infer<typeof MinorBindingRequestSchema>): Promise<Result<BindingView>> {
  const me = requirePerson(caller);
  if (!(await hasAcceptedCommitment(deps, me, request.commitmentVersion))) return fail('COMMITMENT_REQUIRED');
  if (!request.faceTicket) return fail('FACE_VERIFICATION_REQUIRED');
  if (!(await deps.faces.consumeTicket(caller.openid, request.faceTicket, 'bind', faceTarget(request.childIdNumber)))) return fail('FACE_TICKET_INVALID');

  // The child as the parent typed them: name and ID number must match (an unknown number
  // answers like a wrong name); from here the child is their person number.
  const child = await deps.platform.verifyIdentity(request.childName, request.childIdNumber);
  if (!child.ok) return fail(child.code);
  // Activated already — by me before, by the other parent, at the counter, or by the child
  // before R18 was enforced: the binding goes on; the platform still checks that I am a parent.
  if (child.value.eCredential.active) {
    if (ageOn(child.value.birthDate, chinaDate(deps.clock())) >= deps.config.policy.minorAge) return fail('NOT_A_MINOR');
  } else {
    const activated = await deps.platform.activateAsGuardian({ guardianPsnNo: me, childName: request.childName, childIdNumber: request.childIdNumber });
    if (!activated.ok && activated.code !== 'CHILD_ECREDENTIAL_ALREADY_ACTIVE') return fail(activated.code);
  }
  const created = await deps.platform.createBinding({
    authorizerPsnNo: me,
    beneficiaryPsnNo: child.value.psnNo,
    beneficiaryName: request.childName,
    relation: 'child',
    bindingId: `minor-${randomBytes(12).toString('base64url')}`,
  });
  if (!created.ok) return fail(created.code);
  if (created.value.needsAcceptance) {
    // Cannot happen for a minor bound by a registered parent; never leave such a binding silently.
    deps.log.error({ bindingId: created.value.bindingId }, 'a guardian binding came back as needing acceptance');
  }
  return ok(await listedBindingView(deps, me, created.value));
}
