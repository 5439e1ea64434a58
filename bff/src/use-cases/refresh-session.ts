import { randomBytes } from 'node:crypto';
import type { TokenPair } from '@family-share/shared';
import { AppError } from '../http/app-error';
import type { BffDeps } from '../deps';
import { fail, ok, type Outcome } from '../ports/outcome';
import { hashSecret, issueTokens } from './log-in';

/**
 * Rotates the refresh token. Presenting one that was already rotated means it was copied:
 * the whole session is revoked (the person logs in again).
 */
export async function refreshSession(deps: BffDeps, refreshToken: string, ip: string): Promise<Outcome<TokenPair>> {
  const limit = await deps.limits.consume('refresh', ip);
  if (!limit.ok) throw new AppError('RATE_LIMITED', undefined, { retryAfterS: limit.retryAfterS });
  const [sid, encodedOpenid, secret] = refreshToken.split('.');
  if (!sid || !encodedOpenid || !secret) return fail('SESSION_REVOKED');
  const openid = Buffer.from(encodedOpenid, 'base64url').toString();
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(openid)) return fail('SESSION_REVOKED');
  const next = randomBytes(32).toString('base64url');
  const rotated = await deps.sessions.rotateRefresh(openid, sid, hashSecret(secret), hashSecret(next), deps.config.refreshTtlS);
  if (rotated !== 'ok') {
    if (rotated === 'reused') deps.log.warn({ sid }, 'a rotated refresh token was presented again; session revoked');
    return fail('SESSION_REVOKED');
  }
  return ok(issueTokens(deps, openid, sid, next));
}
