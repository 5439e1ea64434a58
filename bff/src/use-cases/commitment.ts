import { COMMITMENT_PARAGRAPHS, COMMITMENT_TITLE, COMMITMENT_VERSION, commitmentReserveNote, fail, ok, type Result } from '@family-share/shared';
import type { BffDeps, Caller } from '../deps';
import { requirePerson } from './views';

/** R9: the commitment letter and whether I accepted this version of it. */
export async function getCommitment(deps: BffDeps, caller: Caller) {
  const accepted = await deps.commitments.get(requirePerson(caller));
  return {
    version: COMMITMENT_VERSION,
    title: COMMITMENT_TITLE,
    paragraphs: [...COMMITMENT_PARAGRAPHS],
    reserveNote: commitmentReserveNote(deps.config.policy),
    acceptedAt: accepted?.version === COMMITMENT_VERSION ? accepted.acceptedAt : null,
  };
}

/** R9: records the acceptance with its time and the version of the text that was shown. */
export async function acceptCommitment(deps: BffDeps, caller: Caller, version: string): Promise<Result<{ version: string; acceptedAt: number }>> {
  const personId = requirePerson(caller);
  if (version !== COMMITMENT_VERSION) return fail('COMMITMENT_REQUIRED');
  const acceptedAt = deps.clock();
  await deps.commitments.accept(personId, version, acceptedAt);
  return ok({ version, acceptedAt });
}

/** Has this person accepted the current letter, and does the request say so too? */
export async function hasAcceptedCommitment(deps: BffDeps, personId: string, version: string | undefined): Promise<boolean> {
  if (version !== COMMITMENT_VERSION) return false;
  return (await deps.commitments.get(personId))?.version === COMMITMENT_VERSION;
}
