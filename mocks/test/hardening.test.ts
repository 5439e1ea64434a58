/**
 * Issue 9 (hardening), the platform's side: each item named by its number.
 * Its own redis-server, so that stopping it touches no other test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: false });
});
afterAll(async () => h.close());

describe('issue 9 item 7: the platform fails fast without Redis and echoes only well-formed request ids', () => {
  it('when a caller sends an x-request-id, then only one of 8–64 letters, digits and "-" comes back; anything else is replaced by a fresh id', async () => {
    const echo = async (id: string) => (await fetch(`${h.mocks.platformUrl}/healthz`, { headers: { 'x-request-id': id } })).headers.get('x-request-id');
    expect(await echo('req-0123456789abcdef')).toBe('req-0123456789abcdef');
    for (const bad of ['short', 'x'.repeat(65), '<script>alert(1)</script>', 'a b c d e f g h', 'id;rm -rf /', '../../etc/passwd', 'ü'.repeat(10)]) {
      const answered = await echo(bad);
      expect(answered, bad).not.toBe(bad);
      expect(answered, bad).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('when Redis has been down for a while, then the platform answers 503 SERVICE_UNAVAILABLE in well under a second, and serves again once Redis is back', async () => {
    const person = await h.newPerson();
    expect((await h.api('GET', `/v1/persons/${await h.psn(person.idNumber)}`)).status).toBe(200);
    await h.redis.stop();
    // Long enough for ioredis's reconnect attempts to space out (the old queue waited through three).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const timings: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      const res = await h.api<{ error: { code: string } }>('GET', `/v1/persons/${await h.psn(person.idNumber)}`);
      timings.push(performance.now() - started);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
    }
    console.log(`[issue 9 item 7] platform 503 with Redis down: ${timings.map((t) => t.toFixed(1)).join(', ')} ms`);
    expect(Math.max(...timings)).toBeLessThan(500);

    await h.redis.restart();
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await h.api('GET', `/v1/persons/${await h.psn(person.idNumber)}`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
  }, 30_000);
});
