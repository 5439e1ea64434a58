import type { HomeReads, HomeStore, InboxItem, InboxStore } from '../../ports/stores';
import { runScript, type RedisLike } from './client';
import type { BffKeys } from './keys';

/** The BFF's own notices: one stream per person, and the read mark beside it. */
export function redisInboxStore(r: RedisLike, keys: BffKeys): InboxStore {
  return {
    async add(personId, kind, at, data) {
      await r.xadd(keys.person(personId).inbox, 'MAXLEN', '~', '500', '*', 'e', JSON.stringify({ kind, at, data }));
    },
    async page(personId, before, limit) {
      const raw = (await r.xrevrange(keys.person(personId).inbox, before ? `(${before}` : '+', '-', 'COUNT', limit)) as Array<[string, string[]]>;
      return raw.map(([id, fields]): InboxItem => {
        const event = JSON.parse(fields[1] ?? '{}') as { kind: string; at: number; data: InboxItem['data'] };
        return { id, kind: event.kind, at: event.at, data: event.data };
      });
    },
    countSince(personId, sinceMs, cap) {
      return runScript<number>(r, 'count-since', [keys.person(personId).inbox], [sinceMs, cap]);
    },
    async readMark(personId) {
      return Number((await r.get(keys.person(personId).inboxRead)) ?? '0');
    },
    async setReadMark(personId, upTo) {
      await r.set(keys.person(personId).inboxRead, String(upTo));
    },
  };
}

/** The home page's reads of one person's slot, in one script (issue 14: one round trip per slot). */
export function redisHomeStore(r: RedisLike, keys: BffKeys): HomeStore {
  return {
    async reads(personId, unreadCap, receivedLimit): Promise<HomeReads> {
      const person = keys.person(personId);
      const [mark, ownUnread, ...receivedIds] = await runScript<[string, number, ...string[]]>(
        r,
        'home-reads',
        [person.inboxRead, person.inbox, person.invitationsReceived],
        [unreadCap, receivedLimit],
      );
      return { readMark: Number(mark), ownUnread, receivedIds };
    },
  };
}
