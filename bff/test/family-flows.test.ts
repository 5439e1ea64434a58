import { TIBET_2022_LETTER, NGARI_2025 } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPerson } from '../../mocks/src/platform/demo-people';
import { code, startBffHarness, type BffHarness } from './harness';

let h: BffHarness;
beforeAll(async () => {
  h = await startBffHarness({ policy: NGARI_2025 });
});
afterAll(async () => h.close());

const authorizer = (balance = 600000) => h.signedUp({ balance });

describe('R14 several authorizers and R11 the account choice (Ngari 2025)', () => {
  it('when two relatives share with an employee, then she orders them, and the counter follows her order and her choice', async () => {
    const first = await authorizer(500000);
    const second = await authorizer(500000);
    const b = await h.newPerson({ balance: 100000 });
    const B = await h.login(b.openid);
    for (const a of [first, second]) {
      const invited = await h.invite(a.client, b, 'sibling');
      expect((await B.post(`/api/invitations/${invited.body.invitationId as string}/accept`)).status).toBe(200);
    }
    const listed = await B.get('/api/bindings');
    expect(listed.body.policy.maxAuthorizersPerBeneficiary).toBe(5);
    const [one, two] = listed.body.asBeneficiary as Array<{ bindingId: string; rank: number }>;
    expect([one!.rank, two!.rank]).toEqual([1, 2]);

    const reordered = await B.put('/api/preferences', { authorizerOrder: [two!.bindingId, one!.bindingId], accountChoice: 'authorizer' });
    expect(reordered.body).toEqual({ accountChoice: 'authorizer', authorizerOrder: [two!.bindingId, one!.bindingId] });
    expect((await B.get('/api/bindings')).body.asBeneficiary[0]).toMatchObject({ bindingId: two!.bindingId, rank: 1 });
    expect(code(await B.put('/api/preferences', { authorizerOrder: [one!.bindingId] }))).toBe('ORDER_MISMATCH');

    // Both could cover 50 yuan and she chose the authorizer: the one she put first pays.
    const pos = await h.platformCall('settle', {
      body: {
        settlementId: 'R14-1',
        cardHolderPsnNo: await h.psn(b.idNumber),
        charge: 5000,
        institution: { code: 'H54010002', name: '拉萨市人民医院', kind: 'hospital' },
      },
    });
    expect(pos.body).toMatchObject({ own: 0, shared: [{ authorizerId: await h.psn(second.idNumber), amount: 5000 }] });
    expect((await B.get('/api/home')).body.person.accountChoice).toBe('authorizer');
  });
});

describe('R18 a parent binds a child under 16', () => {
  it('when 扎西 activates 央金 as guardian with a face check, then she is bound at once without acceptance', async () => {
    const zhaxi = demoPerson('zhaxi');
    const yangjin = demoPerson('yangjin');
    const Z = await h.login(zhaxi.openid);
    const activation = await h.faceTicket(Z, { purpose: 'activate', name: zhaxi.name, idNumber: zhaxi.idNumber });
    expect((await Z.post('/api/ecredential/activate', { name: zhaxi.name, idNumber: zhaxi.idNumber, faceTicket: activation })).status).toBe(200);
    await Z.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version });
    expect(code(await Z.post('/api/family/minors', { childName: yangjin.name, childIdNumber: yangjin.idNumber, commitmentVersion: TIBET_2022_LETTER.version }))).toBe(
      'FACE_VERIFICATION_REQUIRED',
    );
    const faceTicket = await h.faceTicket(Z, { purpose: 'bind', target: yangjin.idNumber });
    const bound = await Z.post('/api/family/minors', { childName: yangjin.name, childIdNumber: yangjin.idNumber, faceTicket, commitmentVersion: TIBET_2022_LETTER.version });
    expect(bound.status).toBe(201);
    expect(bound.body).toMatchObject({ role: 'authorizer', relation: 'child', status: 'active', needsAcceptance: false, counterpartInsurance: 'resident' });
    const premiums = await Z.get('/api/premiums?year=2026');
    expect(premiums.body.items.find((i: { bindingId: string }) => i.bindingId === bound.body.bindingId)).toMatchObject({ amountDue: 40000, status: 'unpaid' });
  });

  it('when someone else tries the guardian flow, then MINOR_NEEDS_PARENT; for an adult, NOT_A_MINOR', async () => {
    const stranger = await authorizer();
    const child = await h.newPerson({ insurance: 'resident', born: '2019-01-01', eCredentialActive: false, guardians: [] });
    let faceTicket = await h.faceTicket(stranger.client, { purpose: 'bind', target: child.idNumber });
    expect(code(await stranger.client.post('/api/family/minors', { childName: child.name, childIdNumber: child.idNumber, faceTicket, commitmentVersion: TIBET_2022_LETTER.version }))).toBe('MINOR_NEEDS_PARENT');
    const adult = await h.newPerson({ insurance: 'resident', born: '1999-01-01', eCredentialActive: false });
    faceTicket = await h.faceTicket(stranger.client, { purpose: 'bind', target: adult.idNumber });
    expect(code(await stranger.client.post('/api/family/minors', { childName: adult.name, childIdNumber: adult.idNumber, faceTicket, commitmentVersion: TIBET_2022_LETTER.version }))).toBe('NOT_A_MINOR');
  });
});

