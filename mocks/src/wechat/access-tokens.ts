import { randomBytes } from 'node:crypto';

/**
 * The access_token of WeChat's server API (getAccessToken, cgi-bin/token), shared by every
 * stand-in that speaks that API (messages, 人脸核身), as one WeChat backend shares it.
 * As the documentation says: a token lives `expires_in` seconds (7200); fetching a new one
 * leaves the previous one usable for 5 more minutes, then it is no longer "the latest" (40001).
 */
export const TOKEN_TTL_S = 7200;
const GRACE_MS = 5 * 60_000;

export const TOKEN_ERRORS = {
  MISSING: { errcode: 41001, errmsg: 'access_token missing' },
  INVALID: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' },
  EXPIRED: { errcode: 42001, errmsg: 'access_token expired' },
} as const;

export interface AccessTokens {
  issue(): { access_token: string; expires_in: number };
  /** null when the token may be used, otherwise WeChat's error answer. */
  check(token: unknown): { errcode: number; errmsg: string } | null;
  /** DEV: every token expires now (42001 from now on), as two hours passing would do. */
  expireAll(): void;
  /** DEV: every token stops being valid (40001), as a fetch elsewhere would make it. */
  invalidateAll(): void;
}

export function accessTokens(clock: () => number): AccessTokens {
  const tokens = new Map<string, { expiresAt: number; invalid: boolean }>();
  return {
    issue() {
      const now = clock();
      for (const [token, entry] of tokens) {
        if (entry.expiresAt <= now - GRACE_MS) tokens.delete(token);
        else entry.expiresAt = Math.min(entry.expiresAt, now + GRACE_MS);
      }
      const token = randomBytes(32).toString('base64url');
      tokens.set(token, { expiresAt: now + TOKEN_TTL_S * 1000, invalid: false });
      return { access_token: token, expires_in: TOKEN_TTL_S };
    },
    check(token) {
      if (typeof token !== 'string' || token === '') return TOKEN_ERRORS.MISSING;
      const entry = tokens.get(token);
      if (!entry || entry.invalid) return TOKEN_ERRORS.INVALID;
      if (entry.expiresAt <= clock()) return TOKEN_ERRORS.EXPIRED;
      return null;
    },
    expireAll() {
      const now = clock();
      for (const entry of tokens.values()) entry.expiresAt = Math.min(entry.expiresAt, now);
    },
    invalidateAll() {
      for (const entry of tokens.values()) entry.invalid = true;
    },
  };
}
