/**
 * The whole product on loopback: Redis (a throwaway or persistent redis-server on the system
 * binary unless a URL is given), the mocks with the demo people, and the BFF (serving the h5
 * build when given). Used by `npm start`, the BFF and end-to-end tests and the benchmarks.
 */
import { randomBytes } from 'node:crypto';
import { policyByName, TIBET_2022, type Policy } from '@family-share/shared';
import type { Logger } from 'pino';
import pino from 'pino';
import { readBffConfig } from '../../bff/src/env';
import { startBff, type RunningBff } from '../../bff/src/start';
import { startMocks, type RunningMocks } from '../../mocks/src/start';
import { startRedisServer, type RedisServer } from './redis-server';

export interface StackOptions {
  /** Use this Redis instead of starting one. */
  redisUrl?: string;
  /** Data directory of the started Redis (kept across runs: AOF); a temporary one when absent. */
  redisDir?: string;
  policy?: Policy;
  ports?: { bff?: number; platform?: number; wechat?: number; face?: number };
  h5Dist?: string;
  /**
   * Demo mode of the BFF (demo login, demo people, the face outcome chooser): off unless asked
   * for. `npm start`, the browser story and the BFF tests that play the phone through it opt in.
   */
  demo?: boolean;
  log?: Logger;
  /** Move time in tests. */
  clock?: () => number;
  bffPrefix?: string;
  jwtSecret?: string;
  checkResponses?: boolean;
  /** Multiplies the BFF's rate limits (tests log in many times from one address). */
  rateLimitScale?: number;
  /** Fixed service keys (npm start uses the development defaults, so that the POS CLI works). */
  keys?: { platform: string; face: string; wechat: { appId: string; appSecret: string } };
}

export interface Stack {
  redis: RedisServer | null;
  redisUrl: string;
  mocks: RunningMocks;
  bff: RunningBff;
  keys: { platform: string; face: string; wechat: { appId: string; appSecret: string }; jwt: string };
  close(): Promise<void>;
}

export type StackKeys = Stack['keys'];

/**
 * The BFF's environment for reaching this Redis and these mocks with these keys: what the
 * in-process stack reads its config from and what a test that spawns BFF processes passes them.
 */
export function bffEnvironment(redisUrl: string, mocks: Pick<RunningMocks, 'platformUrl' | 'wechatUrl' | 'faceUrl'>, keys: StackKeys): Record<string, string> {
  return {
    REDIS_URL: redisUrl,
    PLATFORM_URL: mocks.platformUrl,
    PLATFORM_KEY: keys.platform,
    WECHAT_URL: mocks.wechatUrl,
    WECHAT_APP_ID: keys.wechat.appId,
    WECHAT_APP_SECRET: keys.wechat.appSecret,
    FACE_URL: mocks.faceUrl,
    FACE_KEY: keys.face,
    JWT_SECRET: keys.jwt,
  };
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? pino({ level: 'silent' });
  const redis = options.redisUrl ? null : await startRedisServer({ appendOnly: true, appendfsync: 'always', ...(options.redisDir ? { dir: options.redisDir } : {}) });
  const redisUrl = options.redisUrl ?? redis!.url;
  const policy = options.policy ?? TIBET_2022;
  // A test-only policy (shared/test/policies) is not registered by name: the BFF is handed the
  // object itself, and the demo people (Tibet's, 54…) are not seeded where its rules refuse them.
  const registered = policyByName(policy.name) !== undefined;
  const keys = {
    platform: options.keys?.platform ?? randomBytes(24).toString('base64url'),
    face: options.keys?.face ?? randomBytes(24).toString('base64url'),
    wechat: options.keys?.wechat ?? { appId: 'wx_demo_family_share', appSecret: randomBytes(24).toString('base64url') },
    jwt: options.jwtSecret ?? randomBytes(48).toString('base64url'),
  };
  const mocks = await startMocks({
    redisUrl,
    policy,
    seed: registered,
    platformKey: keys.platform,
    wechat: keys.wechat,
    ports: { platform: options.ports?.platform ?? 0, wechat: options.ports?.wechat ?? 0, face: options.ports?.face ?? 0 },
    clock: options.clock,
    // The /pos counter page belongs to the demo, like the BFF's demo login.
    demo: options.demo === true,
    log: log.child({ part: 'mocks' }),
  });
  const readConfig = readBffConfig({
    ...bffEnvironment(redisUrl, mocks, keys),
    BFF_PORT: String(options.ports?.bff ?? 0),
    BFF_PREFIX: options.bffPrefix ?? 'bff:',
    POLICY: registered ? policy.name : TIBET_2022.name,
    DEMO_MODE: options.demo === true ? 'true' : 'false',
    ...(options.h5Dist ? { H5_DIST: options.h5Dist } : {}),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_SCALE: String(options.rateLimitScale ?? 1),
  });
  const config = { ...readConfig, policy };
  const bff = await startBff(config, {
    log: log.child({ part: 'bff' }),
    ...(options.clock ? { overrides: { clock: options.clock } } : {}),
    checkResponses: options.checkResponses ?? true,
  });
  return {
    redis,
    redisUrl,
    mocks,
    bff,
    keys,
    async close() {
      await bff.close();
      await mocks.close();
      if (redis) await (options.redisDir ? redis.stop() : redis.dispose());
    },
  };
}
