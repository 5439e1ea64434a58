/**
 * Starts a real redis-server (the system binary) on a loopback port, for tests, `npm start`
 * and the benchmarks. We spawn it ourselves rather than use redis-memory-server because we
 * need what that package does not give: an append-only file in a directory we choose, and a
 * restart (or a kill -9) on the same directory and port to prove nothing acknowledged is lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServerOptions {
  /** Port to listen on; a free one when absent. */
  port?: number;
  /** Data directory (AOF lives here); a fresh temporary one when absent. */
  dir?: string;
  /** Append-only file with fsync on every write: what was acknowledged survives a crash. */
  appendOnly?: boolean;
  appendfsync?: 'always' | 'everysec' | 'no';
  /** Extra arguments, e.g. ['--cluster-enabled', 'yes']. */
  args?: string[];
  binary?: string;
}

export interface RedisServer {
  port: number;
  url: string;
  dir: string;
  /** The running redis-server (a new one after each restart). */
  readonly process: ChildProcess;
  /** SIGTERM and wait; with `kill: true`, SIGKILL (a crash). */
  stop(options?: { kill?: boolean }): Promise<void>;
  /**
   * Stops (or kills) and starts again on the same port and directory. The same handle then
   * controls the new process, so that whoever holds it stops the right one.
   */
  restart(options?: { kill?: boolean }): Promise<RedisServer>;
  /** Stops it and removes a directory that was created for it. */
  dispose(): Promise<void>;
}

export const REDIS_BINARY = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

async function waitUntilReady(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${output()}`);
    if (await ping(port)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`redis-server on port ${port} did not become ready: ${output()}`);
}

/** Spawns redis-server and waits until it answers PING. */
async function spawnRedis(options: RedisServerOptions, port: number, dir: string): Promise<ChildProcess> {
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dir,
    '--save', '',
    '--appendonly', options.appendOnly ? 'yes' : 'no',
    '--appendfsync', options.appendfsync ?? 'always',
    '--protected-mode', 'yes',
    ...(options.args ?? []),
  ];
  const child = spawn(options.binary ?? REDIS_BINARY, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  await waitUntilReady(port, child, () => log);
  return child;
}

const running = new Set<ChildProcess>();
// A test process that ends without stopping its servers (a failure, a timeout) takes them along.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'fs-redis-'));
  const port = options.port ?? (await freePort());
  let child = await spawnRedis(options, port, dir);
  running.add(child);

  const stop = async ({ kill = false } = {}) => {
    const current = child;
    if (current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    current.kill(kill ? 'SIGKILL' : 'SIGTERM');
    await exited;
    running.delete(current);
  };

  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    get process() {
      return child;
    },
    stop,
    async restart({ kill = false } = {}) {
      await stop({ kill });
      child = await spawnRedis(options, port, dir);
      running.add(child);
      return server;
    },
    async dispose() {
      await stop();
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
