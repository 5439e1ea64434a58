import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { redisReady } from './adapters/redis-stores';
import { createApp } from './app';
import type { BffDeps } from './deps';
import type { BffConfig } from './env';
import { expireDueInvitations } from './use-cases/expire-invitations';
import { createLogger, wireDeps } from './wire';

export interface RunningBff {
  url: string;
  deps: BffDeps;
  server: Server;
  close(): Promise<void>;
}

/**
 * Wires and starts the BFF on `config.port` (0: a free one), with the invitation-expiry sweep
 * (R19/R20) every 30 seconds; several BFF processes may run it, each invitation closes once.
 */
export async function startBff(
  config: BffConfig,
  options: { log?: Logger; overrides?: Partial<BffDeps>; checkResponses?: boolean; sweepMs?: number } = {},
): Promise<RunningBff> {
  const log = options.log ?? createLogger(config.logLevel);
  const { deps, redis } = wireDeps(config, log, options.overrides);
  await redisReady(redis);
  const app = createApp(deps, { checkResponses: options.checkResponses ?? process.env.NODE_ENV !== 'production' });
  const server = createServer(app.callback());
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const sweepMs = options.sweepMs ?? 30_000;
  const sweep = sweepMs > 0
    ? setInterval(() => {
        expireDueInvitations(deps).catch((error: unknown) => log.warn({ err: error }, 'invitation expiry sweep failed'));
      }, sweepMs)
    : null;
  sweep?.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    deps,
    server,
    async close() {
      if (sweep) clearInterval(sweep);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.disconnect();
    },
  };
}
