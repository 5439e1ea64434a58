import type { CheckBindingRequestSchema } from '@family-share/shared';
import type { z } from 'zod';
import { failWith, ok, type PlatformDeps, type Result } from '../deps';
import { decideBinding, readBindingSnapshot } from './binding-snapshot';

/**
 * A dry run of a binding, for the invitation step: would it be allowed now? Acceptance
 * checks everything again (R19). An unknown ID number answers IDENTITY_MISMATCH, like a
 * wrong name, so that the answer does not tell whether a number exists.
 */
export async function checkBindingNow(
  deps: PlatformDeps,
  request: z.input<typeof CheckBindingRequestSchema>,
): Promise<Result<{ ok: true; needsAcceptance: boolean }>> {
  if (request.authorizerIdNumber === request.beneficiaryIdNumber) return failWith('SELF_BINDING');
  const snapshot = await readBindingSnapshot(deps, request.authorizerIdNumber, request.beneficiaryIdNumber);
  if (!snapshot) {
    return failWith((await deps.store.getPerson(request.authorizerIdNumber)) ? 'IDENTITY_MISMATCH' : 'PERSON_NOT_FOUND');
  }
  const decision = decideBinding(deps, snapshot, request);
  return decision.ok ? ok({ ok: true, needsAcceptance: decision.needsAcceptance }) : failWith(decision.code);
}
