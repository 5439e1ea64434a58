/**
 * The architecture's own limit, for `npm run bench`: the same hops as the product doing the
 * minimum work, so that "product / limit" says how much of the cost is ours to remove.
 *
 *   LIMIT_ROLE=front     the BFF's hop: verify the same HS256 JWT (same library, same KeyObject),
 *                        one Redis GET (the session), one kept-alive HTTP call to the platform
 *                        (an undici Pool bound to its origin), answer its JSON.
 *   LIMIT_ROLE=platform  the platform's hop:
 *                        GET  /home/:id        one Redis round trip (HGETALL of the person)
 *                        POST /settle-min      two Lua debits, one per account slot
 *                        POST /settle          the writes a settlement must make, in the fewest
 *                                              round trips: claim + recovery entry (one pipeline),
 *                                              a debit with its ledger entry per account (one
 *                                              script each), then the journal, payment record and
 *                                              feed entry with the recovery entry removed (one
 *                                              script + one pipeline)
 *
 * Both run with NODE_ENV=production on the same Redis (AOF, appendfsync always) as the
 * product in the same bench run. Nothing here is product code: it is the yardstick.
 */
import { createSecretKey } from 'node:crypto';
import { createServer } from 'node:http';
import { bodyParser } from '@koa/bodyparser';
import { Cluster, Redis } from 'ioredis';
import jwt from 'jsonwebtoken';
import Koa from 'koa';
import { Pool } from 'undici';
import { LIMIT_KEYS } from './lib/limit-keys';

const role = process.env.LIMIT_ROLE;
const port = Number(process.env.LIMIT_PORT ?? 0);
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// The same "redis-cluster://h:p,h:p" form as the product, for the bench's --cluster run.
const redis = url.startsWith('redis-cluster://')
  ? new Cluster(url.slice('redis-cluster://'.length).split(',').map((hp) => ({ host: hp.split(':')[0]!, port: Number(hp.split(':')[1]) })), { scaleReads: 'master' })
  : new Redis(url);

// The minimum debit: once per operation, never below zero.
const DEBIT_MIN = `
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 0 end
local balance = tonumber(redis.call('HGET', KEYS[1], 'balance') or '0')
local take = math.min(balance, tonumber(ARGV[2]))
redis.call('HINCRBY', KEYS[1], 'balance', -take)
redis.call('HSET', KEYS[2], ARGV[1], take)
return take`;

// The same, with the ledger entry, its index, the monthly total and the feed entry.
const DEBIT_FULL = `
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 0 end
local balance = tonumber(redis.call('HGET', KEYS[1], 'balance') or '0')
local take = math.min(balance, tonumber(ARGV[2]))
local after = redis.call('HINCRBY', KEYS[1], 'balance', -take)
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('HSET', KEYS[2], ARGV[1], take)
redis.call('HSET', KEYS[3], seq, ARGV[3] .. string.format(',"amount":%d,"balanceAfter":%d}', take, after))
redis.call('ZADD', KEYS[4], seq, seq)
redis.call('HINCRBY', KEYS[5], ARGV[4], take)
redis.call('XADD', KEYS[6], 'MAXLEN', '~', '1000', '*', 'e', ARGV[3] .. '}')
return take`;

const FINISH = `
redis.call('HSET', KEYS[1], 'status', 'done', 'result', ARGV[1])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', '1000', '*', 'e', ARGV[1])
return 1`;

redis.defineCommand('limitDebitMin', { numberOfKeys: 2, lua: DEBIT_MIN });
redis.defineCommand('limitDebitFull', { numberOfKeys: 6, lua: DEBIT_FULL });
redis.defineCommand('limitFinish', { numberOfKeys: 3, lua: FINISH });
type Scripted = (Redis | Cluster) & {
  limitDebitMin(...args: Array<string | number>): Promise<number>;
  limitDebitFull(...args: Array<string | number>): Promise<number>;
  limitFinish(...args: Array<string | number>): Promise<number>;
};
const r = redis as Scripted;

interface SettleBody {
  settlementId: string;
  holder: string;
  authorizer: string;
  charge: number;
}