describe('invitations answered no, and the inbox (R20)', () => {
  it('when the relative rejects, then the inviter is told; when the inviter cancels, the relative is told; neither can be answered again', async () => {
    const a = await authorizer();
    const b = await h.newPerson({ insurance: 'resident' });
    const c = await h.newPerson({ insurance: 'resident' });
    const B = await h.login(b.openid);
    const C = await h.login(c.openid);
    const toB = await h.invite(a.client, b);
    const toC = await h.invite(a.client, c);
    expect(code(await h.invite(a.client, b))).toBe('INVITATION_ALREADY_PENDING');
    const rejected = await B.post(`/api/invitations/${toB.body.invitationId as string}/reject`);
    expect(rejected.body).toMatchObject({ status: 'rejected', box: 'received' });
    expect(code(await B.post(`/api/invitations/${toB.body.invitationId as string}/accept`))).toBe('INVITATION_NOT_PENDING');
    const cancelled = await a.client.post(`/api/invitations/${toC.body.invitationId as string}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', box: 'sent' });
    expect(code(await C.post(`/api/invitations/${toC.body.invitationId as string}/accept`))).toBe('INVITATION_NOT_PENDING');
    const aInbox = await a.client.get('/api/notifications');
    expect(aInbox.body.items.map((n: { kind: string }) => n.kind)).toContain('INVITATION_REJECTED');
    const cInbox = await C.get('/api/notifications');
    expect(cInbox.body.items.map((n: { kind: string }) => n.kind)).toEqual(['INVITATION_CANCELLED', 'INVITATION_RECEIVED']);
    expect(JSON.stringify(cInbox.body)).not.toContain(a.name);
    // after a rejection, a new invitation to the same person may be sent
    expect((await h.invite(a.client, b)).status).toBe(201);
  });

  it('when the inbox pages through both sources, then nothing is skipped or repeated, and reading clears the badge', async () => {
    const a = await authorizer(5_000_000);
    const b = await h.newPerson({ insurance: 'resident' });
    const B = await h.login(b.openid);
    const invited = await h.invite(a.client, b);
    await B.post(`/api/invitations/${invited.body.invitationId as string}/accept`);
    for (let i = 0; i < 7; i += 1) {
      await h.platformCall('settle', {
        body: {
          settlementId: `INBOX-${i}`,
          cardHolderPsnNo: await h.psn(b.idNumber),
          charge: 100 + i,
          institution: { code: 'P54010001', name: '拉萨城关区康源药店', kind: 'pharmacy' },
        },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string; at: number }>; nextCursor: string | null } } = await a.client.get(
        `/api/notifications?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    // 7 deductions, the binding, the acceptance, and nothing else
    expect(seen.length).toBe(9);
    const before = await a.client.get('/api/home');
    expect(before.body.unreadNotifications).toBe(9);
    const read = await a.client.post('/api/notifications/read', { upTo: Date.now() });
    expect(read.body.unread).toBe(0);
    expect((await a.client.get('/api/home')).body.unreadNotifications).toBe(0);
    const listed = await a.client.get('/api/notifications');
    expect(listed.body.items.every((n: { read: boolean }) => n.read)).toBe(true);
    expect(listed.body.items.find((n: { kind: string }) => n.kind === 'DEDUCTION').data).toMatchObject({ amount: expect.any(Number), beneficiaryName: expect.stringContaining('*') });
  });
});

describe('manual reimbursement claims', () => {
  it('when 扎西 looks at his claims, then he sees the steps with dates, the 30-working-day deadline and the materials', async () => {
    const Z = await h.login(demoPerson('zhaxi').openid); // activated in the guardian test above
    const claims = await Z.get('/api/claims');
    expect(claims.body.materials).toHaveLength(4);
    expect(claims.body.notes).toHaveLength(2);
    const done = claims.body.items.find((c: { claimId: string }) => c.claimId === 'demo-claim-1');
    const open = claims.body.items.find((c: { claimId: string }) => c.claimId === 'demo-claim-2');
    expect(done).toMatchObject({ currentStep: 'done', overdue: false });
    expect(open).toMatchObject({ currentStep: 'review', overdue: false, deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(open.steps.map((s: { key: string; at: number | null }) => [s.key, s.at !== null])).toEqual([
      ['apply', true],
      ['accept', true],
      ['review', true],
      ['pay', false],
      ['done', false],
    ]);
  });
});
