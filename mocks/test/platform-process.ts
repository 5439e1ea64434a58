/**
 * The mocks as their own process (src/main.ts), for tests that kill the platform with -9: what
 * a crash of the Node process between two steps of an operation leaves in Redis.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const mocksDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface PlatformProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL, and wait until it is gone. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPlatformProcess(env: Record<string, string>): Promise<PlatformProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(mocksDir, 'src/main.ts')], {
    cwd: mocksDir,
    env: { ...process.env, PLATFORM_PORT: '0', WECHAT_PORT: '0', FACE_PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the platform did not start: ${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
      const match = /"platform":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the platform exited (${code}): ${output}`));
    });
  });
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await gone;
  };
  process.once('exit', () => child.kill('SIGKILL'));
  return { url, child, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
