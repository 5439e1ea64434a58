import { randomBytes } from 'node:crypto';
import { digitsOf, policyByName, type Policy } from '@family-share/shared';
import { z } from 'zod';

const isProduction = process.env.NODE_ENV === 'production';
const devDefault = (value: string) => (isProduction ? z.string().min(1) : z.string().min(1).default(value));
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  BFF_PORT: digitsOf(5, z.number().int().min(0).max(65535)).default(3000),
  BFF_HOST: z.string().default('127.0.0.1'),
  REDIS_URL: z.string().regex(/^redis(-cluster)?:\/\//).default('redis://127.0.0.1:6379'),
  BFF_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/).default('bff:'),
  PLATFORM_URL: z.url().default('http://127.0.0.1:4010'),
  PLATFORM_KEY: devDefault('dev-platform-key-0123456789abcdef'),
  WECHAT_URL: z.url().default('http://127.0.0.1:4020'),
  WECHAT_APP_ID: z.string().default('wx_demo_family_share'),
  WECHAT_APP_SECRET: devDefault('dev-wechat-secret-0123456789abcdef'),
  FACE_URL: z.url().default('http://127.0.0.1:4030'),
  FACE_KEY: devDefault('dev-face-key-0123456789abcdef'),
  /** HS256 key, at least 32 bytes. Without one (outside production) a random one is made per process. */
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 bytes').optional(),
  ACCESS_TTL_S: digitsOf(4, z.number().int().min(60).max(3600)).default(900),
  REFRESH_TTL_S: digitsOf(7, z.number().int().min(3600).max(90 * 86400)).default(30 * 86400),
  POLICY: z.string().default('tibet-2022').refine((n) => policyByName(n) !== undefined, 'tibet-2022 or ngari-2025'),
  /** Demo login, demo face outcomes and the demo people list. */
  DEMO_MODE: flag.default(!isProduction),
  /** Origins allowed by CORS (the h5 app when served elsewhere), comma separated. */
  CORS_ORIGINS: z.string().default('http://127.0.0.1:10086,http://localhost:10086'),
  /** A built h5 app to serve at / (same origin as the API). */
  H5_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Multiplies every rate limit's allowance (tests that log in hundreds of times from one address). */
  RATE_LIMIT_SCALE: digitsOf(5, z.number().int().min(1).max(10_000)).default(1),
});

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
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  rateLimitScale: number;
}

/** The BFF's configuration from the environment, validated; the only reader of process.env. */
export function readBffConfig(source: NodeJS.ProcessEnv = process.env): BffConfig {
  const env = EnvSchema.parse(source);
  if (isProduction && !env.JWT_SECRET) throw new Error('JWT_SECRET (≥ 32 bytes) is required in production');
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
