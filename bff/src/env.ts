import { randomBytes } from 'node:crypto';
import { digitsOf, POLICIES, policyByName, type Policy } from '@family-share/shared';
import { z } from 'zod';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The development values of the shared secrets: fine on a laptop, refused in production. */
export const DEV_SECRETS = {
  PLATFORM_KEY: 'dev-platform-key-0123456789abcdef',
  WECHAT_APP_SECRET: 'dev-wechat-secret-0123456789abcdef',
  FACE_KEY: 'dev-face-key-0123456789abcdef',
} as const;

function envSchema(production: boolean) {
  const secret = (name: keyof typeof DEV_SECRETS) =>
    production
      ? z.string().min(32).refine((v) => v !== DEV_SECRETS[name], `${name} is the development default`)
      : z.string().min(1).default(DEV_SECRETS[name]);
  return z.object({
    BFF_PORT: digitsOf(5, z.number().int().min(0).max(65535)).default(3000),
    BFF_HOST: z.string().default('127.0.0.1'),
    REDIS_URL: z.string().regex(/^redis(-cluster)?:\/\//).default('redis://127.0.0.1:6379'),
    BFF_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/).default('bff:'),
    PLATFORM_URL: z.url().default('http://127.0.0.1:4010'),
    PLATFORM_KEY: secret('PLATFORM_KEY'),
    WECHAT_URL: z.url().default('http://127.0.0.1:4020'),
    WECHAT_APP_ID: z.string().default('wx_demo_family_share'),
    WECHAT_APP_SECRET: secret('WECHAT_APP_SECRET'),
    FACE_URL: z.url().default('http://127.0.0.1:4030'),
    FACE_KEY: secret('FACE_KEY'),
    /** HS256 key, at least 32 bytes. Without one (outside production) a random one is made per process. */
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 bytes').optional(),
    ACCESS_TTL_S: digitsOf(4, z.number().int().min(60).max(3600)).default(900),
    REFRESH_TTL_S: digitsOf(7, z.number().int().min(3600).max(90 * 86400)).default(30 * 86400),
    POLICY: z.string().default('tibet-2022').refine((n) => policyByName(n) !== undefined, `one of ${Object.keys(POLICIES).join(', ')}`),
    /**
     * Demo login, demo face outcomes and the demo people list (full ID numbers and names):
     * an explicit opt-in, off unless set; `npm start` sets it. Refused in production.
     */
    DEMO_MODE: flag.default(false),
    /** Origins allowed by CORS (the h5 app when served elsewhere), comma separated. */
    CORS_ORIGINS: z.string().default('http://127.0.0.1:10086,http://localhost:10086'),
    /** A built h5 app to serve at / (same origin as the API). */
    H5_DIST: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Multiplies every rate limit's allowance (tests that log in hundreds of times from one address). */
    RATE_LIMIT_SCALE: digitsOf(5, z.number().int().min(1).max(10_000)).default(1),
  });
}

export interface BffConfig {
  port: number;
  host: string;
  redisUrl: string;
  prefix: string;
  platform: { url: string; key: string };
  wechat: { url: string; appId: string; appSecret: string };
  face: { url: string; key: string };
  jwtSecret: string;
  jwtSecretGenerated: boolean;
  accessTtlS: number;
  refreshTtlS: number;
  policy: Policy;
  demo: boolean;
  corsOrigins: string[];
  h5Dist: string | undefined;
  logLevel: z.infer<ReturnType<typeof envSchema>>['LOG_LEVEL'];
  rateLimitScale: number;
}

/** The BFF's configuration from the environment, validated; the only reader of process.env. */
export function readBffConfig(source: NodeJS.ProcessEnv = process.env): BffConfig {
  const production = (source.NODE_ENV ?? process.env.NODE_ENV) === 'production';
  const env = envSchema(production).parse(source);
  if (production && !env.JWT_SECRET) throw new Error('JWT_SECRET (≥ 32 bytes) is required in production');
  if (production && env.DEMO_MODE) throw new Error('DEMO_MODE must be off in production: it lists people and logs in as anyone');
  return {
    port: env.BFF_PORT,
    host: env.BFF_HOST,
    redisUrl: env.REDIS_URL,
    prefix: env.BFF_PREFIX,
    platform: { url: env.PLATFORM_URL, key: env.PLATFORM_KEY },
    wechat: { url: env.WECHAT_URL, appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET },
    face: { url: env.FACE_URL, key: env.FACE_KEY },
    jwtSecret: env.JWT_SECRET ?? randomBytes(48).toString('base64url'),
    jwtSecretGenerated: !env.JWT_SECRET,
    accessTtlS: env.ACCESS_TTL_S,
    refreshTtlS: env.REFRESH_TTL_S,
    policy: policyByName(env.POLICY) as Policy,
    demo: env.DEMO_MODE,
    corsOrigins: env.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    h5Dist: env.H5_DIST,
    logLevel: env.LOG_LEVEL,
    rateLimitScale: env.RATE_LIMIT_SCALE,
  };
}
