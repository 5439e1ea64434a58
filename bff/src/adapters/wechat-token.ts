import { z } from 'zod';
import { AppError } from '@family-share/shared/server-kit';
import { callJson } from './http-json';

const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });
const ErrAnswer = z.object({ errcode: z.number(), errmsg: z.string().optional() });

/** 40001: not the latest token (another fetch replaced it); 42001: expired. Both heal with a new one. */
const STALE_TOKEN = new Set([40001, 42001]);

/**
 * Renew this long before `expires_in` ends: WeChat keeps the previous token usable for five
 * minutes after a new one is fetched, so a call in flight at renewal still succeeds.
 */
const RENEW_BEFORE_MS = 5 * 60_000;

export interface WechatAccessToken {
  /**
   * Runs a call of WeChat's server API with the cached access_token. When WeChat answers
   * 40001 or 42001 (the token went stale under us: expired, or replaced by a fetch
   * elsewhere), it fetches a new token once and runs the call once more.
   */
  withToken<T>(call: (token: string) => Promise<T & { errcode?: number }>): Promise<T & { errcode?: number }>;
}

/**
 * The access_token of WeChat's server API (getAccessToken: GET cgi-bin/token with
 * grant_type=client_credential, appid, secret → access_token, expires_in), cached in this
 * process and renewed before it expires. Concurrent callers share one fetch.
 */
export function wechatAccessToken(options: { url: string; appId: string; appSecret: string; clock?: () => number }): WechatAccessToken {
  const clock = options.clock ?? Date.now;
  let cached: { value: string; renewAt: number } | null = null;
  let fetching: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const query = `grant_type=client_credential&appid=${encodeURIComponent(options.appId)}&secret=${encodeURIComponent(options.appSecret)}`;
    const { body } = await callJson(`${options.url}/cgi-bin/token?${query}`);
    const parsed = TokenAnswer.safeParse(body);
    if (!parsed.success) {
      const errcode = ErrAnswer.safeParse(body).data?.errcode;
      throw new AppError('SERVICE_UNAVAILABLE', `WeChat gave no access token (errcode ${errcode ?? 'none'}).`);
    }
    const ttlMs = parsed.data.expires_in * 1000;
    cached = { value: parsed.data.access_token, renewAt: clock() + Math.max(ttlMs - RENEW_BEFORE_MS, ttlMs / 2) };
    return cached.value;
  }

  function token(stale?: string): Promise<string> {
    if (cached && cached.value !== stale && cached.renewAt > clock()) return Promise.resolve(cached.value);
    fetching ??= fetchToken().finally(() => {
      fetching = null;
    });
    return fetching;
  }

  return {
    async withToken(call) {
      const first = await token();
      const answer = await call(first);
      if (answer.errcode === undefined || !STALE_TOKEN.has(answer.errcode)) return answer;
      return call(await token(first));
    },
  };
}
