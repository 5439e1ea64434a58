import type { CommitmentStore } from '../../ports/stores';
import type { RedisLike } from './client';
import type { BffKeys } from './keys';

export function redisCommitmentStore(r: RedisLike, keys: BffKeys): CommitmentStore {
  return {
    async get(personId) {
      const hash = await r.hgetall(keys.person(personId).commitment);
      return hash.version ? { version: hash.version, acceptedAt: Number(hash.acceptedAt) } : null;
    },
    async accept(personId, version, at) {
      await r.hset(keys.person(personId).commitment, { version, acceptedAt: String(at) });
    },
  };
}
