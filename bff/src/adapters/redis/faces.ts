import type { FacePurpose } from '@family-share/shared';
import type { FaceSessionRecord, FaceStore } from '../../ports/stores';
import { runScript, type RedisLike } from './client';
import type { BffKeys } from './keys';

/** Face-verification sessions and their single-use tickets (R6), under the account's tag. */
export function redisFaceStore(r: RedisLike, keys: BffKeys): FaceStore {
  return {
    async saveSession(record, ttlS) {
      await r.set(keys.account(record.openid).face(record.sessionId), JSON.stringify(record), 'EX', ttlS);
    },
    async getSession(openid, sessionId) {
      const json = await r.get(keys.account(openid).face(sessionId));
      return json ? (JSON.parse(json) as FaceSessionRecord) : null;
    },
    async takeSession(openid, sessionId) {
      return (await r.del(keys.account(openid).face(sessionId))) === 1;
    },
    async issueTicket(openid, ticket, purpose: FacePurpose, target, ttlS) {
      const key = keys.account(openid).ticket(ticket);
      await r.multi().hset(key, { purpose, target }).expire(key, ttlS).exec();
    },
    async consumeTicket(openid, ticket, purpose, target) {
      return (await runScript<number>(r, 'consume-ticket', [keys.account(openid).ticket(ticket)], [purpose, target])) === 1;
    },
  };
}
