import { fail, ok, type Result, type TokenPair } from '@family-share/shared';
import type { BffDeps } from '../deps';
import { hashSecret, issueTokens } from './log-in';

/**
 * The same refresh token presented twice this soon (a double submit, a retry after a lost
 * answer) gets the same new pair; later, a rotated token means it was copied.
 */
export const REFRESH_GRACE_MS = 10_000;

/**
 * Rotates the refresh token. Presenting one that was already rotated means it was copied:
 * the whole session is revoked (the person logs in again) — unless it comes again within
 * REFRESH_GRACE_MS of its rotation, which answers the same new pair (decided atomically in
 * the rotate script).
 */
export async function refreshSession(deps: BffDeps, refreshToken: string): Promise<Result<TokenPair>> {
  const [sid, encodedOpenid, secret] = refreshToken.split('.');
  if (!sid || !encodedOpenid || !secret) return fail('SESSION_REVOKED');
  const openid = Buffer.from(encodedOpenid, 'base64url').toString();
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(openid)) return fail('SESSION_REVOKED');
  const next = deps.tokens.nextRefreshSecret(sid, secret);
  const rotated = await deps.sessions.rotateRefresh(openid, sid, hashSecret(secret), hashSecret(next), deps.config.refreshTtlS, deps.clock(), REFRESH_GRACE_MS);
  if (rotated !== 'ok' && rotated !== 'again') {
    if (rotated === 'reused') deps.log.warn({ sid }, 'a rotated refresh token was presented again; session revoked');
    return fail('SESSION_REVOKED');
  }
  return ok(issueTokens(deps, openid, sid, next));
}
