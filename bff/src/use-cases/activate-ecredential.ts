import { ageOn, birthDateOf, chinaDate, type MyPerson, fail, ok, type Result } from '@family-share/shared';
import type { BffDeps, Caller } from '../deps';
import { faceTarget } from './face-target';
import { myPerson } from './views';

/**
 * R1: name and ID number, a passed face verification for them, then the platform activates.
 * R18: not for a person under the minor age (a parent does it as guardian); the platform
 * refuses too, this says so before a face ticket is spent.
 */
export function isMinorNumber(idNumber: string, deps: BffDeps): boolean {
  return ageOn(birthDateOf(idNumber), chinaDate(deps.clock())) < deps.config.policy.minorAge;
}

/** R1: activates my own e-credential (see above). */
export async function activateECredential(
  deps: BffDeps,
  caller: Caller,
  request: { name: string; idNumber: string; faceTicket?: string | undefined },
): Promise<Result<MyPerson>> {
  if (isMinorNumber(request.idNumber, deps)) return fail('MINOR_SELF_SERVICE');
  if (!request.faceTicket) return fail('FACE_VERIFICATION_REQUIRED');
  if (!(await deps.faces.consumeTicket(caller.openid, request.faceTicket, 'activate', faceTarget(request.idNumber)))) {
    return fail('FACE_TICKET_INVALID');
  }
  const activated = await deps.platform.activate({ name: request.name, idNumber: request.idNumber, openid: caller.openid });
  if (!activated.ok) return activated;
  // The session names the person by the number the platform gave them, never by the ID number.
  await deps.sessions.setPerson(caller.openid, caller.sid, activated.value.psnNo);
  await deps.openids.remember(activated.value.psnNo, caller.openid);
  return ok(myPerson(activated.value, deps.config.policy));
}
