import { BFF_API, TIBET_2022_LETTER, type EndpointSpec } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, startBffHarness, type BffHarness, type Client } from './harness';

let h: BffHarness;
let A: Client;
let B: Client;
let X: Client;
let a: { idNumber: string; name: string; openid: string };
let bindingId: string;
let pendingInvitation: string;

beforeAll(async () => {
  h = await startBffHarness();
  a = await h.newPerson({ balance: 900000 });
  const b = await h.newPerson({ insurance: 'resident' });
  const c = await h.newPerson({ insurance: 'resident' });
  const x = await h.newPerson({ balance: 900000 });
  [A, B, X] = await Promise.all([h.login(a.openid), h.login(b.openid), h.login(x.openid)]);
  await A.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version });
  const invite = async (to: { idNumber: string; name: string }) =>
    A.post('/api/invitations', {
      name: to.name,
      idNumber: to.idNumber,
      relation: 'parent',
      faceTicket: await h.faceTicket(A, { purpose: 'bind', target: to.idNumber }),
      commitmentVersion: TIBET_2022_LETTER.version,
    });
  const first = await invite(b);
  bindingId = (await B.post(`/api/invitations/${first.body.invitationId as string}/accept`)).body.bindingId;
  pendingInvitation = (await invite(c)).body.invitationId;
  await h.platformCall('settle', {
    body: {
      settlementId: 'AUTHZ-1',
      cardHolderPsnNo: await h.psn(b.idNumber),
      charge: 5000,
      institution: { code: 'P54010001', name: '拉萨城关区康源药店', kind: 'pharmacy' },
    },
  });
});
afterAll(async () => h.close());

const concretePath = (path: string) => path.replace(/:(\w+)/g, 'abcdefgh12345678');

describe('authorization', () => {
  it('when an endpoint that needs a person is called without a token, then 401 UNAUTHENTICATED — every one of them', async () => {
    const guarded = Object.entries(BFF_API).filter(([, s]) => (s as EndpointSpec).auth);
    expect(guarded.length).toBeGreaterThan(20);
    for (const [name, raw] of guarded) {
      const spec = raw as EndpointSpec;
      const res = await h.http[spec.method](concretePath(spec.path)).send({});
      expect([name, res.status, code(res)]).toEqual([name, 401, 'UNAUTHENTICATED']);
    }
  });

  it('when X tries A’s invitation, then INVITATION_NOT_FOUND for accept, reject and cancel, and it stays pending', async () => {
    for (const action of ['accept', 'reject', 'cancel']) {
      const res = await X.post(`/api/invitations/${pendingInvitation}/${action}`);
      expect([action, res.status, code(res)]).toEqual([action, 404, 'INVITATION_NOT_FOUND']);
    }
    const beneficiaryCancels = await B.post(`/api/invitations/${pendingInvitation}/cancel`);
    expect(code(beneficiaryCancels)).toBe('INVITATION_NOT_FOUND');
    expect((await A.get('/api/invitations?box=sent')).body.items.find((i: { invitationId: string }) => i.invitationId === pendingInvitation).status).toBe('pending');
  });

  it('when X names A’s binding anywhere, then BINDING_NOT_FOUND and nothing changes', async () => {
    const start = await X.post('/api/face/sessions', { purpose: 'unbind', target: bindingId });
    expect(code(start)).toBe('BINDING_NOT_FOUND');
    const fake = await X.post(`/api/bindings/${bindingId}/end`, { faceTicket: 'x'.repeat(32) });
    expect(code(fake)).toBe('FACE_TICKET_INVALID');
    expect(code(await X.put('/api/preferences', { authorizerOrder: [bindingId] }))).toBe('BINDING_NOT_FOUND');
    expect(code(await X.post('/api/premiums/payments', { bindingId, year: 2026 }, { 'idempotency-key': 'authz-key-001' }))).toBe('BINDING_NOT_FOUND');
    expect(code(await X.get(`/api/history/deductions?relative=${bindingId}`))).toBe('BINDING_NOT_FOUND');
    expect((await B.get('/api/bindings')).body.asBeneficiary[0].status).toBe('active');
  });

  it('when X uses A’s face session or ticket, then they are not found: both belong to A’s WeChat account', async () => {
    const session = await A.post('/api/face/sessions', { purpose: 'unbind', target: bindingId });
    expect(code(await X.post(`/api/face/sessions/${session.body.sessionId as string}/complete`, { outcome: 'pass' }))).toBe('FACE_VERIFICATION_NOT_FOUND');
    const done = await A.post(`/api/face/sessions/${session.body.sessionId as string}/complete`, { outcome: 'pass' });
    expect(done.status).toBe(200);
    expect(code(await X.post(`/api/bindings/${bindingId}/end`, { faceTicket: done.body.ticket }))).toBe('FACE_TICKET_INVALID');
    expect((await A.get('/api/bindings')).body.asAuthorizer.find((x: { bindingId: string }) => x.bindingId === bindingId).status).toBe('active');
  });

  it('when a ticket made for one purpose or target is used for another, then FACE_TICKET_INVALID', async () => {
    const someone = await h.newPerson();
    const bindTicket = await h.faceTicket(A, { purpose: 'bind', target: someone.idNumber });
    expect(code(await A.post(`/api/bindings/${bindingId}/end`, { faceTicket: bindTicket }))).toBe('FACE_TICKET_INVALID');
  });

  it('when X reads lists, then only X’s own: no invitations, deductions, payments, notices or claims of A or B', async () => {
    expect((await X.get('/api/invitations?box=sent')).body.items).toEqual([]);
    expect((await X.get('/api/invitations?box=received')).body.items).toEqual([]);
    expect((await X.get('/api/history/deductions')).body.items).toEqual([]);
    expect((await X.get('/api/history/payments')).body.items).toEqual([]);
    expect((await X.get('/api/notifications')).body.items).toEqual([]);
    expect((await X.get('/api/claims')).body.items).toEqual([]);
    const home = await X.get('/api/home');
    expect(home.body.sharing).toEqual({ asAuthorizer: [], asBeneficiary: [] });
    expect(home.body.person.balance).toBe(900000);
  });

  it('when B reads her history, then she sees how her payment was split but never A’s balance or full name and number', async () => {
    const payments = await B.get('/api/history/payments');
    const text = JSON.stringify(payments.body);
    expect(payments.body.items[0].shared[0].amount).toBe(5000);
    expect(text).not.toContain('balanceAfter');
    expect(text).not.toContain(a.idNumber);
    expect(text).not.toContain(a.name);
    const bindings = JSON.stringify((await B.get('/api/bindings')).body);
    expect(bindings).not.toContain(a.idNumber);
    expect(bindings).not.toContain(a.name);
  });
});
