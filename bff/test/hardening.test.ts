/**
 * Issue 9 (hardening): each item named by its number. Real Redis, real HTTP on loopback.
 */
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TIBET_2022_LETTER } from '@family-share/shared';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMocksEnv } from '../../mocks/src/env';
import { platformHttp } from '../src/adapters/platform-http';
import { createApp } from '../src/app';
import type { BffDeps } from '../src/deps';
import { DEV_SECRETS, readBffConfig } from '../src/env';
import { startBff, type RunningBff } from '../src/start';
import { PAYMENT_LEASE_MS } from '../src/use-cases/premiums';
import { REFRESH_GRACE_MS } from '../src/use-cases/refresh-session';
import { wireDeps } from '../src/wire';
import { code, startBffHarness, type BffHarness, type Client } from './harness';

let h: BffHarness;
beforeAll(async () => {
  h = await startBffHarness({ demo: true });
});
afterAll(async () => h.close());

/** An employee A bound (accepted) to a resident relative B, A with a balance above the floor. */
async function boundPair(balance = 800_000) {
  const a = await h.newPerson({ balance });
  const b = await h.newPerson({ insurance: 'resident', born: '1960-03-04' });
  const [A, B] = await Promise.all([h.login(a.openid), h.login(b.openid)]);
  await A.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version });
  const faceTicket = await h.faceTicket(A, { purpose: 'bind', target: b.idNumber });
  const invited = await A.post('/api/invitations', { name: b.name, idNumber: b.idNumber, relation: 'parent', faceTicket, commitmentVersion: TIBET_2022_LETTER.version });
  expect(invited.status).toBe(201);
  const accepted = await B.post(`/api/invitations/${invited.body.invitationId as string}/accept`);
  expect(accepted.status).toBe(200);
  return { a, b, A, B, bindingId: accepted.body.bindingId as string };
}

/** Another BFF process's worth, on the harness's Redis and mocks, with extra environment. */
async function extraBff(env: Record<string, string>, overrides: Partial<BffDeps> = {}): Promise<RunningBff> {
  const { stack } = h;
  const config = readBffConfig({
    BFF_PORT: '0',
    REDIS_URL: stack.redisUrl,
    PLATFORM_URL: stack.mocks.platformUrl,
    PLATFORM_KEY: stack.keys.platform,
    WECHAT_URL: stack.mocks.wechatUrl,
    WECHAT_APP_ID: stack.keys.wechat.appId,
    WECHAT_APP_SECRET: stack.keys.wechat.appSecret,
    FACE_URL: stack.mocks.faceUrl,
    FACE_KEY: stack.keys.face,
    JWT_SECRET: stack.keys.jwt,
    LOG_LEVEL: 'silent',
    ...env,
  });
  return startBff(config, { log: pino({ level: 'silent' }), sweepMs: 0, overrides });
}

