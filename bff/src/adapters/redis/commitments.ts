import { TIBET_2022_LETTER } from '@family-share/shared';
import type { CommitmentStore } from '../../ports/stores';
import type { RedisLike } from './client';
import type { BffKeys } from './keys';

/**
 * Acceptances recorded before a letter was part of the policy name only the version: the one
 * letter then was Tibet's, so such a record is read as Tibet's (migrated by reading; the keys
 * stay as they are and the next acceptance writes the letter too).
 */
const LETTER_BEFORE_IDS = TIBET_2022_LETTER.id;

export function redisCommitmentStore(r: RedisLike, keys: BffKeys): CommitmentStore {
  return {
    async get(personId) {
      const hash = await r.hgetall(keys.person(personId).commitment);
      if (!hash.version) return null;
      return { letter: hash.letter ?? LETTER_BEFORE_IDS, version: hash.version, acceptedAt: Number(hash.acceptedAt) };
    },
    async accept(personId, { letter, version, acceptedAt }) {
      // One HSET: the three fields land together or not at all.
      await r.hset(keys.person(personId).commitment, { letter, version, acceptedAt: String(acceptedAt) });
    },
  };
}
