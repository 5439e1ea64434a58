import { TIBET_2022_LETTER } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INSTITUTIONS } from '../../mocks/src/platform/institutions';
import { code, startBffHarness, type BffHarness, type Client } from './harness';

let h: BffHarness;
beforeAll(async () => {
  h = await startBffHarness();
});
afterAll(async () => h.close());

/**
 * SPEC "The people and what they do", end to end through the BFF over HTTP, with a real Redis
 * and the real mock servers: A activates and binds parent B, B activates and accepts, C is
 * refused (R4), B pays at a pharmacy, both histories show it, A pays B's premium, A ends it.
 */
describe('the whole story', () => {
  let a: { idNumber: string; name: string; openid: string };
  let b: { idNumber: string; name: string; openid: string };
  let A: Client;
  let B: Client;
  let bindingId: string;

  it('when A logs in before activating, then home has no person and personal endpoints ask for activation (R1)', async () => {
    a = await h.newPerson({ balance: 800000, eCredentialActive: false });
    A = await h.login(a.openid);
    const home = await A.get('/api/home');
    expect(home.status).toBe(200);
    expect(home.body.person).toBeNull();
    expect(code(await A.get('/api/bindings'))).toBe('ECREDENTIAL_REQUIRED');
  });

  it('when A passes a face verification and activates, then home shows the balance and what family may use (R13)', async () => {
    const ticket = await h.faceTicket(A, { purpose: 'activate', name: a.name, idNumber: a.idNumber });
    const activated = await A.post('/api/ecredential/activate', { name: a.name, idNumber: a.idNumber, faceTicket: ticket });
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ name: a.name, balance: 800000, usableForFamily: 500000, eCredential: { active: true } });
    const reused = await A.post('/api/ecredential/activate', { name: a.name, idNumber: a.idNumber, faceTicket: ticket });
    expect(code(reused)).toBe('FACE_TICKET_INVALID');
    const home = await A.get('/api/home');
    expect(home.body.person).toMatchObject({ balance: 800000, maskedIdNumber: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/) });
  });

  it('when A accepts the commitment (R9), passes a face check for B (R6) and invites B, then B is told (R20)', async () => {
    b = await h.newPerson({ insurance: 'resident', born: '1958-07-20', eCredentialActive: false });
    const letter = await A.get('/api/commitment');
    expect(letter.body.paragraphs.join('')).toContain('3000元');
    expect(letter.body.acceptedAt).toBeNull();
    expect((await A.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version })).status).toBe(200);
    const faceTicket = await h.faceTicket(A, { purpose: 'bind', target: b.idNumber });
    const invited = await A.post('/api/invitations', { name: b.name, idNumber: b.idNumber, relation: 'parent', faceTicket, commitmentVersion: TIBET_2022_LETTER.version });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ box: 'sent', status: 'pending', relation: 'parent' });
    expect(invited.body.counterpart.maskedName).not.toBe(b.name);
    expect(invited.body.expiresAt - invited.body.createdAt).toBe(72 * 3600_000);
  });

  it('when B logs in on her own phone and activates, then she sees the invitation and accepts: the binding is active at once (R7)', async () => {
    B = await h.login(b.openid);
    const ticket = await h.faceTicket(B, { purpose: 'activate', name: b.name, idNumber: b.idNumber });
    expect((await B.post('/api/ecredential/activate', { name: b.name, idNumber: b.idNumber, faceTicket: ticket })).status).toBe(200);
    const home = await B.get('/api/home');
    expect(home.body.pendingInvitations).toBe(1);
    expect(home.body.unreadNotifications).toBeGreaterThan(0);
    const received = await B.get('/api/invitations?box=received');
    expect(received.body.items).toHaveLength(1);
    const accepted = await B.post(`/api/invitations/${received.body.items[0].invitationId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ role: 'beneficiary', status: 'active', relation: 'parent', rank: 1 });
    bindingId = accepted.body.bindingId;
    const again = await B.post(`/api/invitations/${received.body.items[0].invitationId}/accept`);
    expect(again.body.bindingId).toBe(bindingId);
    expect((await A.get('/api/home')).body.sharing.asAuthorizer.map((x: { bindingId: string }) => x.bindingId)).toEqual([bindingId]);
    expect((await A.get('/api/invitations?box=sent')).body.items[0].status).toBe('accepted');
  });

  it('when C then invites B, then BENEFICIARY_ALREADY_BOUND (R4), and nothing is sent', async () => {
    const c = await h.newPerson({ balance: 600000 });
    const C = await h.login(c.openid);
    await C.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version });
    const faceTicket = await h.faceTicket(C, { purpose: 'bind', target: b.idNumber });
    const refused = await C.post('/api/invitations', { name: b.name, idNumber: b.idNumber, relation: 'sibling', faceTicket, commitmentVersion: TIBET_2022_LETTER.version });
    expect([refused.status, code(refused)]).toEqual([409, 'BENEFICIARY_ALREADY_BOUND']);
    expect((await C.get('/api/invitations?box=sent')).body.items).toEqual([]);
  });

  it('when B pays 128.50 yuan at a pharmacy (POS), then A’s account pays it (R12) and both histories show it (R16)', async () => {
    const pos = await h.platformCall('settle', {
      body: {
        settlementId: 'STORY-1',
        cardHolderPsnNo: await h.psn(b.idNumber),
        charge: 12850,
        institution: DEMO_INSTITUTIONS[3],
      },
    });
    expect(pos.body).toMatchObject({ shared: [{ amount: 12850 }], cash: 0 });
    const deductions = await A.get('/api/history/deductions');
    expect(deductions.body.items[0]).toMatchObject({
      kind: 'settlement',
      amount: 12850,
      balanceAfter: 800000 - 12850,
      institution: { name: DEMO_INSTITUTIONS[3]!.name, kind: 'pharmacy' },
      spender: { self: false, bindingId, relation: 'parent' },
    });
    const payments = await B.get('/api/history/payments');
    expect(payments.body.items[0]).toMatchObject({ charge: 12850, own: 0, cash: 0, shared: [{ bindingId, amount: 12850 }] });
    expect(JSON.stringify(payments.body)).not.toContain('balanceAfter');
    const filtered = await A.get(`/api/history/deductions?relative=${bindingId}`);
    expect(filtered.body.items).toHaveLength(1);
    const mine = await A.get('/api/history/deductions?relative=self');
    expect(mine.body.items).toHaveLength(0);
    const monthly = await A.get('/api/history/monthly');
    expect(monthly.body.months.at(-1)).toMatchObject({ total: 12850, byRelative: [{ bindingId, amount: 12850, self: false }] });
  });

  it('when A pays B’s 2026 resident premium with an Idempotency-Key (R15, R17), then once, with a receipt; a retry replays it', async () => {
    const due = await A.get('/api/premiums?year=2026');
    expect(due.body.items[0]).toMatchObject({ bindingId, amountDue: 40000, status: 'unpaid', demoAmount: true, insurance: 'resident' });
    const pay = () => A.post('/api/premiums/payments', { bindingId, year: 2026 }, { 'idempotency-key': 'story-premium-0001' });
    const first = await pay();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ amount: 40000, balanceAfter: 800000 - 12850 - 40000, year: 2026, bindingId });
    const retry = await pay();
    expect(retry.body).toEqual(first.body);
    expect((await A.get('/api/home')).body.person.balance).toBe(800000 - 12850 - 40000);
    const reuse = await A.post('/api/premiums/payments', { bindingId, year: 2027 }, { 'idempotency-key': 'story-premium-0001' });
    expect([reuse.status, code(reuse)]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    expect((await A.get('/api/premiums?year=2026')).body.items[0]).toMatchObject({ status: 'paid', paidByMe: true });
    const bNotices = await B.get('/api/notifications');
    expect(bNotices.body.items.map((n: { kind: string }) => n.kind)).toContain('PREMIUM_PAID');
  });

  it('when A ends the binding with a face verification (R6, R7), then both see it ended and B can be bound again', async () => {
    expect(code(await A.post(`/api/bindings/${bindingId}/end`, {}))).toBe('FACE_VERIFICATION_REQUIRED');
    const faceTicket = await h.faceTicket(A, { purpose: 'unbind', target: bindingId });
    const ended = await A.post(`/api/bindings/${bindingId}/end`, { faceTicket });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endReason: 'ENDED_BY_AUTHORIZER' });
    expect((await B.get('/api/bindings')).body.asBeneficiary[0]).toMatchObject({ status: 'ended' });
    expect((await B.get('/api/home')).body.sharing.asBeneficiary).toEqual([]);
    const notices = await B.get('/api/notifications');
    expect(notices.body.items[0]).toMatchObject({ kind: 'BINDING_ENDED', data: { reason: 'ENDED_BY_AUTHORIZER' } });
    await h.stack.mocks.notifier.idle();
  });
});
