import type { IdempotencyBegin, IdempotencyStore } from '../../ports/stores';
import { runScript, type RedisLike } from './client';
import type { BffKeys } from './keys';

/** R17 at the BFF: one record per Idempotency-Key, under the person's (the scope's) tag. */
export function redisIdempotencyStore(r: RedisLike, keys: BffKeys): IdempotencyStore {
  return {
    async begin(scope, key, fingerprint, ttlS, now, leaseMs): Promise<IdempotencyBegin> {
      const reply = await runScript<string[]>(r, 'idempotency-begin', [keys.person(scope).idempotency(key)], [fingerprint, ttlS, now, leaseMs]);
      if (reply[0] === 'done') return { state: 'done', status: Number(reply[1]), body: JSON.parse(reply[2] ?? 'null') };
      if (reply[0] === 'in-progress') return { state: 'in-progress', leaseLeftMs: Number(reply[1]) };
      return { state: reply[0] as 'new' | 'resume' | 'mismatch' };
    },
    async finish(scope, key, status, body, ttlS) {
      const k = keys.person(scope).idempotency(key);
      await r.multi().hset(k, { state: 'done', status: String(status), body: JSON.stringify(body) }).expire(k, ttlS).exec();
    },
    async abandon(scope, key) {
      await r.del(keys.person(scope).idempotency(key));
    },
  };
}
