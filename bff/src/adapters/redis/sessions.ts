import type { SessionStore } from '../../ports/stores';
import { runScript, type RedisLike } from './client';
import type { BffKeys } from './keys';

/** Revocable sessions, one hash per login under the account's tag. */
export function redisSessionStore(r: RedisLike, keys: BffKeys): SessionStore {
  const sessionKey = (openid: string, sid: string) => keys.account(openid).session(sid);
  return {
    async create(record, ttlS) {
      const key = sessionKey(record.openid, record.sid);
      await r
        .multi()
        .hset(key, {
          sid: record.sid,
          openid: record.openid,
          personId: record.personId ?? '',
          createdAt: String(record.createdAt),
          refreshHash: record.refreshHash,
        })
        .expire(key, ttlS)
        .exec();
    },
    async get(openid, sid) {
      const hash = await r.hgetall(sessionKey(openid, sid));
      if (!hash.sid) return null;
      return {
        sid: hash.sid,
        openid: hash.openid ?? openid,
        personId: hash.personId ? hash.personId : null,
        createdAt: Number(hash.createdAt),
        refreshHash: hash.refreshHash ?? '',
      };
    },
    async setPerson(openid, sid, personId) {
      await r.hset(sessionKey(openid, sid), 'personId', personId);
    },
    rotateRefresh(openid, sid, oldHash, newHash, ttlS, now, graceMs) {
      return runScript<'ok' | 'again' | 'reused' | 'missing'>(r, 'rotate-refresh', [sessionKey(openid, sid)], [oldHash, newHash, ttlS, now, graceMs]);
    },
    async revoke(openid, sid) {
      await r.del(sessionKey(openid, sid));
    },
  };
}
