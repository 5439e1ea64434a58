import { digitsOf, POLICIES, policyByName, type Policy } from '@family-share/shared';
import { z } from 'zod';

/** The development values of the shared secrets (the BFF's defaults too): refused in production. */
export const DEV_SECRETS = {
  PLATFORM_KEY: 'dev-platform-key-0123456789abcdef',
  WECHAT_APP_SECRET: 'dev-wechat-secret-0123456789abcdef',
  FACE_KEY: 'dev-face-key-0123456789abcdef',
} as const;

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A shared secret: its development default outside production; in production one of ≥ 32 characters that is not it. */
const devSecret = (production: boolean, name: keyof typeof DEV_SECRETS) =>
  production
    ? z.string().min(32).refine((v) => v !== DEV_SECRETS[name], `${name} is the development default`)
    : z.string().min(8).default(DEV_SECRETS[name]);

const envSchema = (production: boolean) => z.object({
  REDIS_URL: z.string().regex(/^redis(-cluster)?:\/\//).default('redis://127.0.0.1:6379'),
  PLATFORM_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/).default('plat:'),
  PLATFORM_PORT: digitsOf(5, z.number().int().min(0).max(65535)).default(4010),
  WECHAT_PORT: digitsOf(5, z.number().int().min(0).max(65535)).default(4020),
  FACE_PORT: digitsOf(5, z.number().int().min(0).max(65535)).default(4030),
  PLATFORM_POLICY: z
    .string()
    .default('tibet-2022')
    .refine((name) => policyByName(name) !== undefined, `one of ${Object.keys(POLICIES).join(', ')}`),
  PLATFORM_KEY: devSecret(production, 'PLATFORM_KEY'),
  WECHAT_APP_ID: z.string().default('wx_demo_family_share'),
  WECHAT_APP_SECRET: devSecret(production, 'WECHAT_APP_SECRET'),
  FACE_KEY: devSecret(production, 'FACE_KEY'),
  /**
   * The demo: seeds the demo people (full ID numbers and names of made-up people) and serves
   * the demo counter page at /pos (no service key). An explicit opt-in, refused in production.
   */
  DEMO_MODE: flag.default(false),
  /** Which stand-ins this process runs, comma-separated (platform, wechat, notifier); all when unset. */
  MOCKS_ONLY: z
    .string()
    .regex(/^(platform|wechat|notifier)(,(platform|wechat|notifier))*$/)
    .transform((v) => v.split(',') as Array<'platform' | 'wechat' | 'notifier'>)
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type MocksEnv = z.infer<ReturnType<typeof envSchema>> & { policy: Policy };

/** The mocks' configuration, read once from the environment and validated. */
export function readMocksEnv(source: NodeJS.ProcessEnv = process.env): MocksEnv {
  const production = (source.NODE_ENV ?? process.env.NODE_ENV) === 'production';
  const env = envSchema(production).parse(source);
  if (production && env.DEMO_MODE) throw new Error('DEMO_MODE must be off in production');
  return { ...env, policy: policyByName(env.PLATFORM_POLICY) as Policy };
}
