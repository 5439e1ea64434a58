import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeIdNumber, TIBET_2022 } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startRedisServer, type RedisServer } from '../../scripts/lib/redis-server';
import { bffEnvironment, type StackKeys } from '../../scripts/lib/stack';
import { demoPerson } from '../../mocks/src/platform/demo-people';
import { startMocks, type RunningMocks } from '../../mocks/src/start';

/**
 * SPEC "the BFF is stateless behind a load balancer": two real BFF processes (bff/src/main.ts,
 * configured by environment only) share one Redis and one JWT secret. Whatever one process
 * starts — a session, a rotation, a face verification, an idempotent payment, a lock — the
 * other one sees at once.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const keys: StackKeys = {
  platform: randomBytes(24).toString('base64url'),
  face: randomBytes(24).toString('base64url'),
  wechat: { appId: 'wx_two_processes', appSecret: randomBytes(24).toString('base64url') },
  jwt: randomBytes(48).toString('base64url'),
};

interface BffProcess {
  url: string;
  child: ChildProcess;
  output(): string;
}

async function spawnBff(name: string, redisUrl: string, mocks: RunningMocks): Promise<BffProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bff/src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ...bffEnvironment(redisUrl, mocks, keys),
      BFF_PORT: String(port),
      BFF_HOST: '127.0.0.1',
      DEMO_MODE: 'true',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_SCALE: '100',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`BFF ${name} exited (${child.exitCode}): ${log}`);
    const healthy = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.status === 200, () => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`BFF ${name} did not become ready: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, output: () => log };
}

async function stop(bff: BffProcess | undefined): Promise<void> {
  if (!bff || bff.child.exitCode !== null || bff.child.signalCode !== null) return;
  const exited = new Promise((resolve) => bff.child.once('exit', resolve));
  bff.child.kill('SIGTERM');
  const timer = setTimeout(() => bff.child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

let redis: RedisServer;
let mocks: RunningMocks;
let A: BffProcess;
let B: BffProcess;

beforeAll(async () => {
  redis = await startRedisServer();
  mocks = await startMocks({
    redisUrl: redis.url,
    policy: TIBET_2022,
    platformKey: keys.platform,
    wechat: keys.wechat,
    recoveryIntervalMs: 0,
  });
  [A, B] = await Promise.all([spawnBff('A', redis.url, mocks), spawnBff('B', redis.url, mocks)]);
}, 90_000);
afterAll(async () => {
  await Promise.all([stop(A), stop(B)]);
  await mocks?.close();
  await redis?.dispose();
});

type Answer = { status: number; body: Record<string, unknown> & { error?: { code?: string } } };

async function call(bff: BffProcess, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const response = await fetch(`${bff.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

async function login(bff: BffProcess, openid: string): Promise<{ accessToken: string; refreshToken: string }> {
  const wx = await fetch(`${mocks.wechatUrl}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
  const { code } = (await wx.json()) as { code: string };
  const res = await call(bff, 'POST', '/api/auth/login', { body: { code } });
  expect(res.status).toBe(200);
  return res.body as { accessToken: string; refreshToken: string };
}

let personSeq = 0;
async function newPerson(facts: Record<string, unknown>): Promise<{ idNumber: string; name: string; openid: string }> {
  personSeq += 1;
  const n = 100 + personSeq;
  const person = { idNumber: composeIdNumber('540102', '1981-05-06', n), name: '普布次仁', openid: `o_two_${n}_${Date.now()}`, insurance: 'employee', region: '540102', status: 'active', ...facts };
  const res = await fetch(`${mocks.platformUrl}/v1/admin/persons`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-platform-key': keys.platform }, body: JSON.stringify(person) });
  expect(res.status).toBe(201);
  return person as { idNumber: string; name: string; openid: string };
}

describe('two BFF processes behind one Redis', () => {
  it('when someone logs in on A, then B serves them; B refreshes; after a logout on A, B refuses at once', async () => {
    const duoji = demoPerson('duoji');
    const tokens = await login(A, duoji.openid);
    const homeOnB = await call(B, 'GET', '/api/home', { token: tokens.accessToken });
    expect(homeOnB.status).toBe(200);
    expect(homeOnB.body.person).toMatchObject({ name: duoji.name, balance: 450_000 });

    const refreshed = await call(B, 'POST', '/api/auth/refresh', { body: { refreshToken: tokens.refreshToken } });
    expect(refreshed.status).toBe(200);
    const next = refreshed.body as { accessToken: string; refreshToken: string };
    expect((await call(A, 'GET', '/api/home', { token: next.accessToken })).status).toBe(200);

    expect((await call(A, 'POST', '/api/auth/logout', { token: next.accessToken })).status).toBe(204);
    for (const token of [next.accessToken, tokens.accessToken]) {
      const refused = await call(B, 'GET', '/api/home', { token });
      expect([refused.status, refused.body.error?.code]).toEqual([401, 'SESSION_REVOKED']);
    }
    const noRefresh = await call(B, 'POST', '/api/auth/refresh', { body: { refreshToken: next.refreshToken } });
    expect([noRefresh.status, noRefresh.body.error?.code]).toEqual([401, 'SESSION_REVOKED']);
  });

  it('when a refresh token rotated twice on A is replayed on B, then the session is revoked on both', async () => {
    const tokens = await login(B, demoPerson('zhaxi').openid);
    const first = await call(A, 'POST', '/api/auth/refresh', { body: { refreshToken: tokens.refreshToken } });
    expect(first.status).toBe(200);
    // Rotated again: the first token is no longer the one just rotated (no double-submit grace).
    const rotated = await call(A, 'POST', '/api/auth/refresh', { body: { refreshToken: (first.body as { refreshToken: string }).refreshToken } });
    expect(rotated.status).toBe(200);
    const replay = await call(B, 'POST', '/api/auth/refresh', { body: { refreshToken: tokens.refreshToken } });
    expect([replay.status, replay.body.error?.code]).toEqual([401, 'SESSION_REVOKED']);
    const stolen = rotated.body as { accessToken: string };
    expect((await call(A, 'GET', '/api/home', { token: stolen.accessToken })).body.error?.code).toBe('SESSION_REVOKED');
  });

  it('when a face verification is started on A and finished on B, then its single-use ticket activates on A once, and B refuses it again', async () => {
    const p = await newPerson({ eCredentialActive: false, balance: 500_000 });
    const tokens = await login(A, p.openid);
    const started = await call(A, 'POST', '/api/face/sessions', { token: tokens.accessToken, body: { purpose: 'activate', name: p.name, idNumber: p.idNumber } });
    expect(started.status).toBe(201);
    const done = await call(B, 'POST', `/api/face/sessions/${started.body.sessionId as string}/complete`, { token: tokens.accessToken, body: { outcome: 'pass' } });
    expect(done.status).toBe(200);
    const activate = { name: p.name, idNumber: p.idNumber, faceTicket: done.body.ticket };
    const activated = await call(A, 'POST', '/api/ecredential/activate', { token: tokens.accessToken, body: activate });
    expect([activated.status, activated.body.usableForFamily]).toEqual([200, 200_000]);
    const again = await call(B, 'POST', '/api/ecredential/activate', { token: tokens.accessToken, body: activate });
    expect(again.body.error?.code).toBe('FACE_TICKET_INVALID');
    // B learns of the activation from the shared session, not from a cache of its own.
    expect((await call(B, 'GET', '/api/home', { token: tokens.accessToken })).body.person).toMatchObject({ name: p.name });
  });

  it('when a premium is paid on A with an Idempotency-Key, then a replay on B returns the same receipt and the key with another body is refused (R17)', async () => {
    const tokens = await login(A, demoPerson('duoji').openid);
    const list = await call(B, 'GET', '/api/premiums?year=2026', { token: tokens.accessToken });
    const item = (list.body.items as Array<{ bindingId: string; status: string }>)[0]!;
    expect(item.status).toBe('unpaid');
    const headers = { 'idempotency-key': `two-proc-${randomBytes(6).toString('hex')}` };
    const body = { bindingId: item.bindingId, year: 2026 };
    const [first, concurrent] = await Promise.all([
      call(A, 'POST', '/api/premiums/payments', { token: tokens.accessToken, body, headers }),
      call(B, 'POST', '/api/premiums/payments', { token: tokens.accessToken, body, headers }),
    ]);
    // Sent at the same moment to both: one pays, the other is told it is in progress or replays it.
    const paid = [first, concurrent].filter((r) => r.status === 200);
    expect(paid.length).toBeGreaterThanOrEqual(1);
    for (const r of [first, concurrent]) if (r.status !== 200) expect([r.status, r.body.error?.code]).toEqual([409, 'REQUEST_IN_PROGRESS']);
    const replay = await call(B, 'POST', '/api/premiums/payments', { token: tokens.accessToken, body, headers });
    expect(replay.body).toEqual(paid[0]!.body);
    for (const r of paid) expect(r.body).toEqual(replay.body);
    const reused = await call(A, 'POST', '/api/premiums/payments', { token: tokens.accessToken, body: { ...body, year: 2027 }, headers });
    expect([reused.status, reused.body.error?.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    const home = await call(A, 'GET', '/api/home', { token: tokens.accessToken });
    expect((home.body.person as { balance: number }).balance).toBe(450_000 - 40_000);
  });

  it('when face verifications fail on A and on B, then the 5-an-hour lock counts both and holds on both (R6)', async () => {
    const p = await newPerson({ eCredentialActive: false });
    const tokens = await login(B, p.openid);
    for (let i = 0; i < 5; i += 1) {
      const on = i % 2 === 0 ? A : B;
      const s = await call(on, 'POST', '/api/face/sessions', { token: tokens.accessToken, body: { purpose: 'activate', name: p.name, idNumber: p.idNumber } });
      expect(s.status).toBe(201);
      const other = on === A ? B : A;
      const r = await call(other, 'POST', `/api/face/sessions/${s.body.sessionId as string}/complete`, { token: tokens.accessToken, body: { outcome: 'fail' } });
      expect(r.body.error?.code).toBe(i < 4 ? 'FACE_VERIFICATION_FAILED' : 'FACE_LOCKED');
    }
    for (const bff of [A, B]) {
      expect((await call(bff, 'GET', '/api/face/status', { token: tokens.accessToken })).body.attemptsLeft).toBe(0);
      const locked = await call(bff, 'POST', '/api/face/sessions', { token: tokens.accessToken, body: { purpose: 'activate', name: p.name, idNumber: p.idNumber } });
      expect([locked.status, locked.body.error?.code]).toEqual([429, 'FACE_LOCKED']);
    }
  });
});
