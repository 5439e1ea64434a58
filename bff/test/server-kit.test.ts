import { spawn } from 'node:child_process';
import { AppError, errorAnswer, isRedisUnavailable, luaKeyCount, redisClusterNodes, toAppError } from '@family-share/shared/server-kit';
import { Redis, type RedisOptions } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, REDIS_BINARY, startRedisServer, type RedisServer } from '../../scripts/lib/redis-server';

/**
 * The one classifier both servers use (BFF middleware, platform koa-kit), fed with errors that
 * real ioredis clients raise against a real redis-server put in each state: a 503 to retry
 * for these, never a 500; and a 500 for a plain bug.
 */

// As the BFF and the platform connect: no offline queue, one retry, quick reconnects.
const SERVER_LIKE: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, retryStrategy: (times) => Math.min(times * 100, 1_000) };

const servers: RedisServer[] = [];
const clients: Redis[] = [];
const connect = (url: string, options: RedisOptions = SERVER_LIKE) => {
  const client = new Redis(url, options);
  client.on('error', () => {});
  clients.push(client);
  return client;
};
// Without an offline queue a command before the connection is up fails at once.
const ready = (client: Redis) => (client.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => client.once('ready', () => resolve())));
const started = async (args: string[] = []) => {
  const server = await startRedisServer({ args });
  servers.push(server);
  return server;
};
const errorOf = async (command: Promise<unknown>): Promise<unknown> => command.then(() => { throw new Error('the command succeeded'); }, (error: unknown) => error);

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  for (const server of servers.splice(0)) await server.dispose();
});

