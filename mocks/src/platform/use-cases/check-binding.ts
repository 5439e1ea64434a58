import { fail, ok, type Result, type CheckBindingRequestSchema } from '@family-share/shared';
import type { z } from 'zod';
import { type PlatformDeps } from '../deps';
import { decideBinding, readBindingSnapshot } from './binding-snapshot';

/**
 * A dry run of a binding, for the invitation step: would it be allowed now? Acceptance
 * checks everything again (R19). An unknown ID number answers IDENTITY_MISMATCH, like a
 * wrong name, so that the answer does not tell whether a number exists.
 */
export async function checkBindingNow(
  deps: PlatformDeps,
  request: z.input<typeof CheckBindingRequestSchema>,
): Promise<Result<{ ok: true; needsAcceptance: boolean; beneficiaryPsnNo: string }>> {
  const a = request.authorizerPsnNo;
  // The typed ID number is resolved here, at the edge; nobody is keyed by it.
  const b = request.beneficiaryPsnNo ?? (await deps.store.psnNoOf(request.beneficiaryIdNumber ?? ''));
  if (b === a) return fail('SELF_BINDING');
  const snapshot = b ? await readBindingSnapshot(deps, a, b) : null;
  if (!snapshot || !b) {
    return fail((await deps.store.getPerson(a)) ? 'IDENTITY_MISMATCH' : 'PERSON_NOT_FOUND');
  }
  const decision = decideBinding(deps, snapshot, request);
  return decision.ok ? ok({ ok: true, needsAcceptance: decision.needsAcceptance, beneficiaryPsnNo: b }) : fail(decision.code);
}
