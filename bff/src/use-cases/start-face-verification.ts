import { randomBytes } from 'node:crypto';
import { fail, ok, type Result, type FaceSessionRequestSchema } from '@family-share/shared';
import type { z } from 'zod';
import { AppError } from '@family-share/shared/server-kit';
import type { BffDeps, Caller } from '../deps';
import { isMinorNumber } from './activate-ecredential';
import { faceTarget } from './face-target';

const SESSION_TTL_S = 600;

/**
 * R6: starts a face verification of the caller for a purpose and a target, which the ticket
 * it yields will be bound to. For activation the BFF does not know the person yet: the name
 * and number must match the registry, and the face is verified against them.
 */
export async function startFaceVerification(
  deps: BffDeps,
  caller: Caller,
  request: z.infer<typeof FaceSessionRequestSchema>,
): Promise<Result<{ sessionId: string; verifyId: string; purpose: typeof request.purpose; expiresAt: number; demo: boolean; help: { counter: string; hotline: string } }>> {
  const status = await deps.limits.faceStatus(caller.openid);
  if (status.lockedUntil !== null) throw new AppError('FACE_LOCKED', undefined, { retryAfterS: Math.ceil((status.lockedUntil - deps.clock()) / 1000) });

  let name: string;
  let idNumber: string;
  let target: string;
  if (request.purpose === 'activate') {
    const identity = await deps.platform.verifyIdentity(request.name, request.idNumber);
    if (!identity.ok) return fail(identity.code);
    // R18: a child under the minor age is not sent to a face scan that could only be refused.
    if (isMinorNumber(identity.value.idNumber, deps)) return fail('MINOR_SELF_SERVICE');
    ({ name, idNumber } = identity.value);
    target = faceTarget(idNumber);
  } else {
    if (!caller.personId) return fail('ECREDENTIAL_REQUIRED');
    const me = await deps.platform.person(caller.personId);
    if (!me.ok) return fail(me.code);
    ({ name, idNumber } = me.value);
    // 'bind': the relative's ID number as typed, kept as a digest; 'unbind': a binding id.
    target = request.purpose === 'bind' ? faceTarget(request.target) : request.target;
    if (request.purpose === 'unbind') {
      const bindings = await deps.platform.bindings(caller.personId);
      const mine = [...bindings.asAuthorizer, ...bindings.asBeneficiary].some((b) => b.bindingId === target && b.status === 'active');
      if (!mine) return fail('BINDING_NOT_FOUND');
    }
  }
  // getverifyid for this name and number and this WeChat account: the phone that faces the
  // camera (wx.requestFacialVerify) must be logged in as the same openid, or WeChat fails it.
  const sessionId = randomBytes(18).toString('base64url');
  const started = await deps.face.start({ outSeqNo: sessionId, openid: caller.openid, name, idNumber });
  const ttl = Math.min(SESSION_TTL_S, started.expiresInS);
  const expiresAt = deps.clock() + ttl * 1000;
  await deps.faces.saveSession(
    { sessionId, verifyId: started.verifyId, certHash: started.certHash, openid: caller.openid, purpose: request.purpose, target, expiresAt },
    ttl,
  );
  return ok({ sessionId, verifyId: started.verifyId, purpose: request.purpose, expiresAt, demo: deps.config.demo, help: { counter: deps.config.policy.counterName, hotline: deps.config.policy.hotline } });
}
