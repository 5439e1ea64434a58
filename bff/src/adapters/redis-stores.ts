import { isErrorCode, type FacePurpose } from '@family-share/shared';
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type {
  CommitmentStore,
  FaceSessionRecord,
  FaceStore,
  IdempotencyBegin,
  IdempotencyStore,
  InboxItem,
  InboxStore,
  InvitationRecord,
  InvitationStore,
  SessionStore,
  TransitionResult,
} from '../ports/stores';

export type RedisLike = Redis | Cluster;

/**
 * Connects to Redis or a Redis Cluster ("redis-cluster://h:p,h:p"). No offline queue: while
 * Redis is away a command fails at once and the BFF answers 503, instead of piling up
 * requests; ioredis reconnects by itself.
 */
export function connectBffRedis(url: string, options: RedisOptions = {}): RedisLike {
  const base: RedisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 100, 1_000),
    ...options,
  };
  const client = url.startsWith('redis-cluster://')
    ? new Cluster(
        url
          .slice('redis-cluster://'.length)
          .split(',')
          .map((hp) => ({ host: hp.split(':')[0] ?? '127.0.0.1', port: Number(hp.split(':')[1] ?? 6379) })),
        { redisOptions: base, enableOfflineQueue: false, clusterRetryStrategy: (times) => Math.min(times * 100, 1_000) },
      )
    : new Redis(url, base);
  client.on('error', () => undefined); // reported through failed commands; do not crash the process
  for (const [name, script] of Object.entries(SCRIPTS)) client.defineCommand(name, script);
  return client;
}

/**
 * Resolves once the client is connected, or after `timeoutMs` (then Redis is down and the
 * BFF starts anyway, answering 503 until it is back). Without the wait, the first requests
 * after a start met the connection still opening and, with no offline queue, answered 503.
 */
export function redisReady(client: RedisLike, timeoutMs = 2_000): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    client.once('ready', done);
  });
}

const SCRIPTS = {
  // KEYS[1] session; ARGV presented hash, next hash, ttl, now ms, grace ms. The next secret is
  // derived from the presented one, so the same token presented again within the grace (a
  // double submit, a retry after a lost answer) finds its own successor current: 'again'.
  bffRotateRefresh: {
    numberOfKeys: 1,
    lua: `
local s = redis.call('HMGET', KEYS[1], 'refreshHash', 'prevHash', 'rotatedAt')
if not s[1] then return 'missing' end
if s[1] == ARGV[1] then
  redis.call('HSET', KEYS[1], 'refreshHash', ARGV[2], 'prevHash', ARGV[1], 'rotatedAt', ARGV[4])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
  return 'ok'
end
if s[2] == ARGV[1] and s[1] == ARGV[2] and tonumber(ARGV[4]) - tonumber(s[3]) <= tonumber(ARGV[5]) then return 'again' end
redis.call('DEL', KEYS[1])
return 'reused'`,
  },
  // KEYS[1] ticket; ARGV purpose, target
  bffConsumeTicket: {
    numberOfKeys: 1,
    lua: `
local t = redis.call('HMGET', KEYS[1], 'purpose', 'target')
if not t[1] or t[1] ~= ARGV[1] or t[2] ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1])
return 1`,
  },
  // KEYS[1] invitation; ARGV to, now, bindingId ('' for none), from (comma list), closedReason ('' for none)
  bffTransitionInvitation: {
    numberOfKeys: 1,
    lua: `
local json = redis.call('GET', KEYS[1])
if not json then return {'missing', ''} end
local inv = cjson.decode(json)
local now = tonumber(ARGV[2])
if inv.status == ARGV[1] and (ARGV[3] == '' or inv.bindingId == ARGV[3]) then return {'same', json} end
local allowed = false
for from in string.gmatch(ARGV[4], '[^,]+') do if from == inv.status then allowed = true end end
if not allowed then return {'not-pending', json} end
if inv.status == 'pending' and ARGV[1] == 'accepting' and now >= tonumber(inv.expiresAt) then
  inv.status = 'expired'
  inv.decidedAt = inv.expiresAt
  local expired = cjson.encode(inv)
  redis.call('SET', KEYS[1], expired, 'KEEPTTL')
  return {'expired', expired}
end
inv.status = ARGV[1]
if ARGV[1] == 'pending' then inv.decidedAt = '' else inv.decidedAt = ARGV[2] end
if ARGV[3] ~= '' then inv.bindingId = ARGV[3] end
if ARGV[5] ~= '' then inv.closedReason = ARGV[5] end
local updated = cjson.encode(inv)
redis.call('SET', KEYS[1], updated, 'KEEPTTL')
return {'ok', updated}`,
  },
  // KEYS[1] idempotency record; ARGV fingerprint, ttl, now ms, lease ms. An in-progress record
  // holds a lease: once it has run out (its process died), the next caller takes it over.
  bffIdempotencyBegin: {
    numberOfKeys: 1,
    lua: `
local r = redis.call('HMGET', KEYS[1], 'fp', 'state', 'status', 'body', 'leaseUntil')
local now = tonumber(ARGV[3])
local lease = tostring(now + tonumber(ARGV[4]))
if not r[1] then
  redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'state', 'in-progress', 'leaseUntil', lease)
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
  return {'new'}
end
if r[1] ~= ARGV[1] then return {'mismatch'} end
if r[2] == 'done' then return {'done', r[3], r[4]} end
if r[5] and tonumber(r[5]) > now then return {'in-progress', tostring(tonumber(r[5]) - now)} end
redis.call('HSET', KEYS[1], 'leaseUntil', lease)
return {'resume'}`,
  },
} as const;

