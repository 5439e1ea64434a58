import { TIBET_2022_LETTER, TIBET_2022, type AdminPerson, type ErrorCode } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPerson } from '../../mocks/src/platform/demo-people';
import { code, startBffHarness, type BffHarness, type Client } from './harness';

/** Every error code SPEC names, produced through the BFF's API as a person would meet it. */
const SPEC_CODES: ErrorCode[] = [
  'SELF_BINDING', 'AUTHORIZER_ECREDENTIAL_INACTIVE', 'BENEFICIARY_ECREDENTIAL_INACTIVE', 'AUTHORIZER_NOT_EMPLOYEE',
  'AUTHORIZER_NOT_IN_REGION', 'AUTHORIZER_ACCOUNT_ABNORMAL', 'BENEFICIARY_NOT_INSURED', 'RELATION_NOT_ALLOWED',
  'REVERSE_BINDING', 'BENEFICIARY_ALREADY_BOUND', 'DUPLICATE_BINDING', 'MINOR_NEEDS_PARENT', 'IDENTITY_MISMATCH',
  'INVITATION_EXPIRED', 'FACE_VERIFICATION_REQUIRED', 'COMMITMENT_REQUIRED', 'INSUFFICIENT_SHARED_BALANCE',
  'PREMIUM_ONLY_FOR_RESIDENT', 'NOT_BOUND', 'IDEMPOTENCY_KEY_REUSED',
];

let h: BffHarness;
const seen = new Set<string>();
beforeAll(async () => {
  h = await startBffHarness();
});
afterAll(async () => {
  await h.close();
});

const employee = (balance = 600000, facts: Partial<AdminPerson> = {}) => h.signedUp({ balance, ...facts });

async function invite(from: Client, to: { idNumber: string; name: string }, relation = 'parent', options: { face?: boolean; commitment?: boolean } = {}) {
  const faceTicket = options.face === false ? undefined : await h.faceTicket(from, { purpose: 'bind', target: to.idNumber });
  const res = await from.post('/api/invitations', {
    name: to.name,
    idNumber: to.idNumber,
    relation,
    faceTicket,
    commitmentVersion: options.commitment === false ? undefined : TIBET_2022_LETTER.version,
  });
  if (code(res)) seen.add(code(res)!);
  return res;
}

async function bound(balance = 600000, relative: Record<string, unknown> = { insurance: 'resident' }) {
  const a = await employee(balance);
  const b = await h.newPerson(relative);
  const B = await h.login(b.openid);
  const invited = await invite(a.client, b);
  const accepted = await B.post(`/api/invitations/${invited.body.invitationId as string}/accept`);
  expect(accepted.status).toBe(200);
  return { a, b, B, bindingId: accepted.body.bindingId as string };
}

const expectCode = (res: { status: number; body: unknown }, wanted: ErrorCode) => {
  seen.add(code(res) ?? '');
  expect(code(res)).toBe(wanted);
};

