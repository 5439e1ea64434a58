/**
 * Every key of a Redis with its content read by type, for tests that prove "nothing changed"
 * (R22's pre-settlement, the payment estimate): equal maps mean equal data. Not DUMP: a read
 * may finish a hash table's incremental rehash, which reorders DUMP's bytes (seen on the
 * platform's institutions hash) without changing anything.
 */
import type { Cluster, Redis } from 'ioredis';

/** Every key name of one Redis node (SCAN to the end; a cluster's caller asks each master). */
export async function allKeys(node: Redis): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await node.scan(cursor, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

export async function redisContents(redis: Redis | Cluster, skip: (key: string) => boolean = () => false): Promise<Map<string, string>> {
  const node = redis as Redis;
  const contents = new Map<string, string>();
  for (const key of await allKeys(node)) {
    if (skip(key)) continue;
    const type = await node.type(key);
    const content =
      type === 'string' ? await node.get(key)
      : type === 'hash' ? Object.entries(await node.hgetall(key)).sort()
      : type === 'zset' ? await node.call('ZRANGE', key, '0', '-1', 'WITHSCORES')
      : type === 'set' ? (await node.smembers(key)).sort()
      : type === 'list' ? await node.lrange(key, 0, -1)
      : type === 'stream' ? await node.xrange(key, '-', '+')
      : type;
    contents.set(key, JSON.stringify([type, content]));
  }
  return new Map([...contents].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
