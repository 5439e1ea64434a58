import { ageOn, chinaDate, type PlatformPerson, fail, ok, type Result } from '@family-share/shared';
import { type PlatformDeps } from '../deps';
import type { StoredPerson } from '../store/platform-store';
import { personView } from './person-view';

/**
 * The registry's answer to "is this name the name of this ID number?". An unknown number
 * answers like a wrong name (IDENTITY_MISMATCH), so that nobody can probe which numbers exist.
 */
export async function verifyIdentity(deps: PlatformDeps, name: string, idNumber: string): Promise<Result<StoredPerson>> {
  const person = await deps.store.getPersonByIdNumber(idNumber);
  if (!person || person.name !== name.trim()) return fail('IDENTITY_MISMATCH');
  return ok(person);
}

/**
 * R1: a person activates their own e-credential, linked to their WeChat account. R18: not a
 * person under the minor age (birth date from the ID number): a parent does that as guardian.
 */
export async function activateECredential(
  deps: PlatformDeps,
  request: { name: string; idNumber: string; openid: string },
): Promise<Result<PlatformPerson>> {
  const { store } = deps;
  const identity = await verifyIdentity(deps, request.name, request.idNumber);
  if (!identity.ok) return identity;
  if (identity.value.insurance === null) return fail('PAYER_NOT_INSURED');
  if (ageOn(identity.value.birthDate, chinaDate(deps.clock())) < deps.policy.minorAge) return fail('MINOR_SELF_SERVICE');

  const psnNo = identity.value.psnNo;
  const holder = await store.linkOpenid(request.openid, psnNo);
  if (holder !== psnNo) return fail('OPENID_ALREADY_LINKED');
  const now = deps.clock();
  const reply = await store.activateECredential(psnNo, 'self', request.openid, '', now);
  if (reply[0] !== 'OK') {
    await store.unlinkOpenid(request.openid, psnNo);
    return fail(reply[0] === 'ECREDENTIAL_ALREADY_ACTIVE' ? 'ECREDENTIAL_ALREADY_ACTIVE' : 'PERSON_NOT_FOUND');
  }
  if (reply[1] === 'activated') await store.appendFeed(psnNo, { kind: 'ECREDENTIAL_ACTIVATED', at: now, mode: 'self' });
  const person = await store.getPerson(psnNo);
  return person ? ok(personView(person)) : fail('PERSON_NOT_FOUND');
}

/**
 * R18: a parent activates the e-credential of their child under 16 as guardian (亲情账户).
 * The household register names the parents; anyone else gets MINOR_NEEDS_PARENT.
 */
export async function activateAsGuardian(
  deps: PlatformDeps,
  request: { guardianPsnNo: string; childName: string; childIdNumber: string },
): Promise<Result<PlatformPerson>> {
  const { store, policy } = deps;
  const guardian = await store.getPerson(request.guardianPsnNo);
  if (!guardian) return fail('PERSON_NOT_FOUND');
  if (!guardian.eCredential.active) return fail('AUTHORIZER_ECREDENTIAL_INACTIVE');
  const identity = await verifyIdentity(deps, request.childName, request.childIdNumber);
  if (!identity.ok) return identity;
  const child = identity.value;
  const now = deps.clock();
  if (ageOn(child.birthDate, chinaDate(now)) >= policy.minorAge) return fail('NOT_A_MINOR');
  if (!child.guardians.includes(guardian.psnNo)) return fail('MINOR_NEEDS_PARENT');
  if (child.insurance === null) return fail('BENEFICIARY_NOT_INSURED');

  const reply = await store.activateECredential(child.psnNo, 'guardian', '', guardian.psnNo, now);
  // Activated some other way (by the child before R18 was enforced, by the other parent, at the
  // counter): a code of its own, so that nobody tells the parent "your" credential is active.
  if (reply[0] !== 'OK') return fail('CHILD_ECREDENTIAL_ALREADY_ACTIVE');
  if (reply[1] === 'activated') {
    await store.appendFeed(child.psnNo, { kind: 'ECREDENTIAL_ACTIVATED', at: now, mode: 'guardian', guardianName: guardian.name });
  }
  const person = await store.getPerson(child.psnNo);
  return person ? ok(personView(person)) : fail('PERSON_NOT_FOUND');
}