describe('every SPEC error code is reachable through the API', () => {
  it('when someone invites themselves, then SELF_BINDING', async () => {
    const a = await employee();
    expectCode(await invite(a.client, a, 'spouse'), 'SELF_BINDING');
  });

  it('when a resident, someone insured in Sichuan or a suspended employee invites, then the authorizer codes (R2)', async () => {
    const relative = await h.newPerson({ insurance: 'resident' });
    expectCode(await invite((await employee(0, { insurance: 'resident' })).client, relative), 'AUTHORIZER_NOT_EMPLOYEE');
    expectCode(await invite((await employee(500000, { region: '510107' })).client, relative), 'AUTHORIZER_NOT_IN_REGION');
    expectCode(await invite((await employee(500000, { status: 'suspended' })).client, relative), 'AUTHORIZER_ACCOUNT_ABNORMAL');
  });

  it('when the relative is uninsured, or the name does not match, then BENEFICIARY_NOT_INSURED / IDENTITY_MISMATCH', async () => {
    const a = await employee();
    const limei = demoPerson('limei');
    expectCode(await invite(a.client, limei, 'sibling'), 'BENEFICIARY_NOT_INSURED');
    const b = await h.newPerson();
    expectCode(await invite(a.client, { idNumber: b.idNumber, name: '不对的' }, 'sibling'), 'IDENTITY_MISMATCH');
  });

  it('when the face step or the commitment is skipped, then FACE_VERIFICATION_REQUIRED / COMMITMENT_REQUIRED', async () => {
    const a = await employee();
    const b = await h.newPerson();
    expectCode(await invite(a.client, b, 'sibling', { face: false }), 'FACE_VERIFICATION_REQUIRED');
    expectCode(await invite(a.client, b, 'sibling', { commitment: false }), 'COMMITMENT_REQUIRED');
  });

  it('when a binding exists, then REVERSE_BINDING, BENEFICIARY_ALREADY_BOUND and DUPLICATE_BINDING (R4)', async () => {
    const { a, b } = await bound(600000, { insurance: 'employee', balance: 400000 });
    const B = await h.login(b.openid);
    await B.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version });
    expectCode(await invite(B, a, 'child'), 'REVERSE_BINDING');
    expectCode(await invite((await employee()).client, b, 'sibling'), 'BENEFICIARY_ALREADY_BOUND');
    expectCode(await invite(a.client, b), 'DUPLICATE_BINDING');
  });

  it('when someone not a parent invites a child under 16, then MINOR_NEEDS_PARENT (R18)', async () => {
    const a = await employee();
    expectCode(await invite(a.client, demoPerson('yangjin'), 'sibling'), 'MINOR_NEEDS_PARENT');
  });

  it('when a parent invites their child under 16 whose credential nobody activated, then BENEFICIARY_ECREDENTIAL_INACTIVE (use the guardian flow)', async () => {
    const parent = await employee();
    const child = await h.newPerson({ insurance: 'resident', born: '2017-03-03', eCredentialActive: false, guardians: [parent.idNumber] });
    expectCode(await invite(parent.client, child, 'child'), 'BENEFICIARY_ECREDENTIAL_INACTIVE');
  });

  it('when the inviter’s credential is frozen before the relative accepts, then AUTHORIZER_ECREDENTIAL_INACTIVE (R19: checked again)', async () => {
    const a = await employee();
    const b = await h.newPerson({ insurance: 'resident' });
    const invited = await invite(a.client, b);
    await h.platformCall('adminSetECredential', { params: { psnNo: await h.psn(a.idNumber) }, body: { active: false } });
    const B = await h.login(b.openid);
    expectCode(await B.post(`/api/invitations/${invited.body.invitationId as string}/accept`), 'AUTHORIZER_ECREDENTIAL_INACTIVE');
    expect((await B.get('/api/invitations?box=received')).body.items[0].status).toBe('pending');
  });

  it('when 72 hours pass before the answer, then INVITATION_EXPIRED (R19) and both are told', async () => {
    const a = await employee();
    const b = await h.newPerson({ insurance: 'resident' });
    const invited = await invite(a.client, b);
    h.advance(72 * 3600_000);
    const B = await h.login(b.openid);
    expectCode(await B.post(`/api/invitations/${invited.body.invitationId as string}/accept`), 'INVITATION_EXPIRED');
    h.advance(-72 * 3600_000);
    const aNotices = await a.client.get('/api/notifications');
    expect(aNotices.body.items.map((n: { kind: string }) => n.kind)).toContain('INVITATION_EXPIRED');
  });

  it('when premiums are paid wrongly, then PREMIUM_ONLY_FOR_RESIDENT, INSUFFICIENT_SHARED_BALANCE, IDEMPOTENCY_KEY_REUSED, NOT_BOUND', async () => {
    const employeeRelative = await bound(600000, { insurance: 'employee' });
    expectCode(
      await employeeRelative.a.client.post('/api/premiums/payments', { bindingId: employeeRelative.bindingId, year: 2026 }, { 'idempotency-key': 'err-key-0001' }),
      'PREMIUM_ONLY_FOR_RESIDENT',
    );
    const poor = await bound(310000);
    expectCode(
      await poor.a.client.post('/api/premiums/payments', { bindingId: poor.bindingId, year: 2026 }, { 'idempotency-key': 'err-key-0002' }),
      'INSUFFICIENT_SHARED_BALANCE',
    );
    expectCode(
      await poor.a.client.post('/api/premiums/payments', { bindingId: poor.bindingId, year: 2027 }, { 'idempotency-key': 'err-key-0002' }),
      'IDEMPOTENCY_KEY_REUSED',
    );
    const ended = await bound();
    const ticket = await h.faceTicket(ended.a.client, { purpose: 'unbind', target: ended.bindingId });
    await ended.a.client.post(`/api/bindings/${ended.bindingId}/end`, { faceTicket: ticket });
    expectCode(
      await ended.a.client.post('/api/premiums/payments', { bindingId: ended.bindingId, year: 2026 }, { 'idempotency-key': 'err-key-0003' }),
      'NOT_BOUND',
    );
  });

  it('when every case above has run, then each SPEC code was seen except RELATION_NOT_ALLOWED (next suite)', () => {
    expect(SPEC_CODES.filter((c) => !seen.has(c))).toEqual(['RELATION_NOT_ALLOWED']);
  });
});

describe('a region that narrows the relations (R3)', () => {
  let n: BffHarness;
  beforeAll(async () => {
    n = await startBffHarness({ policy: { ...TIBET_2022, allowedRelations: ['spouse', 'parent', 'child'] } });
  });
  afterAll(async () => n.close());

  it('when a sibling is invited there, then RELATION_NOT_ALLOWED', async () => {
    const a = await n.newPerson({ balance: 500000 });
    const b = await n.newPerson();
    const A = await n.login(a.openid);
    await A.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version });
    const faceTicket = await n.faceTicket(A, { purpose: 'bind', target: b.idNumber });
    const res = await A.post('/api/invitations', { name: b.name, idNumber: b.idNumber, relation: 'sibling', faceTicket, commitmentVersion: TIBET_2022_LETTER.version });
    expect([res.status, code(res)]).toEqual([422, 'RELATION_NOT_ALLOWED']);
  });
});
