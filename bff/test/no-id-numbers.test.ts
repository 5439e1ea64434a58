/**
 * Issue 9 item 5: no key name and no log line carries an ID number or a name. A populated
 * stack (the story: activation, invitation, acceptance, a guardian binding, settlements, a
 * cancellation, premiums, notifications) runs with the BFF's and the stand-ins' logs captured
 * at debug level through the production logger, plus Redis errors injected where the
 * failing command carries an ID number; then every log line and every key of Redis is read.
 */
import { Writable } from 'node:stream';
import { TIBET_2022_LETTER, composeIdNumber, PLATFORM_API } from '@family-share/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/wire';
import { allKeys } from '../../scripts/lib/redis-contents';
import { DEMO_PEOPLE, demoPerson } from '../../mocks/src/platform/demo-people';
import { startBffHarness, type BffHarness } from './harness';

const PHARMACY = 'P54010001';
/** Any 18-character resident ID number: 17 digits and a digit or X, not inside a longer run of digits. */
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/;

const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});

let h: BffHarness;
let redis: Redis;
const people: Array<{ idNumber: string; name: string }> = [];

beforeAll(async () => {
  h = await startBffHarness({ log: createLogger('debug', capture) });
  redis = new Redis(h.stack.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
});
afterAll(async () => {
  redis.disconnect();
  await h.close();
});

/** What must appear nowhere: every ID number and every name of the people involved. */
function secretsOf(list: ReadonlyArray<{ idNumber: string; name: string }>): string[] {
  return list.flatMap((p) => [p.idNumber, p.name]);
}

describe('issue 9 item 5: person numbers in keys and logs, never ID numbers or names', () => {
  it('when the whole story has run and Redis failed under it, then no log line and no key carries an ID number or a name', async () => {
    // A (employee) activates and invites B (resident parent), who activates and accepts.
    const a = await h.newPerson({ balance: 900_000, eCredentialActive: false });
    const b = await h.newPerson({ insurance: 'resident', born: '1958-07-20', eCredentialActive: false });
    people.push(a, b);
    const A = await h.login(a.openid);
    const activation = await h.faceTicket(A, { purpose: 'activate', name: a.name, idNumber: a.idNumber });
    expect((await A.post('/api/ecredential/activate', { name: a.name, idNumber: a.idNumber, faceTicket: activation })).status).toBe(200);
    expect((await A.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version })).status).toBe(200);
    const invited = await h.invite(A, b);
    expect(invited.status).toBe(201);
    // A typo'd relative: an identity check that fails (it is counted, by person number).
    const typo = await A.post('/api/invitations/check', { name: `${b.name}多`, idNumber: b.idNumber, relation: 'parent' });
    expect(typo.status).toBe(422);
    const B = await h.login(b.openid);
    const bTicket = await h.faceTicket(B, { purpose: 'activate', name: b.name, idNumber: b.idNumber });
    expect((await B.post('/api/ecredential/activate', { name: b.name, idNumber: b.idNumber, faceTicket: bTicket })).status).toBe(200);
    const accepted = await B.post(`/api/invitations/${invited.body.invitationId as string}/accept`);
    expect(accepted.status).toBe(200);

    // R18: 扎西 activates and binds his daughter 央金 as guardian.
    const zhaxi = demoPerson('zhaxi');
    const yangjin = demoPerson('yangjin');
    const Z = await h.login(zhaxi.openid);
    const zActivation = await h.faceTicket(Z, { purpose: 'activate', name: zhaxi.name, idNumber: zhaxi.idNumber });
    expect((await Z.post('/api/ecredential/activate', { name: zhaxi.name, idNumber: zhaxi.idNumber, faceTicket: zActivation })).status).toBe(200);
    await Z.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version });
    const minor = await Z.post('/api/family/minors', {
      childName: yangjin.name,
      childIdNumber: yangjin.idNumber,
      faceTicket: await h.faceTicket(Z, { purpose: 'bind', target: yangjin.idNumber }),
      commitmentVersion: TIBET_2022_LETTER.version,
    });
    expect(minor.status).toBe(201);

    // Settlements at the counter (by the ID number read from the card), one cancelled.
    const counter = (name: 'counterSettle' | 'cancelSettlement' | 'reverse', body: object) => h.platform<Record<string, unknown>>('POST', PLATFORM_API[name].path, body);
    expect((await counter('counterSettle', { settlementId: 'LEAK-1', cardHolderIdNumber: b.idNumber, institutionCode: PHARMACY, charge: 12_850 })).status).toBe(200);
    expect((await counter('counterSettle', { settlementId: 'LEAK-2', cardHolderIdNumber: b.idNumber, institutionCode: PHARMACY, charge: 3_000 })).status).toBe(200);
    expect((await counter('cancelSettlement', { cancellationId: 'LEAK-2-C', settlementId: 'LEAK-2', institutionCode: PHARMACY })).status).toBe(200);

    // Premiums: A pays B's 2026 premium; 扎西 pays 央金's.
    const bindingId = accepted.body.bindingId as string;
    expect((await A.post('/api/premiums/payments', { bindingId, year: 2026 }, { 'idempotency-key': 'leak-premium-0001' })).status).toBe(200);
    expect((await Z.post('/api/premiums/payments', { bindingId: minor.body.bindingId, year: 2026 }, { 'idempotency-key': 'leak-premium-0002' })).status).toBe(200);

    // Notifications read on both sides.
    for (const client of [A, B, Z]) {
      const inbox = await client.get('/api/notifications');
      expect(inbox.status).toBe(200);
      expect(inbox.body.items.length).toBeGreaterThan(0);
      expect((await client.post('/api/notifications/read', { upTo: Date.now() })).status).toBe(200);
    }
    await h.stack.mocks.notifier.idle();

    // Redis fails under a command that carries an ID number: the person-number index is
    // briefly not a hash, so creating a person fails on HSETNX plat:psn-index <ID number> ….
    const c = { idNumber: composeIdNumber('540102', '1977-04-05', 913), name: '旺姆' };
    people.push(c);
    await redis.rename('plat:psn-index', 'plat:psn-index:aside');
    await redis.set('plat:psn-index', 'not a hash');
    const failed = await h.platform('POST', '/v1/admin/persons', { ...c, insurance: 'employee', region: '540102' });
    await redis.del('plat:psn-index');
    await redis.rename('plat:psn-index:aside', 'plat:psn-index');
    expect(failed.status).toBe(500);
    // And in the BFF: A's inbox is briefly not a stream, so reading it fails on XREVRANGE.
    const before = lines.length;
    const inbox = `bff:{p:${a.psnNo}}:inbox`;
    await redis.rename(inbox, `${inbox}:aside`);
    await redis.set(inbox, 'not a stream');
    const bffFailed = await A.get('/api/notifications');
    await redis.del(inbox);
    await redis.rename(`${inbox}:aside`, inbox);
    expect(bffFailed.status, JSON.stringify(bffFailed.body)).toBe(500);
    expect(lines.length).toBeGreaterThan(before);

    // The logs: the failures were logged (with their errors), and nothing in any line names anyone.
    const errors = lines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
    expect(errors.length, 'the injected failures were logged').toBeGreaterThanOrEqual(2);
    expect(errors.some((line) => line.includes('WRONGTYPE')), 'the Redis error itself is in the log').toBe(true);
    expect(lines.some((line) => (JSON.parse(line) as { level: number }).level === 20), 'debug lines were captured').toBe(true);
    const everyone = [...people, ...DEMO_PEOPLE];
    const secrets = secretsOf(everyone);
    for (const line of lines) {
      expect(line, 'an ID number in a log line').not.toMatch(ID_NUMBER);
      for (const secret of secrets) expect(line.includes(secret), `"${secret}" in a log line: ${line}`).toBe(false);
    }

    // Every key of Redis, every prefix.
    const keys = await allKeys(redis);
    expect(keys.filter((k) => k.startsWith('plat:{p:P')).length, 'platform keys by person number').toBeGreaterThan(20);
    expect(keys.filter((k) => k.startsWith('bff:{p:P')).length, 'BFF keys by person number').toBeGreaterThan(5);
    for (const key of keys) {
      expect(key, 'an ID number in a key').not.toMatch(ID_NUMBER);
      for (const secret of secrets) expect(key.includes(secret), `"${secret}" in key ${key}`).toBe(false);
    }
    console.log(`issue 9 item 5: ${lines.length} log lines (${errors.length} errors) and ${keys.length} keys read; none names anyone`);
  });
});
