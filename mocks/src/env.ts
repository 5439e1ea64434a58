import { policyByName, type Policy } from '@family-share/shared';
import { z } from 'zod';

const isProduction = process.env.NODE_ENV === 'production';

/** A development default for a shared secret, refused in production. */
const devSecret = (fallback: string) =>
  isProduction ? z.string().min(32) : z.string().min(8).default(fallback);

const EnvSchema = z.object({
  REDIS_URL: z.string().regex(/^redis(-cluster)?:\/\//).default('redis://127.0.0.1:6379'),
  PLATFORM_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/).default('plat:'),
  PLATFORM_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  WECHAT_PORT: z.coerce.number().int().min(0).max(65535).default(4020),
  FACE_PORT: z.coerce.number().int().min(0).max(65535).default(4030),
  PLATFORM_POLICY: z
    .string()
    .default('tibet-2022')
    .refine((name) => policyByName(name) !== undefined, 'tibet-2022 or ngari-2025'),
  PLATFORM_KEY: devSecret('dev-platform-key-0123456789abcdef'),
  WECHAT_APP_ID: z.string().default('wx_demo_family_share'),
  WECHAT_APP_SECRET: devSecret('dev-wechat-secret-0123456789abcdef'),
  FACE_KEY: devSecret('dev-face-key-0123456789abcdef'),
  /** The demo counter page at /pos (no service key): off in production unless asked for. */
  PLATFORM_DEMO: z.enum(['true', 'false']).default(isProduction ? 'false' : 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type MocksEnv = z.infer<typeof EnvSchema> & { policy: Policy };

/** The mocks' configuration, read once from the environment and validated. */
export function readMocksEnv(source: NodeJS.ProcessEnv = process.env): MocksEnv {
  const env = EnvSchema.parse(source);
  return { ...env, policy: policyByName(env.PLATFORM_POLICY) as Policy };
}
