/**
 * Issue 9 (hardening): each item named by its number. Real Redis, real HTTP on loopback.
 */
import { COMMITMENT_VERSION } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  await A.post('/api/commitment/accept', { version: COMMITMENT_VERSION });
  const faceTicket = await h.faceTicket(A, { purpose: 'bind', target: b.idNumber });
  const invited = await A.post('/api/invitations', { name: b.name, idNumber: b.idNumber, relation: 'parent', faceTicket, commitmentVersion: COMMITMENT_VERSION });
  expect(invited.status).toBe(201);
  const accepted = await B.post(`/api/invitations/${invited.body.invitationId as string}/accept`);
  expect(accepted.status).toBe(200);
  return { a, b, A, B, bindingId: accepted.body.bindingId as string };
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
    for (const path of [`/v1/persons/${b.idNumber}/premiums/0x7EA`, `/v1/persons/${b.idNumber}/premiums/2.026e3`, `/v1/persons/${b.idNumber}/summary?feedSince=1e3`, `/v1/persons/${b.idNumber}/feed?limit=0x10`]) {
      const res = await h.platform<{ error: { code: string } }>('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await h.platform('GET', `/v1/persons/${b.idNumber}/premiums/2026`)).status).toBe(200);
  });
});
