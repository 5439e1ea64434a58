import { commitmentReserveNote, fail, ok, type CommitmentLetter, type Result } from '@family-share/shared';
import type { BffDeps, Caller } from '../deps';
import type { CommitmentAcceptance } from '../ports/stores';
import { requirePerson } from './views';

/** R9: the letter of the policy in force. */
const letterOf = (deps: BffDeps): CommitmentLetter => deps.config.policy.commitment;

/** R9: an acceptance counts for this letter only: same id and same version (another region's letter may reuse a version string). */
const isAcceptanceOf = (letter: CommitmentLetter, accepted: CommitmentAcceptance | null): accepted is CommitmentAcceptance =>
  accepted !== null && accepted.letter === letter.id && accepted.version === letter.version;

/** R9: the commitment letter of the policy in force and whether I accepted this version of it. */
export async function getCommitment(deps: BffDeps, caller: Caller) {
  const letter = letterOf(deps);
  const accepted = await deps.commitments.get(requirePerson(caller));
  return {
    version: letter.version,
    title: letter.title,
    paragraphs: [...letter.paragraphs],
    reserveNote: commitmentReserveNote(deps.config.policy),
    acceptedAt: isAcceptanceOf(letter, accepted) ? accepted.acceptedAt : null,
  };
}

/** R9: records the acceptance with its time and the letter and version of the text that was shown. */
export async function acceptCommitment(deps: BffDeps, caller: Caller, version: string): Promise<Result<{ version: string; acceptedAt: number }>> {
  const personId = requirePerson(caller);
  const letter = letterOf(deps);
  if (version !== letter.version) return fail('COMMITMENT_REQUIRED');
  const acceptedAt = deps.clock();
  await deps.commitments.accept(personId, { letter: letter.id, version, acceptedAt });
  return ok({ version, acceptedAt });
}

/** Has this person accepted the current letter, and does the request say so too? */
export async function hasAcceptedCommitment(deps: BffDeps, personId: string, version: string | undefined): Promise<boolean> {
  const letter = letterOf(deps);
  if (version !== letter.version) return false;
  return isAcceptanceOf(letter, await deps.commitments.get(personId));
}
