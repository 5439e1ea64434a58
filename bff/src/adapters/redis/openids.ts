import type { OpenidStore } from '../../ports/stores';
import type { RedisLike } from './client';
import type { BffKeys } from './keys';

export function redisOpenidStore(r: RedisLike, keys: BffKeys): OpenidStore {
  return {
    async remember(personId, openid) {
      await r.set(keys.person(personId).openid, openid);
    },
    of: (personId) => r.get(keys.person(personId).openid),
  };
}