function platformApp(): Koa {
  const app = new Koa();
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '32kb' }));
  app.use(async (ctx) => {
    if (ctx.path === '/healthz') {
      ctx.body = 'ok';
      return;
    }
    if (ctx.method === 'GET' && ctx.path.startsWith('/home/')) {
      ctx.body = await redis.hgetall(LIMIT_KEYS.person(ctx.path.slice('/home/'.length)));
      return;
    }
    if (ctx.method === 'POST' && (ctx.path === '/settle-min' || ctx.path === '/settle')) {
      const b = ctx.request.body as SettleBody;
      const half = Math.floor(b.charge / 2);
      if (ctx.path === '/settle-min') {
        const own = await r.limitDebitMin(LIMIT_KEYS.person(b.holder), LIMIT_KEYS.applied(b.holder), b.settlementId, half);
        const shared = await r.limitDebitMin(LIMIT_KEYS.person(b.authorizer), LIMIT_KEYS.applied(b.authorizer), b.settlementId, b.charge - half);
        ctx.body = { own, shared, cash: b.charge - own - shared };
        return;
      }
      const now = Date.now();
      const month = new Date(now).toISOString().slice(0, 7);
      // Sent together (one round trip), not as a transaction: the two keys live in different slots.
      const [claimed] = await Promise.all([
        redis.set(LIMIT_KEYS.owner(b.settlementId), b.holder, 'NX'),
        redis.zadd(LIMIT_KEYS.pending, now + 30_000, b.settlementId),
      ]);
      if (claimed !== 'OK') {
        ctx.status = 409;
        return;
      }
      const entry = `{"operationId":"${b.settlementId}","at":${now}`;
      const debit = (account: string, want: number) =>
        r.limitDebitFull(
          LIMIT_KEYS.person(account),
          LIMIT_KEYS.applied(account),
          LIMIT_KEYS.ledger(account),
          LIMIT_KEYS.ledgerIndex(account),
          LIMIT_KEYS.monthly(account),
          LIMIT_KEYS.feed(account),
          b.settlementId,
          want,
          entry,
          month,
        );
      const own = await debit(b.holder, half);
      const shared = await debit(b.authorizer, b.charge - half);
      const result = JSON.stringify({ settlementId: b.settlementId, own, shared, cash: b.charge - own - shared, at: now });
      await r.limitFinish(LIMIT_KEYS.journal(b.holder, b.settlementId), LIMIT_KEYS.payments(b.holder), LIMIT_KEYS.feed(b.holder), result, b.settlementId);
      await redis.zrem(LIMIT_KEYS.pending, b.settlementId);
      ctx.type = 'application/json';
      ctx.body = result;
      return;
    }
    ctx.status = 404;
  });
  return app;
}

function frontApp(): Koa {
  const secret = process.env.JWT_SECRET ?? '';
  if (Buffer.byteLength(secret) < 32) throw new Error('JWT_SECRET (≥ 32 bytes) is required');
  const key = createSecretKey(Buffer.from(secret));
  const platform = new Pool(process.env.LIMIT_PLATFORM_URL ?? '', { connections: 64, keepAliveTimeout: 30_000 });
  const app = new Koa();
  app.use(async (ctx) => {
    if (ctx.path === '/healthz') {
      ctx.body = 'ok';
      return;
    }
    const token = ctx.get('authorization').replace(/^Bearer /, '');
    let claims: jwt.JwtPayload;
    try {
      claims = jwt.verify(token, key, { algorithms: ['HS256'], issuer: 'family-share-bff' }) as jwt.JwtPayload;
    } catch {
      ctx.status = 401;
      return;
    }
    const personId = await redis.get(LIMIT_KEYS.session(String(claims.sid)));
    if (!personId) {
      ctx.status = 401;
      return;
    }
    const response = await platform.request({ method: 'GET', path: `/home/${personId}` });
    ctx.body = await response.body.json();
  });
  return app;
}

const app = role === 'front' ? frontApp() : role === 'platform' ? platformApp() : null;
if (!app) throw new Error('LIMIT_ROLE is front or platform');
const server = createServer(app.callback());
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1');
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
