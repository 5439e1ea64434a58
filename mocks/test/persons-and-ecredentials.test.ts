import { composeIdNumber } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, demoPerson, seedDemo } from '../src/platform/demo-people';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

describe('platform: people and e-credentials (R1)', () => {
  it('when the platform starts, then every demo person is in the registry with the facts the README promises', async () => {
    for (const p of DEMO_PEOPLE) {
      const { status, body } = await h.call('person', { params: { psnNo: await h.psn(p.idNumber) } });
      expect(status).toBe(200);
      expect(body).toMatchObject({ name: p.name, insurance: p.insurance, status: p.status, region: p.region });
      expect(body.eCredential.active).toBe(p.eCredentialActive);
    }
    expect((await h.call('person', { params: { psnNo: await h.psn(demoPerson('pingcuo').idNumber) } })).body.balance).toBe(300000);
    const demo = await h.call('demoPeople', {});
    expect(demo.body).toHaveLength(DEMO_PEOPLE.length);
  });

  it('when a person activates with name and ID number, then the credential is active and linked to their WeChat account', async () => {
    const zhuoma = demoPerson('zhuoma');
    const result = await h.call('activate', { body: { name: zhuoma.name, idNumber: zhuoma.idNumber, openid: zhuoma.openid } });
    expect(result.status).toBe(200);
    expect(result.body.eCredential).toMatchObject({ active: true, mode: 'self' });
    expect((await h.api('GET', `/v1/ecredentials/by-openid/${zhuoma.openid}`)).body).toEqual({ psnNo: await h.psn(zhuoma.idNumber) });
    const again = await h.call('activate', { body: { name: zhuoma.name, idNumber: zhuoma.idNumber, openid: zhuoma.openid } });
    expect(again.status).toBe(200);
    const otherPhone = await h.call('activate', { body: { name: zhuoma.name, idNumber: zhuoma.idNumber, openid: 'o_someone_else' } });
    expect([otherPhone.status, errorCode(otherPhone.body)]).toEqual([409, 'ECREDENTIAL_ALREADY_ACTIVE']);
  });

  it('when a WeChat account already holds a credential, then activating another person with it is OPENID_ALREADY_LINKED', async () => {
    const someone = await h.newPerson({ eCredentialActive: false, openid: 'o_shared_phone' });
    const other = await h.newPerson({ eCredentialActive: false });
    expect((await h.call('activate', { body: { name: someone.name, idNumber: someone.idNumber, openid: 'o_shared_phone' } })).status).toBe(200);
    const second = await h.call('activate', { body: { name: other.name, idNumber: other.idNumber, openid: 'o_shared_phone' } });
    expect([second.status, errorCode(second.body)]).toEqual([409, 'OPENID_ALREADY_LINKED']);
    expect((await h.call('person', { params: { psnNo: await h.psn(other.idNumber) } })).body.eCredential.active).toBe(false);
  });

  it('when the name does not match or the number is unknown, then IDENTITY_MISMATCH either way', async () => {
    const zhaxi = demoPerson('zhaxi');
    expect(errorCode((await h.call('verifyIdentity', { body: { name: '扎西多', idNumber: zhaxi.idNumber } })).body)).toBe('IDENTITY_MISMATCH');
    expect(errorCode((await h.call('verifyIdentity', { body: { name: '扎西', idNumber: composeIdNumber('540103', '1966-06-06', 1) } })).body)).toBe('IDENTITY_MISMATCH');
    expect((await h.call('verifyIdentity', { body: { name: '扎西', idNumber: zhaxi.idNumber } })).status).toBe(200);
  });

  it('when an uninsured person activates, then PAYER_NOT_INSURED', async () => {
    const limei = demoPerson('limei');
    expect(errorCode((await h.call('activate', { body: { name: limei.name, idNumber: limei.idNumber, openid: limei.openid } })).body)).toBe('PAYER_NOT_INSURED');
  });

  it('when a path names a person by anything but a known person number, then 400 VALIDATION_FAILED or 404 PERSON_NOT_FOUND', async () => {
    expect(errorCode((await h.api('GET', '/v1/persons/12345')).body)).toBe('VALIDATION_FAILED');
    // Paths name persons by person number only (issue 9 item 5): an ID number there is malformed.
    expect(errorCode((await h.api('GET', `/v1/persons/${demoPerson('zhaxi').idNumber}`)).body)).toBe('VALIDATION_FAILED');
    const unknown = await h.api('GET', '/v1/persons/P0123456789ABCDEF');
    expect([unknown.status, errorCode(unknown.body)]).toEqual([404, 'PERSON_NOT_FOUND']);
    expect(errorCode((await h.api('GET', '/v1/nowhere')).body)).toBe('NOT_FOUND');
  });

  it('when a claim is filed at the window and advanced, then the person can follow 申请—受理—审核—拨付—办结', async () => {
    const someone = await h.newPerson();
    const filed = await h.api('POST', '/v1/admin/claims', { claimId: 'c-1', idNumber: someone.idNumber, institutionName: '拉萨市人民医院', amount: 12345 });
    expect(filed.status).toBe(201);
    await h.api('POST', '/v1/admin/claims/c-1/advance', { idNumber: someone.idNumber });
    const list = await h.api<Array<{ steps: Record<string, number | null> }>>('GET', `/v1/persons/${await h.psn(someone.idNumber)}/claims`);
    expect(list.body[0]?.steps).toMatchObject({ apply: expect.any(Number), accept: expect.any(Number), review: null, pay: null, done: null });
    const demo = await h.api<Array<{ claimId: string; steps: Record<string, number | null> }>>('GET', `/v1/persons/${await h.psn(demoPerson('zhaxi').idNumber)}/claims`);
    expect(demo.body.map((c) => c.claimId).sort()).toEqual(['demo-claim-1', 'demo-claim-2']);
    expect(errorCode((await h.api('POST', '/v1/admin/claims/none/advance', { idNumber: someone.idNumber })).body)).toBe('NOT_FOUND');
  });

  it('when a home page asks for the summary, then person, bindings and the count of newer feed events come in one answer', async () => {
    const laba = demoPerson('laba');
    const summary = await h.api<{ person: { name: string }; bindings: { asAuthorizer: unknown[] }; feedNewer: number }>('GET', `/v1/persons/${await h.psn(laba.idNumber)}/summary?feedSince=0`);
    expect(summary.body.person.name).toBe('拉巴');
    expect(summary.body.bindings.asAuthorizer).toHaveLength(1);
    expect(summary.body.feedNewer).toBe(1); // the demo binding to 边巴
    const later = await h.api<{ feedNewer: number }>('GET', `/v1/persons/${await h.psn(laba.idNumber)}/feed/count?feedSince=${Date.now() + 1000}`);
    expect(later.body.feedNewer).toBe(0);
    expect(errorCode((await h.api('GET', `/v1/persons/${await h.psn(laba.idNumber)}/summary?feedSince=-5`)).body)).toBe('VALIDATION_FAILED');
  });

  it('issue 9 item 5: when people are created and the demo seeded again, then each keeps their person number, and Redis data keyed by ID numbers is refused', async () => {
    const zhaxi = demoPerson('zhaxi');
    const before = await h.psn(zhaxi.idNumber);
    expect(before).toMatch(/^P[0-9A-F]{16}$/);
    expect(await seedDemo(h.mocks.deps, { force: true })).toBe(true);
    expect((await h.api<{ psnNo: string }>('POST', '/v1/persons/lookup', { idNumber: zhaxi.idNumber })).body.psnNo).toBe(before);
    const someone = await h.newPerson();
    const again = await h.api<{ psnNo: string }>('POST', '/v1/admin/persons', { idNumber: someone.idNumber, name: someone.name, insurance: 'employee', region: '540102' });
    expect(again.body.psnNo).toBe(someone.psnNo);
    const unknown = await h.api('POST', '/v1/persons/lookup', { idNumber: composeIdNumber('540103', '1966-06-06', 3) });
    expect([unknown.status, errorCode(unknown.body)]).toEqual([404, 'PERSON_NOT_FOUND']);
    const { store } = h.mocks.deps;
    await store.redis.sadd(store.keys.registry, zhaxi.idNumber);
    try {
      await expect(seedDemo(h.mocks.deps)).rejects.toThrow(/keyed by ID numbers/);
    } finally {
      await store.redis.srem(store.keys.registry, zhaxi.idNumber);
    }
  });

  it('when the health check is asked, then it answers without the service key', async () => {
    const r = await fetch(`${h.mocks.platformUrl}/healthz`);
    expect(await r.json()).toEqual({ status: 'ok', policy: 'tibet-2022' });
  });
});
