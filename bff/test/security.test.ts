import { Writable } from 'node:stream';
import jwt from 'jsonwebtoken';
import pino from 'pino';
import request from 'supertest';
import { TIBET_2022_LETTER } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { REFRESH_GRACE_MS } from '../src/use-cases/refresh-session';
import { createLogger } from '../src/wire';
import { code, startBffHarness, type BffHarness } from './harness';

let h: BffHarness;
beforeAll(async () => {
  h = await startBffHarness();
});
afterAll(async () => h.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('tokens and sessions', () => {
  it('when a token says alg "none", is signed with another key, or is garbage, then 401 UNAUTHENTICATED', async () => {
    const p = await h.newPerson();
    const client = await h.login(p.openid);
    const { sub, sid } = jwt.decode(client.accessToken) as { sub: string; sid: string };
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub, sid, iss: 'family-share-bff' })).toString('base64url')}.`;
    const forged = jwt.sign({ sid }, 'another-secret-that-is-long-enough-0123456789', { algorithm: 'HS256', subject: sub, issuer: 'family-share-bff' });
    for (const token of [none, forged, 'garbage.garbage.garbage']) {
      const res = await h.http.get('/api/home').set(bearer(token));
      expect([res.status, code(res)]).toEqual([401, 'UNAUTHENTICATED']);
    }
    expect(code(await h.http.get('/api/home').set({ authorization: 'Basic abc' }))).toBe('UNAUTHENTICATED');
  });

  it('when an access token has expired, then TOKEN_EXPIRED; the refresh token gives a new pair', async () => {
    const p = await h.newPerson();
    const client = await h.login(p.openid);
    const { sub, sid } = jwt.decode(client.accessToken) as { sub: string; sid: string };
    const expired = jwt.sign({ sid, exp: Math.floor(Date.now() / 1000) - 10 }, h.stack.keys.jwt, { algorithm: 'HS256', subject: sub, issuer: 'family-share-bff' });
    expect(code(await h.http.get('/api/home').set(bearer(expired)))).toBe('TOKEN_EXPIRED');
    const refreshed = await h.http.post('/api/auth/refresh').send({ refreshToken: client.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await h.http.get('/api/home').set(bearer(refreshed.body.accessToken))).status).toBe(200);
  });

  it('when a rotated refresh token is presented again (stolen) after the grace, then the whole session is revoked', async () => {
    const p = await h.newPerson();
    const client = await h.login(p.openid);
    const first = await h.http.post('/api/auth/refresh').send({ refreshToken: client.refreshToken });
    h.advance(REFRESH_GRACE_MS + 1);
    const replay = await h.http.post('/api/auth/refresh').send({ refreshToken: client.refreshToken });
    expect([replay.status, code(replay)]).toEqual([401, 'SESSION_REVOKED']);
    expect(code(await h.http.get('/api/home').set(bearer(first.body.accessToken)))).toBe('SESSION_REVOKED');
    expect(code(await h.http.post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }))).toBe('SESSION_REVOKED');
  });

  it('when someone logs out, then that access token stops working at once', async () => {
    const p = await h.newPerson();
    const client = await h.login(p.openid);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect(code(await client.get('/api/home'))).toBe('SESSION_REVOKED');
  });

  it('when a WeChat code is used twice or is unknown, then WECHAT_CODE_INVALID; when WeChat limits, WECHAT_RATE_LIMITED', async () => {
    const wxCode = await h.wxCode('o_security_1');
    expect((await h.http.post('/api/auth/login').send({ code: wxCode })).status).toBe(200);
    expect(code(await h.http.post('/api/auth/login').send({ code: wxCode }))).toBe('WECHAT_CODE_INVALID');
    expect(code(await h.http.post('/api/auth/login').send({ code: 'unknown' }))).toBe('WECHAT_CODE_INVALID');
    await fetch(`${h.stack.mocks.wechatUrl}/dev/fail-next`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errcode: 45011 }) });
    const limited = await h.http.post('/api/auth/login').send({ code: await h.wxCode('o_security_2') });
    expect([limited.status, code(limited)]).toEqual([429, 'WECHAT_RATE_LIMITED']);
  });
});

describe('limits (at their real values)', () => {
  let l: BffHarness;
  beforeAll(async () => {
    l = await startBffHarness({ rateLimitScale: 1 });
  });
  afterAll(async () => l.close());

  it('when face verification fails 5 times in an hour, then FACE_LOCKED and no new verification can start (R6)', async () => {
    const p = await l.newPerson();
    const client = await l.login(p.openid);
    const outcomes = ['fail', 'spoof', 'timeout', 'fail'];
    for (const outcome of outcomes) {
      const s = await client.post('/api/face/sessions', { purpose: 'activate', name: p.name, idNumber: p.idNumber });
      const res = await client.post(`/api/face/sessions/${s.body.sessionId as string}/complete`, { outcome });
      expect(res.status).toBe(422);
    }
    expect((await client.get('/api/face/status')).body).toMatchObject({ attemptsLeft: 1, lockedUntil: null });
    const s = await client.post('/api/face/sessions', { purpose: 'activate', name: p.name, idNumber: p.idNumber });
    const fifth = await client.post(`/api/face/sessions/${s.body.sessionId as string}/complete`, { outcome: 'fail' });
    expect([fifth.status, code(fifth)]).toEqual([429, 'FACE_LOCKED']);
    const status = await client.get('/api/face/status');
    expect(status.body.attemptsLeft).toBe(0);
    expect(status.body.lockedUntil).toBeGreaterThan(Date.now() + 3500_000);
    expect(code(await client.post('/api/face/sessions', { purpose: 'activate', name: p.name, idNumber: p.idNumber }))).toBe('FACE_LOCKED');
  });

  it('issue 9 item 10: when ten invitation attempts are refused, then the next is still answered on its merits; when ten invitations were made, the eleventh is RATE_LIMITED', async () => {
    const p = await l.newPerson({ balance: 500000 });
    const client = await l.login(p.openid);
    const refused = () => client.post('/api/invitations', { name: '张三', idNumber: p.idNumber, relation: 'spouse' });
    for (let i = 0; i < 12; i += 1) expect(code(await refused())).toBe('COMMITMENT_REQUIRED');
    await client.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version });
    const invite = async () => {
      const relative = await l.newPerson({ insurance: 'resident' });
      const faceTicket = await l.faceTicket(client, { purpose: 'bind', target: relative.idNumber });
      return client.post('/api/invitations', { name: relative.name, idNumber: relative.idNumber, relation: 'parent', faceTicket, commitmentVersion: TIBET_2022_LETTER.version });
    };
    for (let i = 0; i < 10; i += 1) expect((await invite()).status).toBe(201);
    const eleventh = await invite();
    expect([eleventh.status, code(eleventh)]).toEqual([429, 'RATE_LIMITED']);
    expect(eleventh.body.error.retryAfterS).toBeGreaterThan(3000);
  });

  it('issue 9 item 10: when names do not match their ID numbers ten times, then checks pause with IDENTITY_CHECKS_LIMITED and the body says when to try again', async () => {
    const p = await l.newPerson({ balance: 500000 });
    const other = await l.newPerson({ insurance: 'resident' });
    const client = await l.login(p.openid);
    const check = (name: string) => client.post('/api/invitations/check', { name, idNumber: other.idNumber, relation: 'parent' });
    // Refusals other than a mismatch (here: inviting oneself) never count.
    for (let i = 0; i < 12; i += 1) expect(code(await client.post('/api/invitations/check', { name: p.name, idNumber: p.idNumber, relation: 'parent' }))).toBe('SELF_BINDING');
    for (let i = 0; i < 10; i += 1) expect(code(await check('不对的名字'))).toBe('IDENTITY_MISMATCH');
    const paused = await check(other.name);
    expect([paused.status, code(paused)]).toEqual([429, 'IDENTITY_CHECKS_LIMITED']);
    expect(paused.body.error.retryAfterS).toBeGreaterThan(3000);
    expect(Number(paused.headers['retry-after'])).toBe(paused.body.error.retryAfterS);
    await client.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version });
    const invitation = await client.post('/api/invitations', { name: other.name, idNumber: other.idNumber, relation: 'parent', commitmentVersion: TIBET_2022_LETTER.version });
    expect(code(invitation)).toBe('IDENTITY_CHECKS_LIMITED');
  });
  it('when one address logs in more than 30 times a minute, then 429 RATE_LIMITED with Retry-After', async () => {
    let last = await l.http.post('/api/auth/login').send({ code: 'x' });
    for (let i = 0; i < 30 && last.status !== 429; i += 1) last = await l.http.post('/api/auth/login').send({ code: 'x' });
    expect([last.status, code(last)]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });


});

describe('bad input and failures', () => {
  it('when the body is not JSON, too large, or of the wrong types, then 400/413 with a code and the issues, never a stack', async () => {
    const p = await h.newPerson();
    const client = await h.login(p.openid);
    const broken = await h.http.post('/api/auth/login').set('content-type', 'application/json').send('{"code": ');
    expect([broken.status, code(broken)]).toEqual([400, 'VALIDATION_FAILED']);
    const huge = await h.http.post('/api/auth/login').set('content-type', 'application/json').send(JSON.stringify({ code: 'a'.repeat(40_000) }));
    expect([huge.status, code(huge)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const wrong = await client.post('/api/invitations', { name: 123, idNumber: '540102199001011234', relation: 'friend' });
    expect([wrong.status, code(wrong)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(wrong.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['idNumber', 'name', 'relation']);
    for (const res of [broken, huge, wrong]) expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|\.ts:/);
  });

  it('when something unexpected throws, then 500 INTERNAL with a request id, no stack, and the error logged with that id', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(chunk.toString()); done(); } });
    const deps = h.stack.bff.deps;
    const app = createApp({
      ...deps,
      log: pino({ level: 'info' }, sink),
      platform: { ...deps.platform, bindings: () => { throw new Error('boom for 540102198001011234'); } },
    });
    const p = await h.newPerson();
    const client = await h.login(p.openid);
    const res = await request(app.callback()).get('/api/bindings').set(bearer(client.accessToken));
    expect([res.status, code(res)]).toEqual([500, 'INTERNAL']);
    expect(res.body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(res.body)).not.toContain('boom');
    const logged = lines.join('');
    expect(logged).toContain(res.body.error.requestId);
    expect(logged).not.toContain(client.accessToken);
  });

  it('when requests carry ID numbers and tokens, then the request log holds neither (route patterns only)', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(chunk.toString()); done(); } });
    const app = createApp({ ...h.stack.bff.deps, log: pino({ level: 'info' }, sink) });
    const p = await h.newPerson();
    const client = await h.login(p.openid);
    await request(app.callback()).post('/api/face/sessions').set(bearer(client.accessToken)).send({ purpose: 'activate', name: p.name, idNumber: p.idNumber });
    await request(app.callback()).get(`/api/history/deductions?relative=${p.idNumber}`).set(bearer(client.accessToken));
    const logged = lines.join('');
    expect(logged).toContain('/api/face/sessions');
    expect(logged).not.toContain(p.idNumber);
    expect(logged).not.toContain(p.name);
    expect(logged).not.toContain(client.accessToken);
  });

  it('when the production logger writes the access line without its redaction walk, then the line has only its fixed fields, no ID number, name or token, and error logs are still redacted', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(chunk.toString()); done(); } });
    const log = createLogger('info', sink);
    const app = createApp({ ...h.stack.bff.deps, log });
    const p = await h.newPerson();
    const client = await h.login(p.openid);
    await request(app.callback()).post('/api/face/sessions').set(bearer(client.accessToken)).send({ purpose: 'activate', name: p.name, idNumber: p.idNumber });
    await request(app.callback()).get(`/api/history/deductions?relative=${p.idNumber}`).set(bearer(client.accessToken));
    const access = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(access.length).toBeGreaterThanOrEqual(2);
    for (const line of access) {
      expect(Object.keys(line).sort()).toEqual(['hostname', 'level', 'method', 'ms', 'msg', 'pid', 'requestId', 'route', 'status', 'time']);
    }
    const logged = lines.join('');
    for (const secret of [p.idNumber, p.name, client.accessToken, p.openid]) expect(logged).not.toContain(secret);
    // The error logs keep the redaction: an object with personal data that slips in is censored.
    log.error({ person: { idNumber: p.idNumber, name: p.name }, req: { headers: { authorization: `Bearer ${client.accessToken}` } } }, 'failed');
    const error = lines.at(-1) ?? '';
    expect(error).toContain('[redacted]');
    for (const secret of [p.idNumber, p.name, client.accessToken]) expect(error).not.toContain(secret);
  });
});

describe('browser-facing headers', () => {
  it('when the h5 origin asks, then CORS allows it; any other origin gets no CORS grant', async () => {
    const allowed = await h.http.options('/api/home').set({ origin: 'http://127.0.0.1:10086', 'access-control-request-method': 'GET' });
    expect(allowed.headers['access-control-allow-origin']).toBe('http://127.0.0.1:10086');
    const other = await h.http.options('/api/home').set({ origin: 'https://evil.example', 'access-control-request-method': 'GET' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when any answer is sent, then it carries the security headers and a request id', async () => {
    const res = await h.http.get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
