import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Policy } from '@family-share/shared';
import pino, { type Logger } from 'pino';
import { createFaceApp } from './face/app';
import { createPlatformApp } from './platform/app';
import type { Notifier, PlatformDeps } from './platform/deps';
import { seedDemo } from './platform/demo-people';
import { DEMO_INSTITUTIONS } from './platform/institutions';
import { PlatformStore } from './platform/store/platform-store';
import { connectRedis, type RedisLike } from './platform/store/redis-client';
import { recoverPending } from './platform/use-cases/recover-pending';
import { wechatNotifier } from './platform/wechat-notifier';
import { createWechatApp } from './wechat/app';

export interface StartMocksOptions {
  redisUrl: string;
  policy: Policy;
  platformKey: string;
  wechat: { appId: string; appSecret: string };
  faceKey: string;
  ports?: { platform?: number; wechat?: number; face?: number };
  prefix?: string;
  seed?: boolean;
  clock?: () => number;
  log?: Logger;
  /** Demo mode: the counter page at /pos. Default: on when the demo people are seeded. */
  demo?: boolean;
  /** How often the recovery sweeper looks for unfinished operations (ms); 0 turns it off. */
  recoveryIntervalMs?: number;
}

export interface RunningMocks {
  platformUrl: string;
  wechatUrl: string;
  faceUrl: string;
  deps: PlatformDeps;
  redis: RedisLike;
  notifier: Notifier & { idle(): Promise<void> };
  close(): Promise<void>;
}

function listen(app: { callback(): Parameters<typeof import('node:http').createServer>[1] }, port: number): Promise<Server> {
  return import('node:http').then(
    ({ createServer }) =>
      new Promise((resolve, reject) => {
        const server = createServer(app.callback());
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve(server));
      }),
  );
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Starts the three stand-ins of the outside world on loopback, seeded with the demo people. */
export async function startMocks(options: StartMocksOptions): Promise<RunningMocks> {
  const log = options.log ?? pino({ level: 'silent' });
  const clock = options.clock ?? Date.now;
  const redis = connectRedis(options.redisUrl, { maxRetriesPerRequest: 2 });
  const store = new PlatformStore(redis, options.prefix);

  const wechatServer = await listen(
    createWechatApp({ appId: options.wechat.appId, appSecret: options.wechat.appSecret, clock, log: log.child({ mock: 'wechat' }) }),
    options.ports?.wechat ?? 0,
  );
  const wechatUrl = urlOf(wechatServer);
  const notifier = wechatNotifier({ wechatUrl, ...options.wechat, store, log: log.child({ mock: 'notifier' }) });
  const deps: PlatformDeps = { store, policy: options.policy, clock, notifier, log: log.child({ mock: 'platform' }) };
  // Institutions are the platform's reference data (R21), there whether or not demo people are.
  await store.saveInstitutions(DEMO_INSTITUTIONS);
  if (options.seed !== false) await seedDemo(deps);

  const platformServer = await listen(createPlatformApp(deps, { serviceKey: options.platformKey, demo: options.demo ?? options.seed !== false }), options.ports?.platform ?? 0);
  const faceServer = await listen(
    createFaceApp({ serviceKey: options.faceKey, clock, log: log.child({ mock: 'face' }) }),
    options.ports?.face ?? 0,
  );

  const interval = options.recoveryIntervalMs ?? 2_000;
  const sweeper =
    interval > 0
      ? setInterval(() => {
          recoverPending(deps).catch((error: unknown) => deps.log.warn({ err: error }, 'recovery sweep failed'));
        }, interval)
      : null;
  sweeper?.unref();
  if (interval > 0) await recoverPending(deps).catch(() => 0);

  return {
    platformUrl: urlOf(platformServer),
    wechatUrl,
    faceUrl: urlOf(faceServer),
    deps,
    redis,
    notifier,
    async close() {
      if (sweeper) clearInterval(sweeper);
      await notifier.idle();
      await Promise.all(
        [platformServer, wechatServer, faceServer].map(
          (server) => new Promise<void>((resolve) => server.close(() => resolve())),
        ),
      );
      redis.disconnect();
    },
  };
}
