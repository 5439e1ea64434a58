/**
 * A throwaway Redis Cluster on loopback: N masters (no replicas) on the system binary, each
 * started with startRedisServer and its own directory, joined with
 * `redis-cli --cluster create … --cluster-replicas 0 --cluster-yes`. For tests that must show
 * that the hash-tagged key layout really works on a cluster (no CROSSSLOT, keys spread).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startRedisServer, type RedisServer } from './redis-server';

export interface RedisClusterOptions {
  /** Number of masters; Redis needs at least 3. */
  masters?: number;
  /** Longest wait for `cluster_state:ok` on every node. */
  readyTimeoutMs?: number;
  appendOnly?: boolean;
  /** With appendOnly: everysec unless asked (the bench asks for always, as production runs). */
  appendfsync?: 'always' | 'everysec';
}

export interface RedisCluster {
  nodes: RedisServer[];
  ports: number[];
  /** The form connectRedis / connectBffRedis take: redis-cluster://127.0.0.1:p1,127.0.0.1:p2,… */
  url: string;
  /** Runs redis-cli against one node and returns its stdout. */
  cli(port: number, ...args: string[]): Promise<string>;
  dispose(): Promise<void>;
}

export const REDIS_CLI = process.env.REDIS_CLI_BIN ?? '/usr/bin/redis-cli';

/** Is redis-cli there? (`which redis-cli`, or the absolute path.) */
export function redisCliAvailable(): boolean {
  if (spawnSync(REDIS_CLI, ['--version'], { stdio: 'ignore' }).status === 0) return true;
  return spawnSync('sh', ['-c', 'command -v redis-cli'], { stdio: 'ignore' }).status === 0;
}

function run(args: string[], timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(REDIS_CLI, args, { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`redis-cli ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

export async function startRedisCluster(options: RedisClusterOptions = {}): Promise<RedisCluster> {
  const masters = options.masters ?? 3;
  if (masters < 3) throw new RangeError('a Redis Cluster needs at least 3 masters');
  if (!redisCliAvailable()) throw new Error('redis-cli is not installed (apt-get install redis-tools or redis-server)');
  const dirs: string[] = [];
  const nodes: RedisServer[] = [];
  const cli = (port: number, ...args: string[]) => run(['-h', '127.0.0.1', '-p', String(port), ...args]);
  const dispose = async () => {
    await Promise.all(nodes.map((n) => n.stop({ kill: true })));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < masters; i += 1) {
      const dir = mkdtempSync(join(tmpdir(), 'fs-redis-cluster-'));
      dirs.push(dir);
      // The cluster bus port is set explicitly (Redis 7 `cluster-port`): port + 10000, the
      // default, may be above 65535 or taken for a port picked from the ephemeral range.
      const busPort = await freePort();
      nodes.push(
        await startRedisServer({
          dir,
          appendOnly: options.appendOnly ?? false,
          appendfsync: options.appendfsync ?? 'everysec',
          args: [
            '--cluster-enabled', 'yes',
            '--cluster-config-file', join(dir, 'nodes.conf'),
            '--cluster-port', String(busPort),
            '--cluster-node-timeout', '5000',
          ],
        }),
      );
    }
    const ports = nodes.map((n) => n.port);
    await run(['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], 30_000);

    const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
    for (;;) {
      const infos = await Promise.all(ports.map((p) => cli(p, 'cluster', 'info')));
      const ok = infos.every((info) => /cluster_state:ok/.test(info) && /cluster_slots_assigned:16384/.test(info) && new RegExp(`cluster_known_nodes:${masters}\\b`).test(info));
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`the cluster did not become ready:\n${infos.join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return {
      nodes,
      ports,
      url: `redis-cluster://${ports.map((p) => `127.0.0.1:${p}`).join(',')}`,
      cli,
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
