/**
 * R9, issue 13 item 8: the commitment letter is the policy's. Under the test-only region the
 * BFF shows that region's letter and records an acceptance of it by letter and version; an
 * acceptance of Tibet's letter (also one recorded before letters had ids) does not count for
 * another region's letter, even when that letter reuses Tibet's version string.
 */
import { commitmentReserveNote, TIBET_2022, TIBET_2022_LETTER, type Policy } from '@family-share/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REGION } from '../../shared/test/policies/test-region';
import { BffKeys } from '../src/adapters/redis/keys';
import { code, startBffHarness, type BffHarness } from './harness';

/** Another region's letter under Tibet's version string: only the letter id tells them apart. */
const SAME_VERSION: Policy = Object.freeze({
  ...TEST_REGION,
  name: 'test-region-same-version',
  commitment: { ...TEST_REGION.commitment, version: TIBET_2022_LETTER.version },
});

const keys = new BffKeys('bff:');

/** A stack under the policy for the enclosing describe, and a Redis connection to look at its records. */
function runningUnder(policy: Policy): { h: BffHarness; redis: Redis } {
  const run = {} as { h: BffHarness; redis: Redis };
  beforeAll(async () => {
    run.h = await startBffHarness({ policy });
    run.redis = new Redis(run.h.stack.redisUrl);
  });
  afterAll(async () => {
    run.redis.disconnect();
    await run.h.close();
  });
  return run;
}

/** An authorizer in the policy's region and a parent of theirs, both logged in. */
async function pair(h: BffHarness, policy: Policy) {
  const region = `${policy.regionPrefix}0102`;
  const a = await h.newPerson({ region, balance: 500000 });
  const b = await h.newPerson({ region, born: '1950-03-04' });
  return { a, b, A: await h.login(a.openid) };
}

describe('R9 under the test-only region: its own letter', () => {
  const run = runningUnder(TEST_REGION);

  it('when the letter is asked for, then it is the region\'s letter with the reserve note of its floor, not yet accepted', async () => {
    const { A } = await pair(run.h, TEST_REGION);
    const res = await A.get('/api/commitment');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      version: TEST_REGION.commitment.version,
      title: TEST_REGION.commitment.title,
      paragraphs: [...TEST_REGION.commitment.paragraphs],
      reserveNote: commitmentReserveNote(TEST_REGION),
      acceptedAt: null,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/西藏|3000元/);
  });

  it('when Tibet\'s version is accepted or sent with an invitation, then COMMITMENT_REQUIRED and nothing is recorded', async () => {
    const { a, b, A } = await pair(run.h, TEST_REGION);
    expect(code(await A.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version }))).toBe('COMMITMENT_REQUIRED');
    expect(await run.redis.exists(keys.person(a.psnNo).commitment)).toBe(0);
    expect(code(await A.post('/api/invitations', { name: b.name, idNumber: b.idNumber, relation: 'parent', commitmentVersion: TIBET_2022_LETTER.version }))).toBe('COMMITMENT_REQUIRED');
  });

  it('when its version is accepted, then the record names this letter and version, the letter shows it accepted, and an invitation is sent', async () => {
    const { a, b, A } = await pair(run.h, TEST_REGION);
    const accepted = await A.post('/api/commitment/accept', { version: TEST_REGION.commitment.version });
    expect(accepted.status).toBe(200);
    expect(await run.redis.hgetall(keys.person(a.psnNo).commitment)).toEqual({
      letter: TEST_REGION.commitment.id,
      version: TEST_REGION.commitment.version,
      acceptedAt: String(accepted.body.acceptedAt),
    });
    expect((await A.get('/api/commitment')).body.acceptedAt).toBe(accepted.body.acceptedAt);
    const faceTicket = await run.h.faceTicket(A, { purpose: 'bind', target: b.idNumber });
    const invited = await A.post('/api/invitations', { name: b.name, idNumber: b.idNumber, relation: 'parent', faceTicket, commitmentVersion: TEST_REGION.commitment.version });
    expect(invited.status).toBe(201);
  });
});

describe('R9 an acceptance names its letter: the same version string of another letter is not accepted', () => {
  const run = runningUnder(SAME_VERSION);

  it.each([
    ['Tibet\'s letter, as recorded now', { letter: TIBET_2022_LETTER.id }],
    ['Tibet\'s letter, recorded before letters had ids (version only)', {}],
  ])('when the person accepted %s, then this letter is not accepted and an invitation is refused until they accept it', async (_, letterField) => {
    const { a, b, A } = await pair(run.h, SAME_VERSION);
    await run.redis.hset(keys.person(a.psnNo).commitment, { ...letterField, version: TIBET_2022_LETTER.version, acceptedAt: String(Date.now()) });
    expect((await A.get('/api/commitment')).body).toMatchObject({ version: TIBET_2022_LETTER.version, title: TEST_REGION.commitment.title, acceptedAt: null });
    const invite = { name: b.name, idNumber: b.idNumber, relation: 'parent', commitmentVersion: TIBET_2022_LETTER.version };
    expect(code(await A.post('/api/invitations', invite))).toBe('COMMITMENT_REQUIRED');

    expect((await A.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version })).status).toBe(200);
    expect(await run.redis.hget(keys.person(a.psnNo).commitment, 'letter')).toBe(TEST_REGION.commitment.id);
    const faceTicket = await run.h.faceTicket(A, { purpose: 'bind', target: b.idNumber });
    expect((await A.post('/api/invitations', { ...invite, faceTicket })).status).toBe(201);
  });
});

describe('R9 acceptances recorded before letters had ids stay valid under Tibet', () => {
  const run = runningUnder(TIBET_2022);

  it('when a record holds only version and acceptedAt, then it is read as Tibet\'s letter, accepted, without rewriting the key', async () => {
    const { a, b, A } = await pair(run.h, TIBET_2022);
    const at = Date.now() - 86_400_000;
    const legacy = { version: TIBET_2022_LETTER.version, acceptedAt: String(at) };
    await run.redis.hset(keys.person(a.psnNo).commitment, legacy);
    expect((await A.get('/api/commitment')).body).toMatchObject({ version: TIBET_2022_LETTER.version, title: TIBET_2022_LETTER.title, acceptedAt: at });
    const faceTicket = await run.h.faceTicket(A, { purpose: 'bind', target: b.idNumber });
    const invited = await A.post('/api/invitations', { name: b.name, idNumber: b.idNumber, relation: 'parent', faceTicket, commitmentVersion: TIBET_2022_LETTER.version });
    expect(invited.status).toBe(201);
    expect(await run.redis.hgetall(keys.person(a.psnNo).commitment)).toEqual(legacy);
  });
});
