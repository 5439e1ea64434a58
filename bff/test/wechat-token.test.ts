// The BFF's access_token (cgi-bin/token) against the WeChat stand-in on loopback: cached,
// renewed before expires_in ends, fetched once for concurrent callers, and on 40001/42001
// fetched again once — never in a loop.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTokens, type AccessTokens } from '../../mocks/src/wechat/access-tokens';
import { createWechatApp } from '../../mocks/src/wechat/app';
import { wechatAccessToken } from '../src/adapters/wechat-token';

const APP = { appId: 'wx_token_test', appSecret: 'token-test-secret-0123456789' };
let now = Date.now();
const clock = () => now;
let tokens: AccessTokens;
let server: Server;
let url: string;
let issued = 0;

beforeAll(async () => {
  const real = accessTokens(clock);
  // count what the stand-in hands out, so that a test can see how many fetches there were
  tokens = { ...real, issue: () => ((issued += 1), real.issue()) };
  server = createServer(createWechatApp({ ...APP, clock, tokens, log: pino({ level: 'silent' }) }).callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

/** A call of WeChat's API that answers what the stand-in says of the token it was given. */
const useToken = (seen: string[]) => async (token: string) => {
  seen.push(token);
  return { errcode: tokens.check(token)?.errcode ?? 0 };
};

describe('access_token kept by the BFF', () => {
  it('when calls come within its life, then one fetch serves them all, concurrent ones included; 5 minutes before expires_in it is renewed', async () => {
    const source = wechatAccessToken({ url, ...APP, clock });
    const seen: string[] = [];
    const before = issued;
    await Promise.all(Array.from({ length: 10 }, () => source.withToken(useToken(seen))));
    now += 3600_000;
    await source.withToken(useToken(seen));
    expect(issued - before).toBe(1);
    expect(new Set(seen).size).toBe(1);

    now += 3600_000 - 5 * 60_000; // 7200 s − 5 min after the fetch: renewed, not used up to the edge
    await source.withToken(useToken(seen));
    expect(issued - before).toBe(2);
    expect(seen.at(-1)).not.toBe(seen[0]);
    expect(tokens.check(seen.at(-1))).toBeNull();
  });

  it('when WeChat answers 40001 and then 42001, then each time the token is fetched again once and the call runs once more', async () => {
    const source = wechatAccessToken({ url, ...APP, clock });
    const seen: string[] = [];
    await source.withToken(useToken(seen));
    tokens.invalidateAll();
    expect((await source.withToken(useToken(seen))).errcode).toBe(0);
    tokens.expireAll();
    expect((await source.withToken(useToken(seen))).errcode).toBe(0);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(3);
  });

  it('when WeChat keeps refusing every token, then the call is retried once only and the refusal comes back', async () => {
    const source = wechatAccessToken({ url, ...APP, clock });
    let calls = 0;
    const answer = await source.withToken(async () => ((calls += 1), { errcode: 40001 }));
    expect(calls).toBe(2);
    expect(answer.errcode).toBe(40001);
  });

  it('when the app secret is wrong, then no token: SERVICE_UNAVAILABLE, and the secret is not in the message', async () => {
    const source = wechatAccessToken({ url, appId: APP.appId, appSecret: 'wrong-secret-0123456789', clock });
    await expect(source.withToken(async () => ({ errcode: 0 }))).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.not.stringContaining('wrong-secret') });
  });
});