type ScriptClient = RedisLike & {
  bffRotateRefresh(key: string, oldHash: string, newHash: string, ttl: number, now: number, graceMs: number): Promise<string>;
  bffConsumeTicket(key: string, purpose: string, target: string): Promise<number>;
  bffTransitionInvitation(key: string, to: string, now: number, bindingId: string, from: string, closedReason: string): Promise<[string, string]>;
  bffIdempotencyBegin(key: string, fingerprint: string, ttl: number, now: number, leaseMs: number): Promise<string[]>;
};

/** Invitation records keep these fields as strings inside Lua (cjson would round big numbers). */
function toStored(record: InvitationRecord): string {
  return JSON.stringify({
    ...record,
    createdAt: String(record.createdAt),
    expiresAt: String(record.expiresAt),
    decidedAt: record.decidedAt === null ? '' : String(record.decidedAt),
    bindingId: record.bindingId ?? '',
    closedReason: record.closedReason ?? '',
  });
}

function fromStored(json: string): InvitationRecord {
  const raw = JSON.parse(json) as Record<string, string>;
  return {
    invitationId: raw.invitationId ?? '',
    inviterId: raw.inviterId ?? '',
    inviterName: raw.inviterName ?? '',
    inviterMaskedIdNumber: raw.inviterMaskedIdNumber ?? '',
    inviteeId: raw.inviteeId ?? '',
    inviteeName: raw.inviteeName ?? '',
    inviteeMaskedIdNumber: raw.inviteeMaskedIdNumber ?? '',
    relation: raw.relation as InvitationRecord['relation'],
    status: raw.status as InvitationRecord['status'],
    createdAt: Number(raw.createdAt),
    expiresAt: Number(raw.expiresAt),
    decidedAt: raw.decidedAt ? Number(raw.decidedAt) : null,
    bindingId: raw.bindingId ? raw.bindingId : null,
    closedReason: isErrorCode(raw.closedReason) ? raw.closedReason : null,
  };
}

/**
 * The BFF's state in Redis. Keys of one WeChat account share the tag {u:<openid>}, keys of
 * one person {p:<psnNo>} (the platform's person number, never an ID number), an invitation
 * {inv:<id>}; every script touches one tag, so this works
 * on Redis Cluster too.
 */
