import { createServer, Socket as NetSocket, type Server, type Socket } from 'node:net';
import { TIBET_2022 } from '@family-share/shared';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startRedisServer, type RedisServer } from '../../scripts/lib/redis-server';
import { startMocks, type RunningMocks } from '../../mocks/src/start';
import { readBffConfig } from '../src/env';
import { startBff, type RunningBff } from '../src/start';
import { code } from './harness';

/** A TCP relay to the platform that can be switched off (connections refused) and on again. */
async function switchableRelay(target: string) {
  const { hostname, port: targetPort } = new URL(target);
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const on = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = new NetSocket();
        upstream.connect(Number(targetPort), hostname);
        client.pipe(upstream).pipe(client);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => s.destroy());
          s.on('close', () => sockets.delete(s));
        }
      });
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const off = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await on();
  return { url: `http://127.0.0.1:${port}`, on, off };
}

let redis: RedisServer;
let mocks: RunningMocks;
let bff: RunningBff;
let relay: Awaited<ReturnType<typeof switchableRelay>>;

beforeAll(async () => {
  redis = await startRedisServer({ appendOnly: true });
  mocks = await startMocks({
    redisUrl: redis.url,
    policy: TIBET_2022,
    platformKey: 'resilience-platform-key-0123456789',
    wechat: { appId: 'wx_r', appSecret: 'resilience-secret-0123456789' },
    recoveryIntervalMs: 0,
  });
  relay = await switchableRelay(mocks.platformUrl);
  bff = await startBff(
    readBffConfig({
      BFF_PORT: '0',
      REDIS_URL: redis.url,
      PLATFORM_URL: relay.url,
      PLATFORM_KEY: 'resilience-platform-key-0123456789',
      WECHAT_URL: mocks.wechatUrl,
      WECHAT_APP_ID: 'wx_r',
      WECHAT_APP_SECRET: 'resilience-secret-0123456789',
      FACE_URL: mocks.faceUrl,
      FACE_KEY: 'resilience-face-key-0123456789',
      JWT_SECRET: 'resilience-jwt-secret-0123456789-0123456789',
      LOG_LEVEL: 'silent',
    }),
    { sweepMs: 0 },
  );
});
afterAll(async () => {
  await bff.close();
  await relay.off();
  await mocks.close();
  await redis.dispose();
});

async function loggedIn(): Promise<string> {
  const wx = await fetch(`${mocks.wechatUrl}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'o_demo_laba' }) });
  const login = await request(bff.url).post('/api/auth/login').send({ code: ((await wx.json()) as { code: string }).code });
  expect(login.status).toBe(200);
  return login.body.accessToken;
}

async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('did not recover in time');
}

describe('when a dependency goes away', () => {
  it('when Redis stops, then 503 SERVICE_UNAVAILABLE (not a crash, not a 500); when it returns, the same session works again', async () => {
    const token = await loggedIn();
    const home = () => request(bff.url).get('/api/home').set({ authorization: `Bearer ${token}` });
    expect((await home()).status).toBe(200);
    await redis.stop();
    const down = await home();
    expect([down.status, code(down)]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    const ready = await request(bff.url).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.redis).toBe(false);
    expect((await request(bff.url).get('/healthz')).status).toBe(200);
    redis = await redis.restart();
    await eventually(async () => (await home()).status === 200);
    expect((await home()).body.person.name).toBe('拉巴');
  });

  it('when the platform stops answering, then 503 with a code; when it is back, requests succeed without a restart', async () => {
    const token = await loggedIn();
    const bindings = () => request(bff.url).get('/api/bindings').set({ authorization: `Bearer ${token}` });
    expect((await bindings()).status).toBe(200);
    await relay.off();
    const down = await bindings();
    expect([down.status, code(down)]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect((await request(bff.url).get('/readyz')).body.checks.platform).toBe(false);
    await relay.on();
    await eventually(async () => (await bindings()).status === 200);
    expect((await request(bff.url).get('/readyz')).status).toBe(200);
  });
});
