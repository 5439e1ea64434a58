import { createHash, randomBytes } from 'node:crypto';
import { fail, ok, type Result, type TokenPair } from '@family-share/shared';
import type { BffDeps } from '../deps';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/** A refresh token names its session: <sid>.<openid in base64url>.<secret>; only the secret's hash is stored. */
export function issueTokens(deps: BffDeps, openid: string, sid: string, secret: string): TokenPair {
  const access = deps.tokens.sign({ sub: openid, sid });
  return {
    accessToken: access.token,
    refreshToken: `${sid}.${Buffer.from(openid).toString('base64url')}.${secret}`,
    expiresIn: access.expiresIn,
    refreshExpiresIn: deps.config.refreshTtlS,
  };
}

/** wx.login code → WeChat (jscode2session) → openid → a session in Redis and a token pair. */
/** Counted per address by the registry's `login` limit before it runs. */
export async function logIn(deps: BffDeps, code: string): Promise<Result<TokenPair>> {
  const session = await deps.wechat.codeToSession(code);
  if (!session.ok) return fail(session.code);
  const { openid } = session.value;
  const personId = await deps.platform.personIdByOpenid(openid);
  const sid = randomBytes(16).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  await deps.sessions.create(
    { sid, openid, personId, createdAt: deps.clock(), refreshHash: hashSecret(secret) },
    deps.config.refreshTtlS,
  );
  if (personId) await deps.openids.remember(personId, openid);
  return ok(issueTokens(deps, openid, sid, secret));
}
