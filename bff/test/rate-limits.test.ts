import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, startBffHarness, type BffHarness } from './harness';

/**
 * The limits the registry declares on endpoints (shared BFF_RATE_LIMITS, `rateLimit`) and the
 * BFF applies before the use case (bff/src/http/rate-limit.ts). The numbers are written out
 * here, not read from the registry, so that a changed or dropped declaration fails a test.
 * Log-in, invitations, identity checks and the payment estimate are proven in security and
 * refunds-and-estimate.
 */
describe('rate limits declared in the registry', () => {
  let h: BffHarness;
  beforeAll(async () => {
    h = await startBffHarness({ rateLimitScale: 1 });
  });
  afterAll(async () => h?.close());

  const expectLimited = (res: Response, windowS: number) => {
    expect([res.status, code(res)]).toEqual([429, 'RATE_LIMITED']);
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(windowS);
    expect(res.body.error.retryAfterS).toBe(retryAfter);
  };

  it('when one address refreshes more than 60 times a minute, then the 61st is 429 RATE_LIMITED with Retry-After, before the token is even looked at', async () => {
    const refresh = () => h.http.post('/api/auth/refresh').send({ refreshToken: 'not-a-real-refresh-token-at-all' });
    for (let i = 0; i < 60; i += 1) expect(code(await refresh())).toBe('SESSION_REVOKED');
    expectLimited(await refresh(), 60);
  });

  it('when one address asks for more than 60 demo login codes a minute, then the 61st is 429 RATE_LIMITED', async () => {
    const demoCode = () => h.http.post('/api/demo/wx-code').send({ openid: 'o_demo_zhaxi' });
    for (let i = 0; i < 60; i += 1) expect((await demoCode()).status).toBe(200);
    expectLimited(await demoCode(), 60);
  });

  it('when one WeChat account starts more than 20 face verifications in ten minutes, then the 21st is 429 RATE_LIMITED, and another account is not limited', async () => {
    const p = await h.newPerson();
    const other = await h.newPerson();
    const client = await h.login(p.openid);
    const start = () => client.post('/api/face/sessions', { purpose: 'activate', name: p.name, idNumber: p.idNumber });
    for (let i = 0; i < 20; i += 1) expect((await start()).status).toBe(201);
    expectLimited(await start(), 600);
    const otherClient = await h.login(other.openid);
    expect((await otherClient.post('/api/face/sessions', { purpose: 'activate', name: other.name, idNumber: other.idNumber })).status).toBe(201);
  });

  it('when a request is malformed, then it is refused before the limit counts it', async () => {
    const p = await h.newPerson();
    const client = await h.login(p.openid);
    for (let i = 0; i < 25; i += 1) expect(code(await client.post('/api/face/sessions', { purpose: 'nonsense' }))).toBe('VALIDATION_FAILED');
    expect((await client.post('/api/face/sessions', { purpose: 'activate', name: p.name, idNumber: p.idNumber })).status).toBe(201);
  });
});