export class BffRedisStores {
  readonly sessions: SessionStore;
  readonly faces: FaceStore;
  readonly commitments: CommitmentStore;
  readonly invitations: InvitationStore;
  readonly inbox: InboxStore;
  readonly idempotency: IdempotencyStore;

  constructor(
    readonly redis: RedisLike,
    private readonly prefix = 'bff:',
  ) {
    const r = redis as ScriptClient;
    const p = prefix;
    const sessionKey = (openid: string, sid: string) => `${p}{u:${openid}}:sess:${sid}`;
    const faceKey = (openid: string, sessionId: string) => `${p}{u:${openid}}:face:${sessionId}`;
    const ticketKey = (openid: string, ticket: string) => `${p}{u:${openid}}:ticket:${ticket}`;
    const person = (id: string) => `${p}{p:${id}}:`;
    const invKey = (id: string) => `${p}{inv:${id}}`;
    const expiring = `${p}inv:expiring`;
    const rechecks = `${p}inv:rechecks`;

    this.sessions = {
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
      async rotateRefresh(openid, sid, oldHash, newHash, ttlS, now, graceMs) {
        return (await r.bffRotateRefresh(sessionKey(openid, sid), oldHash, newHash, ttlS, now, graceMs)) as 'ok' | 'again' | 'reused' | 'missing';
      },
      async revoke(openid, sid) {
        await r.del(sessionKey(openid, sid));
      },
    };

    this.faces = {
      async saveSession(record, ttlS) {
        await r.set(faceKey(record.openid, record.sessionId), JSON.stringify(record), 'EX', ttlS);
      },
      async getSession(openid, sessionId) {
        const json = await r.get(faceKey(openid, sessionId));
        return json ? (JSON.parse(json) as FaceSessionRecord) : null;
      },
      async takeSession(openid, sessionId) {
        return (await r.del(faceKey(openid, sessionId))) === 1;
      },
      async issueTicket(openid, ticket, purpose: FacePurpose, target, ttlS) {
        const key = ticketKey(openid, ticket);
        await r.multi().hset(key, { purpose, target }).expire(key, ttlS).exec();
      },
      async consumeTicket(openid, ticket, purpose, target) {
        return (await r.bffConsumeTicket(ticketKey(openid, ticket), purpose, target)) === 1;
      },
    };

    this.commitments = {
      async get(personId) {
        const hash = await r.hgetall(`${person(personId)}commitment`);
        return hash.version ? { version: hash.version, acceptedAt: Number(hash.acceptedAt) } : null;
      },
      async accept(personId, version, at) {
        await r.hset(`${person(personId)}commitment`, { version, acceptedAt: String(at) });
      },
    };

    this.invitations = {
      async create(record) {
        const pairKey = `${person(record.inviterId)}inv:to:${record.inviteeId}`;
        const ttlMs = Math.max(1, record.expiresAt - record.createdAt);
        const claimed = await r.set(pairKey, record.invitationId, 'PX', ttlMs, 'NX');
        if (claimed !== 'OK') {
          const holder = await r.get(pairKey);
          const open = holder ? await r.get(invKey(holder)) : null;
          if (open && fromStored(open).status === 'pending') return 'pending-exists';
          await r.set(pairKey, record.invitationId, 'PX', ttlMs);
        }
        // Keep the record well past its expiry so that both sides can see what became of it.
        await r.set(invKey(record.invitationId), toStored(record), 'PX', ttlMs + 30 * 86_400_000);
        await r.zadd(`${person(record.inviterId)}inv:sent`, record.createdAt, record.invitationId);
        await r.zadd(`${person(record.inviteeId)}inv:recv`, record.createdAt, record.invitationId);
        await r.zadd(expiring, record.expiresAt, record.invitationId);
        await r.zadd(rechecks, record.createdAt, record.invitationId);
        return 'ok';
      },
      async get(invitationId) {
        const json = await r.get(invKey(invitationId));
        return json ? fromStored(json) : null;
      },
      async list(personId, box, limit) {
        const index = `${person(personId)}inv:${box === 'sent' ? 'sent' : 'recv'}`;
        const ids = await r.zrevrange(index, 0, limit - 1);
        const records = await Promise.all(ids.map((id) => r.get(invKey(id))));
        return records.filter((j): j is string => j !== null).map(fromStored);
      },
      async transition(invitationId, from, to, now, bindingId = null, closedReason = null): Promise<TransitionResult> {
        const [outcome, json] = await r.bffTransitionInvitation(invKey(invitationId), to, now, bindingId ?? '', from.join(','), closedReason ?? '');
        if (outcome === 'missing') return { ok: false, reason: 'missing', record: null };
        const record = fromStored(json);
        if (outcome === 'ok' || outcome === 'same') {
          if (outcome === 'ok' && to !== 'accepting' && to !== 'pending') {
            await r.zrem(expiring, invitationId);
            await r.zrem(rechecks, invitationId);
            await r.del(`${person(record.inviterId)}inv:to:${record.inviteeId}`);
          }
          return { ok: true, record, changed: outcome === 'ok' };
        }
        if (outcome === 'expired') {
          await r.zrem(expiring, invitationId);
          await r.zrem(rechecks, invitationId);
        }
        return { ok: false, reason: outcome === 'expired' ? 'expired' : 'not-pending', record };
      },
      async dueExpiries(now, limit) {
        return r.zrangebyscore(expiring, '-inf', now, 'LIMIT', 0, limit);
      },
      async forgetExpiry(invitationId) {
        await r.zrem(expiring, invitationId);
        await r.zrem(rechecks, invitationId);
      },
      async takeDueRechecks(now, next, limit) {
        const ids = await r.zrangebyscore(rechecks, '-inf', now, 'LIMIT', 0, limit);
        // Pushed back first: two BFF processes sweeping at once mostly take different ones.
        if (ids.length > 0) await r.zadd(rechecks, 'XX', ...ids.flatMap((id) => [next, id]));
        return ids;
      },
    };

    this.inbox = {
      async add(personId, kind, at, data) {
        await r.xadd(`${person(personId)}inbox`, 'MAXLEN', '~', '500', '*', 'e', JSON.stringify({ kind, at, data }));
      },
      async page(personId, before, limit) {
        const raw = (await r.xrevrange(`${person(personId)}inbox`, before ? `(${before}` : '+', '-', 'COUNT', limit)) as Array<[string, string[]]>;
        return raw.map(([id, fields]): InboxItem => {
          const event = JSON.parse(fields[1] ?? '{}') as { kind: string; at: number; data: InboxItem['data'] };
          return { id, kind: event.kind, at: event.at, data: event.data };
        });
      },
      async countSince(personId, sinceMs, cap) {
        const raw = await r.xrange(`${person(personId)}inbox`, `${sinceMs + 1}`, '+', 'COUNT', cap);
        return raw.length;
      },
      async readMark(personId) {
        return Number((await r.get(`${person(personId)}inbox:read`)) ?? '0');
      },
      async setReadMark(personId, upTo) {
        await r.set(`${person(personId)}inbox:read`, String(upTo));
      },
    };

    this.idempotency = {
      async begin(scope, key, fingerprint, ttlS, now, leaseMs): Promise<IdempotencyBegin> {
        const reply = await r.bffIdempotencyBegin(`${person(scope)}idem:${key}`, fingerprint, ttlS, now, leaseMs);
        if (reply[0] === 'done') return { state: 'done', status: Number(reply[1]), body: JSON.parse(reply[2] ?? 'null') };
        if (reply[0] === 'in-progress') return { state: 'in-progress', leaseLeftMs: Number(reply[1]) };
        return { state: reply[0] as 'new' | 'resume' | 'mismatch' };
      },
      async finish(scope, key, status, body, ttlS) {
        const k = `${person(scope)}idem:${key}`;
        await r.multi().hset(k, { state: 'done', status: String(status), body: JSON.stringify(body) }).expire(k, ttlS).exec();
      },
      async abandon(scope, key) {
        await r.del(`${person(scope)}idem:${key}`);
      },
    };
  }
}
