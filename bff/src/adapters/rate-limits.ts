import { BFF_RATE_LIMITS } from '@family-share/shared';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { LimitName, RateLimits } from '../deps';
import type { RedisLike } from './redis/client';
import type { BffKeys } from './redis/keys';

export const FACE_FAILURES_PER_HOUR = 5;

/**
 * The limits of the registry (BFF_RATE_LIMITS) in Redis with rate-limiter-flexible (atomic Lua
 * counters, one key each, so they hold across BFF processes and on a cluster). Redis being
 * away is an error (→ 503), not a free pass and not a refusal.
 */
export function redisRateLimits(redis: RedisLike, keys: BffKeys, clock: () => number = Date.now, scale = 1): RateLimits {
  const limiters = Object.fromEntries(
    Object.entries(BFF_RATE_LIMITS).map(([name, { max, windowS }]) => [
      name,
      new RateLimiterRedis({ storeClient: redis, keyPrefix: keys.rateLimit(name), points: max * scale, duration: windowS }),
    ]),
  ) as Record<LimitName, RateLimiterRedis>;
  const faceFailures = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: keys.rateLimit('face-failures'),
    points: FACE_FAILURES_PER_HOUR,
    duration: 3600,
  });

  return {
    async consume(limit, key) {
      try {
        await limiters[limit].consume(key);
        return { ok: true };
      } catch (error) {
        if (error instanceof RateLimiterRes) return { ok: false, retryAfterS: Math.ceil(error.msBeforeNext / 1000) };
        throw error;
      }
    },
    async refund(limit, key) {
      await limiters[limit].reward(key, 1);
    },
    async peek(limit, key) {
      const res = await limiters[limit].get(key);
      if (!res || res.remainingPoints > 0) return { ok: true };
      return { ok: false, retryAfterS: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
    },
    async faceFailure(openid) {
      try {
        const res = await faceFailures.consume(openid);
        const left = Math.max(0, FACE_FAILURES_PER_HOUR - res.consumedPoints);
        return { locked: left === 0, attemptsLeft: left, lockedUntil: left === 0 ? clock() + res.msBeforeNext : null };
      } catch (error) {
        if (error instanceof RateLimiterRes) return { locked: true, attemptsLeft: 0, lockedUntil: clock() + error.msBeforeNext };
        throw error;
      }
    },
    async faceStatus(openid) {
      const res = await faceFailures.get(openid);
      if (!res) return { attemptsLeft: FACE_FAILURES_PER_HOUR, lockedUntil: null };
      const left = Math.max(0, FACE_FAILURES_PER_HOUR - res.consumedPoints);
      return { attemptsLeft: left, lockedUntil: left === 0 ? clock() + res.msBeforeNext : null };
    },
  };
}
