/**
 * The servers under test run in their own processes, as in production: the load generator
 * (autocannon, in the bench's own process) must not share an event loop with them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Child {
  name: string;
  process: ChildProcess;
  /** The last few KB of its stderr, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface ChildOptions {
  name: string;
  entry: string;
  env: Record<string, string>;
  /** Node flags before the entry (and `--import tsx` for a .ts one), e.g. ['--cpu-prof', '--cpu-prof-dir', dir]. */
  nodeFlags?: string[];
  /** Polled until it answers 200. */
  healthUrl: string;
  readyTimeoutMs?: number;
}

export async function startChild(options: ChildOptions): Promise<Child> {
  // Compiled entry points (npm run build) run on plain node, as in production; .ts through tsx.
  const loader = options.entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...loader, options.entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env },
    // stdout (the request log, when on) goes nowhere: a pipe nobody reads would block pino.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited (${child.exitCode}): ${log}`);
    try {
      const response = await fetch(options.healthUrl, { signal: AbortSignal.timeout(1_000) });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not become healthy at ${options.healthUrl}: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name: options.name,
    process: child,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT: main.ts closes the servers and exits, so that --cpu-prof writes its profile.
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