describe('isRedisUnavailable / toAppError over real ioredis errors', () => {
  it('when Redis is stopped under a connected client, then the next command is SERVICE_UNAVAILABLE', async () => {
    const server = await started();
    const client = connect(server.url);
    await ready(client);
    await client.set('k', '1');
    await server.stop();
    const error = await errorOf(client.get('k'));
    expect(isRedisUnavailable(error), String(error)).toBe(true);
    expect(toAppError(error).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('when nothing listens and the offline queue is on, then the retries used up are SERVICE_UNAVAILABLE', async () => {
    const client = connect(`redis://127.0.0.1:${await freePort()}`, { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
    const error = await errorOf(client.get('k'));
    expect(String(error)).toMatch(/max retries/i);
    expect(isRedisUnavailable(error)).toBe(true);
  });

  it('when the connection was closed (QUIT), then a command on it is SERVICE_UNAVAILABLE', async () => {
    const server = await started();
    const client = connect(server.url, { ...SERVER_LIKE, retryStrategy: () => null });
    await ready(client);
    await client.quit();
    const error = await errorOf(client.get('k'));
    expect(String(error)).toMatch(/Connection is closed/);
    expect(toAppError(error).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('when a replica has lost its master (a failover), then READONLY on a write and MASTERDOWN on a read are SERVICE_UNAVAILABLE', async () => {
    const replica = await started();
    const client = connect(replica.url);
    await ready(client);
    // Made a replica of a master that is gone, and told not to serve stale data meanwhile.
    await client.config('SET', 'replica-serve-stale-data', 'no');
    await client.replicaof('127.0.0.1', await freePort());
    const write = await errorOf(client.set('k', '1'));
    const read = await errorOf(client.get('k'));
    expect([String(write), String(read)]).toEqual([expect.stringMatching(/^ReplyError: (READONLY|MASTERDOWN) /), expect.stringMatching(/^ReplyError: MASTERDOWN /)]);
    expect([isRedisUnavailable(write), isRedisUnavailable(read)]).toEqual([true, true]);
  });

  it('when a cluster node serves no slot for the key (a cluster not yet or no longer whole), then CLUSTERDOWN is SERVICE_UNAVAILABLE', async () => {
    const node = await started(['--cluster-enabled', 'yes']);
    const client = connect(node.url);
    await ready(client);
    const error = await errorOf(client.get('k'));
    expect(String(error)).toMatch(/^ReplyError: CLUSTERDOWN /);
    expect(toAppError(error).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('when Redis is still loading its data after a restart, then LOADING is SERVICE_UNAVAILABLE', async () => {
    const server = await started();
    const writer = connect(server.url);
    await ready(writer);
    await writer.mset(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, 'v'.repeat(2048)])));
    await writer.save();
    await server.stop();
    // The same data directory, each key's load slowed down (a debug setting of redis-server)
    // and clients served between keys, so that it answers LOADING for a few seconds; spawned here because the helper
    // waits for PONG, which a loading server does not give.
    const port = await freePort();
    const loading = spawn(REDIS_BINARY, ['--port', String(port), '--bind', '127.0.0.1', '--dir', server.dir, '--save', '', '--key-load-delay', '20000', '--loading-process-events-interval-bytes', '1024'], { stdio: 'ignore' });
    try {
      // No ready check: it would wait for the load to finish, as the servers' clients do at start.
      const client = connect(`redis://127.0.0.1:${port}`, { ...SERVER_LIKE, enableOfflineQueue: true, enableReadyCheck: false });
      let error: unknown;
      for (let i = 0; i < 100 && !String(error).includes('LOADING'); i++) {
        error = await errorOf(client.get('k0')).catch((e: unknown) => e);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(String(error)).toMatch(/^ReplyError: LOADING /);
      expect(toAppError(error).code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      loading.kill('SIGKILL');
    }
  });

  it('when Redis answers an ordinary error (WRONGTYPE) or the code has a bug, then it is INTERNAL, not a 503', async () => {
    const server = await started();
    const client = connect(server.url);
    await ready(client);
    await client.set('k', '1');
    const wrongType = await errorOf(client.hget('k', 'f'));
    expect(String(wrongType)).toMatch(/WRONGTYPE/);
    expect(toAppError(wrongType).code).toBe('INTERNAL');
    expect(toAppError(new TypeError("Cannot read properties of undefined (reading 'x')")).code).toBe('INTERNAL');
    expect(toAppError(new Error('error loading the calendar')).code).toBe('INTERNAL');
    expect(isRedisUnavailable(null)).toBe(false);
  });
});

describe('toAppError: what both servers answer for what Koa throws', () => {
  it('when Koa refuses a body (413, 400, 415, 422) or an AppError is thrown, then the code is as the catalogue says, with its options kept', () => {
    expect(toAppError({ status: 413 }).code).toBe('PAYLOAD_TOO_LARGE');
    expect([400, 415, 422].map((status) => toAppError({ status }).code)).toEqual(['VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED']);
    const limited = new AppError('RATE_LIMITED', undefined, { retryAfterS: 7 });
    expect(toAppError(limited)).toBe(limited);
    expect([limited.status, limited.options.retryAfterS]).toEqual([429, 7]);
  });

  it('when an error is answered, then both servers give status, a Retry-After of at least 1 and a body without stack or cause', () => {
    const answer = errorAnswer(new AppError('RATE_LIMITED', undefined, { retryAfterS: 0, cause: new Error('secret detail') }), 'req-12345678');
    expect(answer).toEqual({ status: 429, retryAfterS: 1, body: { error: { code: 'RATE_LIMITED', message: 'Too many requests; slow down.', requestId: 'req-12345678', retryAfterS: 1 } } });
    const internal = errorAnswer(toAppError(new Error('boom')), 'req-12345678');
    expect([internal.status, internal.retryAfterS, JSON.stringify(internal.body)]).toEqual([500, undefined, expect.not.stringContaining('boom')]);
  });
});

describe('redisClusterNodes / luaKeyCount: what both servers read before connecting', () => {
  it('when REDIS_URL names a cluster, then its nodes are listed with 6379 for a missing port; when it names one Redis, then null', () => {
    expect(redisClusterNodes('redis-cluster://10.0.0.1:7001,10.0.0.2')).toEqual([
      { host: '10.0.0.1', port: 7001 },
      { host: '10.0.0.2', port: 6379 },
    ]);
    expect(redisClusterNodes('redis://127.0.0.1:6379/0')).toBeNull();
  });

  it('when a script names its keys in its "-- KEYS:" header, then the count is the highest number; without the header it is refused', () => {
    expect(luaKeyCount('two', '-- Takes a ticket.\n-- KEYS: 1 ticket, 2 session\n-- ARGV: 1 now\nreturn 1')).toBe(2);
    expect(luaKeyCount('one', '-- KEYS: 1 ticket\nreturn 1')).toBe(1);
    expect(() => luaKeyCount('none', '-- ARGV: 1 now\nreturn 1')).toThrow('script none does not declare its KEYS');
  });
});
