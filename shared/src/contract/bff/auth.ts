// The BFF contract: login, refresh, logout and the demo login.
import { z } from 'zod';
import { DemoPersonSchema } from '../platform';

export const LoginRequestSchema = z.object({ code: z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/) });
export const RefreshRequestSchema = z.object({ refreshToken: z.string().min(20).max(200).regex(/^[A-Za-z0-9_.-]+$/) });
export const TokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** seconds */
  expiresIn: z.number().int(),
  refreshExpiresIn: z.number().int(),
});
export type TokenPair = z.infer<typeof TokenPairSchema>;

/** DEMO: the people one may log in as; the same shape as the platform's list. */
export const DemoPersonViewSchema = DemoPersonSchema;
export const DemoCodeRequestSchema = z.object({ openid: z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/) });
export const DemoCodeSchema = z.object({ code: z.string() });
