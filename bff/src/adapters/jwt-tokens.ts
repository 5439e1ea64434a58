import { createHmac, createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';

export interface AccessClaims {
  /** The WeChat openid. */
  sub: string;
  /** The session id in Redis (revocable). */
  sid: string;
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; code: 'UNAUTHENTICATED' | 'TOKEN_EXPIRED' };

/** Short-lived HS256 access tokens; the algorithm is pinned on verify (no "alg: none", no RS/HS confusion). */
export interface TokenService {
  sign(claims: AccessClaims): { token: string; expiresIn: number };
  verify(token: string): VerifyResult;
  /**
   * The refresh secret that follows `secret` in session `sid`: keyed, so that only the server
   * can compute it, and deterministic, so that a refresh repeated within the grace answers
   * the same new pair (refresh-session.ts).
   */
  nextRefreshSecret(sid: string, secret: string): string;
}

export function jwtTokens(options: { secret: string; ttlS: number; issuer?: string }): TokenService {
  if (Buffer.byteLength(options.secret) < 32) throw new Error('the JWT secret must be at least 32 bytes');
  const issuer = options.issuer ?? 'family-share-bff';
  // A KeyObject, made once: given the secret as a string, jsonwebtoken first tries (and fails)
  // to parse it as a PEM public key on every verify, which measured ~45× slower (bench/).
  const key = createSecretKey(Buffer.from(options.secret));
  return {
    sign(claims) {
      const token = jwt.sign({ sid: claims.sid }, key, {
        algorithm: 'HS256',
        subject: claims.sub,
        expiresIn: options.ttlS,
        issuer,
      });
      return { token, expiresIn: options.ttlS };
    },
    nextRefreshSecret(sid, secret) {
      return createHmac('sha256', key).update(`refresh-rotation\0${sid}\0${secret}`).digest('base64url');
    },
    verify(token) {
      try {
        const payload = jwt.verify(token, key, { algorithms: ['HS256'], issuer });
        if (typeof payload === 'string' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
          return { ok: false, code: 'UNAUTHENTICATED' };
        }
        return { ok: true, claims: { sub: payload.sub, sid: payload.sid } };
      } catch (error) {
        return { ok: false, code: error instanceof jwt.TokenExpiredError ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED' };
      }
    },
  };
}
