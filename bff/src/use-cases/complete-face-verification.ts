import { randomBytes } from 'node:crypto';
import { fail, ok, type Result, type ErrorCode, type FaceTicket } from '@family-share/shared';
import { AppError } from '@family-share/shared/server-kit';
import type { BffDeps, Caller } from '../deps';
import type { FaceOutcome } from '../ports/outside';

/** R6: a ticket lives five minutes and is good for one use, for its purpose and target only. */
export const FACE_TICKET_TTL_S = 300;

const FAILURE_CODES: Record<Exclude<FaceOutcome, 'pass'>, ErrorCode> = {
  fail: 'FACE_VERIFICATION_FAILED',
  spoof: 'FACE_SPOOF_DETECTED',
  timeout: 'FACE_VERIFICATION_TIMEOUT',
};

/**
 * Reads the verification's result from WeChat (queryverifyinfo) — the only thing that
 * decides; what the phone's wx.requestFacialVerify callback said is never trusted. A pass
 * yields a single-use ticket; a face that failed counts towards the lock (5 an hour); leaving,
 * a camera refused or a phone that cannot do it does not count.
 *
 * Steps and what a crash between them leaves: (1) query — nothing changed, a retry queries
 * again (WeChat answers the same); (2) take the session — from here only this call acts on
 * the result, a second completion answers FACE_RESULT_CONSUMED; (3) issue the ticket or count
 * the failure — a crash before it loses this attempt, and the person verifies again.
 */
export async function completeFaceVerification(
  deps: BffDeps,
  caller: Caller,
  sessionId: string,
  demoOutcome: FaceOutcome | undefined,
): Promise<Result<FaceTicket>> {
  const status = await deps.limits.faceStatus(caller.openid);
  if (status.lockedUntil !== null) throw new AppError('FACE_LOCKED', undefined, { retryAfterS: Math.ceil((status.lockedUntil - deps.clock()) / 1000) });
  const session = await deps.faces.getSession(caller.openid, sessionId);
  if (!session || session.expiresAt <= deps.clock()) return fail('FACE_VERIFICATION_NOT_FOUND');

  // In demo mode the page stands in for the phone's face SDK and picks what the camera sees.
  if (deps.config.demo) await deps.face.clientVerify(session.verifyId, demoOutcome ?? 'pass');
  const result = await deps.face.query({ verifyId: session.verifyId, outSeqNo: session.sessionId, certHash: session.certHash, openid: caller.openid });
  if (result === 'unknown') return fail('FACE_VERIFICATION_NOT_FOUND');
  if (!(await deps.faces.takeSession(caller.openid, sessionId))) return fail('FACE_RESULT_CONSUMED');

  if (result === 'pass') {
    const ticket = randomBytes(24).toString('base64url');
    await deps.faces.issueTicket(caller.openid, ticket, session.purpose, session.target, FACE_TICKET_TTL_S);
    return ok({ ticket, purpose: session.purpose, expiresAt: deps.clock() + FACE_TICKET_TTL_S * 1000 });
  }
  if (result === 'cancelled') return fail('FACE_VERIFICATION_CANCELLED');
  if (result === 'unsupported') return fail('FACE_DEVICE_UNSUPPORTED');
  const counted = await deps.limits.faceFailure(caller.openid);
  if (counted.locked) throw new AppError('FACE_LOCKED', undefined, { retryAfterS: Math.ceil(((counted.lockedUntil ?? 0) - deps.clock()) / 1000) });
  return fail(FAILURE_CODES[result]);
}