/** A raw GET: the path goes out exactly as written (fetch and supertest would normalise `..`). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function premiumOf(A: Client, bindingId: string, year = 2026) {
  const res = await A.get(`/api/premiums?year=${year}`);
  expect(res.status).toBe(200);
  return (res.body.items as Array<{ bindingId: string; status: string }>).find((i) => i.bindingId === bindingId);
}

describe('issue 9 item 6: outside numbers are parsed strictly (no z.coerce on requests)', () => {
  it('when a premium year comes as [2026], "0x7EA", " 2026 ", "2.026e3" or "2026", then 400 VALIDATION_FAILED and nothing is paid (R15, R17)', async () => {
    const { A, bindingId } = await boundPair();
    const before = (await A.get('/api/home')).body.person.balance as number;
    let n = 0;
    for (const year of [[2026], '0x7EA', ' 2026 ', '2.026e3', '2026', 2026.5, null, true]) {
      n += 1;
      const res = await A.post('/api/premiums/payments', { bindingId, year }, { 'idempotency-key': `strict-year-${n}-0000` });
      expect(res.status, JSON.stringify(year)).toBe(400);
      expect(code(res)).toBe('VALIDATION_FAILED');
    }
    expect((await premiumOf(A, bindingId))?.status).toBe('unpaid');
    expect((await A.get('/api/home')).body.person.balance).toBe(before);
  });

  it('when a query-string number is anything but digits, then 400 VALIDATION_FAILED; plain digits still work', async () => {
    const { A } = await boundPair();
    for (const bad of ['0x7EA', '%202026%20', '2.026e3', '2026.0', '+2026', '2026&year=2027', '']) {
      const res = await A.get(`/api/premiums?year=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(code(res)).toBe('VALIDATION_FAILED');
    }
    for (const bad of ['1e1', '0x10', ' 5', '5.0', '-1', '0']) {
      expect(code(await A.get(`/api/history/deductions?limit=${encodeURIComponent(bad)}`)), bad).toBe('VALIDATION_FAILED');
      expect(code(await A.get(`/api/notifications?limit=${encodeURIComponent(bad)}`)), bad).toBe('VALIDATION_FAILED');
    }
    expect(code(await A.get('/api/history/monthly?year=0x7EA'))).toBe('VALIDATION_FAILED');
    expect((await A.get('/api/premiums?year=2026')).status).toBe(200);
    expect((await A.get('/api/history/deductions?limit=5')).status).toBe(200);
    expect((await A.get('/api/history/monthly?year=2026')).status).toBe(200);
  });

  it('when the platform is given a year or a count that is not digits, then it answers 400 VALIDATION_FAILED', async () => {
    const { b } = await boundPair();
    for (const path of [`/v1/persons/${await h.psn(b.idNumber)}/premiums/0x7EA`, `/v1/persons/${await h.psn(b.idNumber)}/premiums/2.026e3`, `/v1/persons/${await h.psn(b.idNumber)}/summary?feedSince=1e3`, `/v1/persons/${await h.psn(b.idNumber)}/feed?limit=0x10`]) {
      const res = await h.platform<{ error: { code: string } }>('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await h.platform('GET', `/v1/persons/${await h.psn(b.idNumber)}/premiums/2026`)).status).toBe(200);
  });
});

describe('issue 9 item 4: bad input answers 4xx with a catalogue code, never 500', () => {
  it('when a notifications cursor is not two stream ids in range, then 400 VALIDATION_FAILED; the cursors the server gives still page', async () => {
    const { A, B } = await boundPair();
    const bad = ['~--', '~99999999999999999999999', '~1-99999999999999999999999', '-~-', '0-0~', '~0-0', '1-1~0-0', '9999999999999999-0~', '1-99999999999~', '~-1', '1~1', '1-1~1-1~', '~~'];
    for (const cursor of bad) {
      const res = await A.get(`/api/notifications?cursor=${encodeURIComponent(cursor)}`);
      expect(res.status, cursor).toBe(400);
      expect(code(res), cursor).toBe('VALIDATION_FAILED');
    }
    // B has an invitation notice (BFF inbox) and a binding event (platform feed): page by one.
    const first = await B.get('/api/notifications?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await B.get(`/api/notifications?limit=1&cursor=${encodeURIComponent(first.body.nextCursor as string)}`);
    expect(second.status).toBe(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it('when a history cursor is out of any range, then the answer is 200 or 400 with a code, never 500', async () => {
    const { A } = await boundPair();
    for (const cursor of ['99999999999999999999', '0', '00000000000000000000', '1', '-1', '1e5', '18446744073709551616']) {
      for (const path of ['/api/history/deductions', '/api/history/payments']) {
        const res = await A.get(`${path}?cursor=${cursor}`);
        expect([200, 400], `${path} ${cursor}`).toContain(res.status);
        if (res.status === 400) expect(code(res)).toBe('VALIDATION_FAILED');
      }
    }
  });

  it('when a known path is asked with a method it does not answer, then 405 METHOD_NOT_ALLOWED with the Allow header, on the BFF and the platform', async () => {
    const { A, a } = await boundPair();
    for (const res of [await h.http.delete('/api/home'), await A.put('/api/premiums/payments'), await h.http.get('/api/auth/login')]) {
      expect([res.status, code(res)]).toEqual([405, 'METHOD_NOT_ALLOWED']);
      expect(res.headers.allow).toEqual(expect.any(String));
    }
    const platform = await h.platform<{ error: { code: string } }>('DELETE', `/v1/persons/${await h.psn(a.idNumber)}`);
    expect([platform.status, platform.body.error.code]).toEqual([405, 'METHOD_NOT_ALLOWED']);
  });

  it('when the h5 files are asked for with a path out of their folder, then 404 NOT_FOUND (not 500) and nothing leaks', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'h5-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>h5</title>');
    const bff = await extraBff({ H5_DIST: dist });
    try {
      expect((await rawGet(bff.url, '/')).status).toBe(200);
      const probes = [
        '/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
        '/....//....//etc/passwd', '/..\\..\\etc\\passwd', '/%252e%252e/etc/passwd', '/%00', '/index.html%00.js', '/%E0%A4%A',
        `/${'a/'.repeat(2000)}`,
      ];
      for (const path of probes) {
        const res = await rawGet(bff.url, path);
        expect([400, 404], path).toContain(res.status);
        expect(JSON.parse(res.body).error.code, path).toBe(res.status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED');
        expect(res.body).not.toContain('root:');
        expect(res.body).not.toContain('"workspaces"');
      }
    } finally {
      await bff.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('issue 9 item 7: personal answers are not cached; a refresh repeated within the grace answers the same pair', () => {
  it('when personal answers (home, balance, history, premiums, bindings, invitations, notifications) or errors come back, then Cache-Control: no-store; the public API description may be cached', async () => {
    const { A } = await boundPair();
    const personal = ['/api/home', '/api/bindings', '/api/premiums', '/api/history/deductions', '/api/history/payments', '/api/history/monthly', '/api/invitations?box=sent', '/api/notifications', '/api/face/status', '/api/claims', '/api/commitment'];
    for (const path of personal) {
      const res = await A.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
    const unauthenticated = await h.http.get('/api/home');
    expect([unauthenticated.status, unauthenticated.headers['cache-control']]).toEqual([401, 'no-store']);
    const refreshed = await h.http.post('/api/auth/refresh').send({ refreshToken: A.refreshToken });
    expect(refreshed.headers['cache-control']).toBe('no-store');
    expect(code(await h.http.get('/api/no-such-thing'))).toBe('NOT_FOUND');
    expect((await h.http.get('/api/no-such-thing')).headers['cache-control']).toBe('no-store');
    expect((await h.http.get('/api/openapi.json')).headers['cache-control']).not.toBe('no-store');
    expect((await h.http.get('/api/docs/assets/swagger-ui.css')).headers['cache-control']).toContain('max-age');
  });

  it('when the same refresh token is sent twice at once (a double submit), then both answers carry the same new refresh token and the session lives on', async () => {
    const p = await h.newPerson();
    const client = await h.login(p.openid);
    const [one, two] = await Promise.all([
      h.http.post('/api/auth/refresh').send({ refreshToken: client.refreshToken }),
      h.http.post('/api/auth/refresh').send({ refreshToken: client.refreshToken }),
    ]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(two.body.refreshToken).toBe(one.body.refreshToken);
    expect((await h.http.get('/api/home').set({ authorization: `Bearer ${one.body.accessToken as string}` })).status).toBe(200);
    expect((await h.http.get('/api/home').set({ authorization: `Bearer ${two.body.accessToken as string}` })).status).toBe(200);
    // A retry after a lost answer, still within the grace: the same pair again.
    h.advance(REFRESH_GRACE_MS - 1_000);
    const retry = await h.http.post('/api/auth/refresh').send({ refreshToken: client.refreshToken });
    expect([retry.status, retry.body.refreshToken]).toEqual([200, one.body.refreshToken]);
    // The new token rotates as usual.
    const next = await h.http.post('/api/auth/refresh').send({ refreshToken: one.body.refreshToken as string });
    expect(next.status).toBe(200);
    expect(next.body.refreshToken).not.toBe(one.body.refreshToken);
  });

  it('when a rotated refresh token comes back after the grace, or one two rotations old comes back at once, then the session is revoked (theft)', async () => {
    const p = await h.newPerson();
    const late = await h.login(p.openid);
    const first = await h.http.post('/api/auth/refresh').send({ refreshToken: late.refreshToken });
    h.advance(REFRESH_GRACE_MS + 1);
    expect(code(await h.http.post('/api/auth/refresh').send({ refreshToken: late.refreshToken }))).toBe('SESSION_REVOKED');
    expect(code(await h.http.get('/api/home').set({ authorization: `Bearer ${first.body.accessToken as string}` }))).toBe('SESSION_REVOKED');

    const old = await h.login(p.openid);
    const r1 = await h.http.post('/api/auth/refresh').send({ refreshToken: old.refreshToken });
    const r2 = await h.http.post('/api/auth/refresh').send({ refreshToken: r1.body.refreshToken as string });
    expect(r2.status).toBe(200);
    expect(code(await h.http.post('/api/auth/refresh').send({ refreshToken: old.refreshToken }))).toBe('SESSION_REVOKED');
    expect(code(await h.http.post('/api/auth/refresh').send({ refreshToken: r2.body.refreshToken as string }))).toBe('SESSION_REVOKED');
  });
});

describe('issue 9 item 3: demo mode is an explicit opt-in, refused in production', () => {
  it('when the BFF starts with an empty environment, then demo is off and there is no demo route: /api/demo/people and /api/demo/wx-code answer 404', async () => {
    const config = readBffConfig({});
    expect(config.demo).toBe(false);
    const { deps, redis } = wireDeps(config, pino({ level: 'silent' }));
    try {
      const http = request(createApp(deps).callback());
      const people = await http.get('/api/demo/people');
      expect([people.status, code(people)]).toEqual([404, 'NOT_FOUND']);
      expect(JSON.stringify(people.body)).not.toMatch(/\d{17}[\dX]/);
      const wx = await http.post('/api/demo/wx-code').send({ openid: 'o_demo_zhaxi' });
      expect([wx.status, code(wx)]).toEqual([404, 'NOT_FOUND']);
    } finally {
      redis.disconnect();
    }
  });

  it('when demo is off, then the page cannot choose the face outcome: a stranger who knows a name and ID number gets no ticket and cannot activate that e-credential (R1, R6)', async () => {
    const victim = await h.newPerson({ eCredentialActive: false, openid: undefined });
    const bff = await extraBff({});
    try {
      const http = request(bff.url);
      const stranger = `o_stranger_${process.pid}`;
      const login = await http.post('/api/auth/login').send({ code: await h.wxCode(stranger) });
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      const auth = { authorization: `Bearer ${login.body.accessToken as string}` };
      expect((await http.get('/api/home').set(auth)).body.demo).toBe(false);
      const started = await http.post('/api/face/sessions').set(auth).send({ purpose: 'activate', name: victim.name, idNumber: victim.idNumber });
      expect(started.status).toBe(201);
      expect(started.body.demo).toBe(false);
      const done = await http.post(`/api/face/sessions/${started.body.sessionId as string}/complete`).set(auth).send({ outcome: 'pass' });
      expect(done.status).not.toBe(200);
      expect(done.body.ticket).toBeUndefined();
      const activated = await http.post('/api/ecredential/activate').set(auth).send({ name: victim.name, idNumber: victim.idNumber });
      expect(code(activated)).toBe('FACE_VERIFICATION_REQUIRED');
      const person = await h.platformCall('person', { params: { psnNo: await h.psn(victim.idNumber) } });
      expect(person.body.eCredential.active).toBe(false);
    } finally {
      await bff.close();
    }
  });

  it('when NODE_ENV is production, then the BFF and the mocks refuse demo on and every development default key; proper keys start', () => {
    const keys = { PLATFORM_KEY: 'p'.repeat(40), WECHAT_APP_SECRET: 'w'.repeat(32), FACE_KEY: 'f'.repeat(40) };
    const bff = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(48), ...keys };
    expect(readBffConfig(bff).demo).toBe(false);
    expect(() => readBffConfig({ ...bff, DEMO_MODE: 'true' })).toThrow(/DEMO_MODE/);
    expect(() => readBffConfig({ NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(48) })).toThrow();
    for (const [name, value] of Object.entries(DEV_SECRETS)) {
      expect(() => readBffConfig({ ...bff, [name]: value }), name).toThrow(/development default/);
      expect(() => readMocksEnv({ NODE_ENV: 'production', ...keys, [name]: value }), name).toThrow(/development default/);
    }
    expect(readMocksEnv({ NODE_ENV: 'production', ...keys }).DEMO_MODE).toBe(false);
    expect(() => readMocksEnv({ NODE_ENV: 'production', ...keys, DEMO_MODE: 'true' })).toThrow(/DEMO_MODE/);
    expect(() => readMocksEnv({ NODE_ENV: 'production' })).toThrow();
    // Outside production the defaults serve a laptop, still without demo unless asked for.
    expect(readMocksEnv({}).DEMO_MODE).toBe(false);
    expect(readBffConfig({ DEMO_MODE: 'true' }).demo).toBe(true);
  });
});

describe('issue 9 item 2: a BFF crash during a premium payment does not block its Idempotency-Key', () => {
  /** A BFF whose platform calls stop for good at the chosen step: as if its process died there. */
  async function crashingBff(step: 'before-platform' | 'after-platform') {
    const real = platformHttp({ url: h.stack.mocks.platformUrl, key: h.stack.keys.platform });
    let reached!: () => void;
    const stopped = new Promise<void>((resolve) => (reached = resolve));
    let platformAnswer: unknown;
    const never = new Promise<never>(() => undefined);
    const platform = {
      ...real,
      async payPremium(request: Parameters<typeof real.payPremium>[0]) {
        if (step === 'after-platform') platformAnswer = await real.payPremium(request);
        reached();
        return never;
      },
    };
    const bff = await extraBff({ DEMO_MODE: 'false' }, { platform });
    return { bff, stopped, platformAnswer: () => platformAnswer };
  }

  /** A healthy BFF (another process) whose clock can be moved. */
  async function healthyBff() {
    let offset = 0;
    const bff = await extraBff({ DEMO_MODE: 'false' }, { clock: () => Date.now() + offset });
    return { bff, advance: (ms: number) => (offset += ms) };
  }

  async function premiumDeductions(A: Client, bindingId: string) {
    const res = await A.get(`/api/history/deductions?relative=${bindingId}&limit=50`);
    return (res.body.items as Array<{ kind: string; year: number | null; amount: number }>).filter((d) => d.kind === 'premium' && d.year === 2026);
  }

  for (const step of ['before-platform', 'after-platform'] as const) {
    it(`when the BFF dies ${step === 'before-platform' ? 'between "begin" and the platform call' : 'between the platform call and "record done"'}, then a retry with the same key after the lease pays once and returns the receipt; within the lease it is REQUEST_IN_PROGRESS (R17)`, async () => {
      const { A, bindingId } = await boundPair();
      const before = (await A.get('/api/home')).body.person.balance as number;
      const key = `crash-${step}-0001`;
      const body = { bindingId, year: 2026 };
      const crashing = await crashingBff(step);
      const healthy = await healthyBff();
      try {
        const lost = request(crashing.bff.url).post('/api/premiums/payments').set({ authorization: `Bearer ${A.accessToken}`, 'idempotency-key': key }).send(body).then(() => 'answered', () => 'no answer');
        await crashing.stopped;
        await crashing.bff.close();
        expect(await lost).toBe('no answer');

        const pay = () => request(healthy.bff.url).post('/api/premiums/payments').set({ authorization: `Bearer ${A.accessToken}`, 'idempotency-key': key }).send(body);
        const early = await pay();
        expect([early.status, code(early)]).toEqual([409, 'REQUEST_IN_PROGRESS']);
        expect(Number(early.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(early.headers['retry-after'])).toBeLessThanOrEqual(PAYMENT_LEASE_MS / 1000);

        healthy.advance(PAYMENT_LEASE_MS + 1);
        const resumed = await pay();
        expect(resumed.status).toBe(200);
        expect(resumed.body).toMatchObject({ bindingId, year: 2026, amount: 40_000, balanceAfter: before - 40_000 });
        if (step === 'after-platform') {
          const first = crashing.platformAnswer() as { ok: true; value: { paymentId: string; at: number } };
          expect(resumed.body).toMatchObject({ paymentId: first.value.paymentId, at: first.value.at });
        }
        // Replayed from then on, and paid once on the platform.
        expect((await pay()).body).toEqual(resumed.body);
        expect((await A.get('/api/home')).body.person.balance).toBe(before - 40_000);
        expect(await premiumDeductions(A, bindingId)).toHaveLength(1);
        expect((await premiumOf(A, bindingId))?.status).toBe('paid');
      } finally {
        await healthy.bff.close();
      }
    });
  }

  it('when the payer asks for a receipt again (another device), then the server answers it; the relative and a stranger get 404 NOT_FOUND', async () => {
    const { A, B, b, bindingId } = await boundPair();
    const paid = await A.post('/api/premiums/payments', { bindingId, year: 2026 }, { 'idempotency-key': 'receipt-key-0001' });
    expect(paid.status).toBe(200);
    const phone2 = await h.login(A.openid);
    const again = await phone2.get(`/api/premiums/receipts/${bindingId}/2026`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(paid.body);
    expect(JSON.stringify(again.body)).not.toContain(b.idNumber);

    const stranger = await h.newPerson({ balance: 500_000 });
    const S = await h.login(stranger.openid);
    for (const [who, client] of [['relative', B], ['stranger', S]] as const) {
      const res = await client.get(`/api/premiums/receipts/${bindingId}/2026`);
      expect([res.status, code(res)], who).toEqual([404, 'NOT_FOUND']);
    }
    // Not paid (another year), or paid by someone else: no receipt either.
    expect(code(await A.get(`/api/premiums/receipts/${bindingId}/2027`))).toBe('NOT_FOUND');
    expect(code(await A.get(`/api/premiums/receipts/${bindingId}/0x7EA`))).toBe('VALIDATION_FAILED');
  });
});
