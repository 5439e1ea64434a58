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
}

export function jwtTokens(options: { secret: string; ttlS: number; issuer?: string }): TokenService {
  if (Buffer.byteLength(options.secret) < 32) throw new Error('the JWT secret must be at least 32 bytes');
  const issuer = options.issuer ?? 'family-share-bff';
  return {
    sign(claims) {
      const token = jwt.sign({ sid: claims.sid }, options.secret, {
        algorithm: 'HS256',
        subject: claims.sub,
        expiresIn: options.ttlS,
        issuer,
      });
      return { token, expiresIn: options.ttlS };
    },
    verify(token) {
      try {
        const payload = jwt.verify(token, options.secret, { algorithms: ['HS256'], issuer });
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
