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
import { outboxConsumer, wechatNotifier, type OutboxConsumer, type OutboxNotifier } from './platform/wechat-notifier';
import { accessTokens } from './wechat/access-tokens';
import { createWechatApp } from './wechat/app';

export interface StartMocksOptions {
  redisUrl: string;
  policy: Policy;
  platformKey: string;
  wechat: { appId: string; appSecret: string };
  ports?: { platform?: number; wechat?: number; face?: number };
  prefix?: string;
  seed?: boolean;
  clock?: () => number;
  log?: Logger;
  /** Demo mode: the counter page at /pos. An explicit opt-in (issue 9 item 3), off unless set. */
  demo?: boolean;
  /** Tests: the platform answers 500 when an answer breaks its PLATFORM_API response schema. */
  checkResponses?: boolean;
  /** How often the recovery sweeper looks for unfinished operations (ms); 0 turns it off. */
  recoveryIntervalMs?: number;
  /**
   * Which stand-ins this process runs (MOCKS_ONLY); all when absent. 'wechat' is WeChat's server
   * API with its 人脸核身 (one backend: they share the access_token), 'notifier' the outbox
   * consumer that sends subscription messages. Apart, each finds the others on its port.
   */
  only?: readonly MockRole[];
}

export const MOCK_ROLES = ['platform', 'wechat', 'notifier'] as const;
export type MockRole = (typeof MOCK_ROLES)[number];

export interface RunningMocks {
  platformUrl: string;
  wechatUrl: string;
  faceUrl: string;
  deps: PlatformDeps;
  redis: RedisLike;
  notifier: Notifier & { idle(): Promise<void> };
  /** The outbox consumer when this process runs it alone (MOCKS_ONLY=notifier). */
  consumer: OutboxConsumer | null;
  close(): Promise<void>;
}

function listen(app: { callback(): Parameters<typeof import('node:http').createServer>[1] }, port: number): Promise<Server> {
  return import('node:http').then(
    ({ createServer }) =>
      new Promise((resolve, reject) => {
        const server = createServer(app.callback());
        // Longer than any client keeps an idle connection (the BFF's pool: 30 s), so that the
        // server never closes a socket a client is just reusing: that race answered a POST
        // with ECONNRESET under load (the default is 5 s).
        server.keepAliveTimeout = 65_000;
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
  const runs = (role: MockRole) => !options.only || options.only.includes(role);
  const redis = connectRedis(options.redisUrl, { maxRetriesPerRequest: 2 });
  const prefix = options.prefix ?? 'plat:';
  const store = new PlatformStore(redis, prefix);
  const outboxKey = `${prefix}outbox`;
  const servers: Server[] = [];

  // One WeChat server API: the access_token of cgi-bin/token also opens 人脸核身 (served on
  // its own port only so that it can be pointed at separately).
  let wechatUrl = `http://127.0.0.1:${options.ports?.wechat ?? 0}`;
  let faceUrl = `http://127.0.0.1:${options.ports?.face ?? 0}`;
  if (runs('wechat')) {
    const tokens = accessTokens(clock);
    const wechatServer = await listen(
      createWechatApp({ appId: options.wechat.appId, appSecret: options.wechat.appSecret, clock, tokens, log: log.child({ mock: 'wechat' }) }),
      options.ports?.wechat ?? 0,
    );
    const faceServer = await listen(createFaceApp({ tokens, clock, log: log.child({ mock: 'face' }) }), options.ports?.face ?? 0);
    servers.push(wechatServer, faceServer);
    wechatUrl = urlOf(wechatServer);
    faceUrl = urlOf(faceServer);
  }
  const notifierOptions = { wechatUrl, ...options.wechat, store, outboxKey, log: log.child({ mock: 'notifier' }) };
  // The platform writes the outbox; the consumer runs with it unless a process of its own does.
  const notifier: OutboxNotifier = wechatNotifier({ ...notifierOptions, consume: runs('notifier') && runs('platform') });
  const consumer = runs('notifier') && !runs('platform') ? outboxConsumer(notifierOptions) : null;
  consumer?.run();
  const deps: PlatformDeps = { store, policy: options.policy, clock, notifier, log: log.child({ mock: 'platform' }) };

  let platformUrl = `http://127.0.0.1:${options.ports?.platform ?? 0}`;
  let sweeper: NodeJS.Timeout | null = null;
  if (runs('platform')) {
    // Institutions are the platform's reference data (R21), there whether or not demo people are.
    await store.saveInstitutions(DEMO_INSTITUTIONS);
    if (options.seed !== false) await seedDemo(deps);
    const platformServer = await listen(createPlatformApp(deps, { serviceKey: options.platformKey, demo: options.demo === true, checkResponses: options.checkResponses === true }), options.ports?.platform ?? 0);
    servers.push(platformServer);
    platformUrl = urlOf(platformServer);
    const interval = options.recoveryIntervalMs ?? 2_000;
    if (interval > 0) {
      sweeper = setInterval(() => {
        recoverPending(deps).catch((error: unknown) => deps.log.warn({ err: error }, 'recovery sweep failed'));
      }, interval);
      sweeper.unref();
      await recoverPending(deps).catch(() => 0);
    }
  }

  return {
    platformUrl,
    wechatUrl,
    faceUrl,
    deps,
    redis,
    notifier,
    consumer,
    async close() {
      if (sweeper) clearInterval(sweeper);
      await notifier.close();
      await consumer?.close();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
      redis.disconnect();
    },
  };
}
