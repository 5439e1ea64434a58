import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { luaKeyCount, redisClusterNodes } from '@family-share/shared/server-kit';
import { Cluster, Redis, type RedisOptions } from 'ioredis';

export type RedisLike = Redis | Cluster;

const SCRIPT_NAMES = [
  'claim-binding',
  'commit-binding',
  'finish-binding',
  'void-binding',
  'end-binding-authorizer',
  'end-binding-beneficiary',
  'settlement-begin',
  'debit',
  'settlement-finish',
  'premium-claim',
  'premium-finish',
  'activate-ecredential',
  'reorder-authorizers',
  // the counter (R22–R24)
  'refund',
  'take-back',
  'cancel-begin',
  'cancel-finish',
  'reverse-begin',
  'reverse-finish',
  // reads of one slot in one round trip (issue 14)
  'home-read',
  'binding-side',
  'settlement-read',
  'feed-count',
] as const;

export type ScriptName = (typeof SCRIPT_NAMES)[number];

const luaDir = join(dirname(fileURLToPath(import.meta.url)), 'lua');

/** Reads the Lua sources once per process. */
const sources: Record<ScriptName, string> = Object.fromEntries(
  SCRIPT_NAMES.map((name) => [name, readFileSync(join(luaDir, `${name}.lua`), 'utf8')]),
) as Record<ScriptName, string>;

/**
 * Connects to Redis (a `redis://` URL) or to a Redis Cluster (`redis-cluster://host:port,…`)
 * and registers the platform's scripts, which ioredis runs with EVALSHA and reloads on NOSCRIPT.
 *
 * Fails fast while Redis is away, as the BFF does: ioredis's offline queue held each command
 * through its reconnect attempts (up to 2 s apart once Redis had been down a while), so the
 * platform answered 503 only after ~10 s. The queue now serves the first connection only (the
 * start-up seeding is issued before it is up); after that a command fails at once, the
 * caller answers 503, and ioredis goes on reconnecting by itself.
 */
export function connectRedis(url: string, options: RedisOptions = {}): RedisLike {
  const base: RedisOptions = {
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 100, 1_000),
    ...options,
  };
  const nodes = redisClusterNodes(url);
  const client = nodes
    ? new Cluster(nodes, { redisOptions: base, scaleReads: 'master', clusterRetryStrategy: (times) => Math.min(times * 100, 1_000) })
    : new Redis(url, base);
  client.once('ready', () => {
    client.options.enableOfflineQueue = false;
  });
  // Failures reach the callers through their commands (→ 503); the event itself must not crash the process.
  client.on('error', () => undefined);
  for (const name of SCRIPT_NAMES) {
    client.defineCommand(camel(name), { numberOfKeys: luaKeyCount(name, sources[name]), lua: sources[name] });
  }
  return client;
}

function camel(name: string): string {
  return name.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
}

/** Runs one of the registered scripts; its reply as Redis gave it (nested arrays stay nested). */
export async function runScriptRaw(client: RedisLike, name: ScriptName, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown> {
  const command = (client as unknown as Record<string, (...a: Array<string | number>) => Promise<unknown>>)[camel(name)];
  if (!command) throw new Error(`script ${name} is not registered`);
  return command.call(client, ...keys, ...args);
}

/** Runs one of the registered scripts whose reply is a flat list, as strings. */
export async function runScript(
  client: RedisLike,
  name: ScriptName,
  keys: readonly string[],
  args: ReadonlyArray<string | number>,
): Promise<string[]> {
  const reply = await runScriptRaw(client, name, keys, args);
  return (reply as unknown[]).map((part) => (part === null || part === undefined ? '' : String(part)));
}
