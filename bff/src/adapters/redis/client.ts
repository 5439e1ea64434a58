import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { luaKeyCount, redisClusterNodes } from '@family-share/shared/server-kit';
import { Cluster, Redis, type RedisOptions } from 'ioredis';

export type RedisLike = Redis | Cluster;

const SCRIPT_NAMES = ['rotate-refresh', 'consume-ticket', 'transition-invitation', 'idempotency-begin', 'home-reads', 'count-since'] as const;

export type ScriptName = (typeof SCRIPT_NAMES)[number];

// Beside this module in the sources, beside the bundle in dist/ (scripts/build.ts copies them).
const luaDir = join(dirname(fileURLToPath(import.meta.url)), 'lua');

/** Reads the Lua sources once per process. */
const sources: Record<ScriptName, string> = Object.fromEntries(
  SCRIPT_NAMES.map((name) => [name, readFileSync(join(luaDir, `${name}.lua`), 'utf8')]),
) as Record<ScriptName, string>;

/** ioredis command names: 'bff' + the file name in camel case (bffRotateRefresh). */
function commandName(name: ScriptName): string {
  return `bff${name.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`;
}

/**
 * Connects to Redis or a Redis Cluster ("redis-cluster://h:p,h:p") and registers the BFF's
 * scripts, which ioredis runs with EVALSHA and reloads on NOSCRIPT. No offline queue: while
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
  const nodes = redisClusterNodes(url);
  const client = nodes
    ? new Cluster(nodes, { redisOptions: base, enableOfflineQueue: false, clusterRetryStrategy: (times) => Math.min(times * 100, 1_000) })
    : new Redis(url, base);
  client.on('error', () => undefined); // reported through failed commands; do not crash the process
  for (const name of SCRIPT_NAMES) {
    client.defineCommand(commandName(name), { numberOfKeys: luaKeyCount(name, sources[name]), lua: sources[name] });
  }
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

/** Runs one of the registered scripts; its reply as ioredis gives it (a string, a number or an array). */
export async function runScript<T>(client: RedisLike, name: ScriptName, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<T> {
  const command = (client as unknown as Record<string, (...a: Array<string | number>) => Promise<unknown>>)[commandName(name)];
  if (!command) throw new Error(`script ${name} is not registered`);
  return (await command.call(client, ...keys, ...args)) as T;
}
