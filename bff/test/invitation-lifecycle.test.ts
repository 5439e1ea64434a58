import { TIBET_2022_LETTER, NGARI_2025, TIBET_2022, maskIdNumber, type Binding, type PersonBindings, type Relation } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverPending } from '../../mocks/src/platform/use-cases/recover-pending';
import type { FaultPoint } from '../../mocks/src/platform/deps';
import { AppError } from '@family-share/shared/server-kit';
import type { InvitationStore } from '../src/ports/stores';
import { expireDueInvitations } from '../src/use-cases/expire-invitations';
import { code, startBffHarness, type BffHarness, type Client } from './harness';

let h: BffHarness;
beforeAll(async () => {
  h = await startBffHarness({ policy: TIBET_2022 });
});
afterAll(async () => h.close());

interface Person {
  idNumber: string;
  psnNo: string;
  name: string;
  openid: string;
  client: Client;
}

const employee = (balance = 600000): Promise<Person> => h.signedUp({ balance });

async function relative(facts: Record<string, unknown> = { insurance: 'resident' }): Promise<Person> {
  const p = await h.newPerson(facts);
  return { ...p, client: await h.login(p.openid) };
}

async function invite(from: Person, to: { idNumber: string; name: string }, relation: Relation = 'parent'): Promise<string> {
  const res = await h.invite(from.client, to, relation);
  expect(res.status).toBe(201);
  return res.body.invitationId as string;
}

const accept = (b: Person, invitationId: string) => b.client.post(`/api/invitations/${invitationId}/accept`);
const cancel = (a: Person, invitationId: string) => a.client.post(`/api/invitations/${invitationId}/cancel`);

async function platformBindings(idNumber: string): Promise<PersonBindings> {
  return (await h.platformCall('bindings', { params: { psnNo: await h.psn(idNumber) } })).body;
}

async function listed(p: Person, box: 'sent' | 'received', invitationId: string) {
  const res = await p.client.get(`/api/invitations?box=${box}`);
  return (res.body.items as Array<{ invitationId: string; status: string; closedReason: string | null }>).find((i) => i.invitationId === invitationId);
}

/**
 * Both systems tell the same story about one invitation: the platform's binding (the system
 * of record) is active on both of its sides exactly when the invitation reads accepted, and
 * both people's listings say so. Runs the BFF's sweep first, as time would.
 */
async function expectAgreement(a: Person, b: Person, invitationId: string): Promise<'accepted' | 'open' | 'closed'> {
  h.advance(61_000);
  await expireDueInvitations(h.stack.bff.deps);
  const record = await h.stack.bff.deps.invitations.get(invitationId);
  const [ofB, ofA] = [await platformBindings(b.idNumber), await platformBindings(a.idNumber)];
  const onB = ofB.asBeneficiary.find((x) => x.bindingId === `inv-${invitationId}`);
  const onA = ofA.asAuthorizer.find((x) => x.bindingId === `inv-${invitationId}`);
  const [sent, received] = [await listed(a, 'sent', invitationId), await listed(b, 'received', invitationId)];
  if (onB?.status === 'active') {
    expect(record?.status).toBe('accepted');
    expect(onA?.status).toBe('active');
    expect([sent?.status, received?.status]).toEqual(['accepted', 'accepted']);
    return 'accepted';
  }
  expect(onB).toBeUndefined();
  expect(onA).toBeUndefined();
  expect(record?.status).not.toBe('accepted');
  expect(sent?.status).toBe(received?.status);
  return record?.status === 'pending' || record?.status === 'accepting' ? 'open' : 'closed';
}

type Step = 'bff:hold' | FaultPoint | 'platform:answer-lost' | 'bff:mark-accepted';

/** Stops acceptance once at one step, as a crash there would: what the step wrote stays written. */
function crashOnce(step: Step): () => void {
  const { bff, mocks } = h.stack;
  const store = bff.deps.invitations as InvitationStore;
  const transition = store.transition.bind(store);
  const createBinding = bff.deps.platform.createBinding.bind(bff.deps.platform);
  let armed = true;
  const fire = () => {
    armed = false;
    throw new Error(`injected crash at ${step}`);
  };
  if (step === 'bff:hold' || step === 'bff:mark-accepted') {
    store.transition = async (id, from, to, now, bindingId, reason) => {
      if (armed && step === 'bff:mark-accepted' && to === 'accepted') fire();
      const result = await transition(id, from, to, now, bindingId, reason);
      if (armed && step === 'bff:hold' && to === 'accepting') fire();
      return result;
    };
  } else if (step === 'platform:answer-lost') {
    bff.deps.platform.createBinding = async (request) => {
      const result = await createBinding(request);
      if (armed) {
        armed = false;
        throw new AppError('SERVICE_UNAVAILABLE', 'injected: the answer was lost');
      }
      return result;
    };
  } else {
    mocks.deps.faults = {
      atBindingStep: (at) => {
        if (armed && at === step) fire();
      },
    };
  }
  return () => {
    store.transition = transition;
    bff.deps.platform.createBinding = createBinding;
    delete mocks.deps.faults;
  };
}

const STEPS: Step[] = ['bff:hold', 'binding:claimed', 'binding:committed', 'binding:finished', 'platform:answer-lost', 'bff:mark-accepted'];

describe('issue 9 item 1: a crash at any step of acceptance never leaves the invitation and the binding contradicting each other', () => {
  for (const step of STEPS) {
    it(`when acceptance stops at ${step}, then both sides agree, after the recovery sweeper, and after a cancel and an accept`, async () => {
      const a = await employee();
      const b = await relative();
      const invitationId = await invite(a, b);
      const restore = crashOnce(step);
      let first;
      try {
        first = await accept(b, invitationId);
      } finally {
        restore();
      }
      expect([200, 500, 503]).toContain(first.status);
      await expectAgreement(a, b, invitationId);

      h.advance(11_000);
      await recoverPending(h.stack.mocks.deps);
      const afterSweep = await expectAgreement(a, b, invitationId);

      const cancelled = await cancel(a, invitationId);
      if (afterSweep === 'accepted') {
        // R7: the binding was made; the invitation is accepted, not cancelled.
        expect(code(cancelled)).toBe('INVITATION_NOT_PENDING');
        expect(await expectAgreement(a, b, invitationId)).toBe('accepted');
        const again = await accept(b, invitationId);
        expect([again.status, again.body.bindingId]).toEqual([200, `inv-${invitationId}`]);
      } else {
        expect(cancelled.body.status).toBe('cancelled');
        expect(await expectAgreement(a, b, invitationId)).toBe('closed');
        expect(code(await accept(b, invitationId))).toBe('INVITATION_NOT_PENDING');
        expect(await expectAgreement(a, b, invitationId)).toBe('closed');
      }
    });

    it(`when acceptance stops at ${step} and the relative simply accepts again, then the binding is made once and the invitation is accepted`, async () => {
      const a = await employee();
      const b = await relative();
      const invitationId = await invite(a, b);
      const restore = crashOnce(step);
      try {
        await accept(b, invitationId);
      } finally {
        restore();
      }
      const again = await accept(b, invitationId);
      expect([again.status, again.body.bindingId]).toEqual([200, `inv-${invitationId}`]);
      expect(await expectAgreement(a, b, invitationId)).toBe('accepted');
      expect(code(await cancel(a, invitationId))).toBe('INVITATION_NOT_PENDING');
      expect((await platformBindings(b.idNumber)).asBeneficiary.filter((x) => x.status === 'active')).toHaveLength(1);
    });
  }

  it('when the inviter cancels while the acceptance is stuck half-way (held, platform not asked), then the cancel wins everywhere and no binding can follow', async () => {
    const a = await employee();
    const b = await relative();
    const invitationId = await invite(a, b);
    const restore = crashOnce('bff:hold');
    try {
      await accept(b, invitationId);
    } finally {
      restore();
    }
    expect((await cancel(a, invitationId)).body.status).toBe('cancelled');
    // A late creation with the same id (the stuck acceptance waking up) is refused by the platform.
    const late = await h.platformCall('createBinding', { body: { authorizerPsnNo: await h.psn(a.idNumber), beneficiaryPsnNo: await h.psn(b.idNumber), beneficiaryName: b.name, relation: 'parent', bindingId: `inv-${invitationId}` } });
    expect(late.status).toBe(409);
    expect(await expectAgreement(a, b, invitationId)).toBe('closed');
    const inbox = await b.client.get('/api/notifications');
    expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toContain('INVITATION_CANCELLED');
  });
});

describe('issue 9 item 7: duplicate acceptances and the reverse-binding race', () => {
  it('when one invitation is accepted five times at once, over ten rounds, then every answer is the same success (never a 409)', async () => {
    for (let round = 0; round < 10; round += 1) {
      const a = await employee();
      const b = await relative();
      const invitationId = await invite(a, b);
      const answers = await Promise.all(Array.from({ length: 5 }, () => accept(b, invitationId)));
      expect(answers.map((r) => [r.status, r.body.bindingId])).toEqual(Array.from({ length: 5 }, () => [200, `inv-${invitationId}`]));
      expect(await expectAgreement(a, b, invitationId)).toBe('accepted');
    }
  });

  it('when A invites B and B invites A and both accept at once, over twelve rounds, then exactly one wins (R4) and the loser is closed and both told (R20)', async () => {
    for (let round = 0; round < 12; round += 1) {
      const a = await employee();
      const b = await employee();
      const aToB = await invite(a, b, 'sibling');
      const bToA = await invite(b, a, 'sibling');
      const [one, two] = await Promise.all([accept(b, aToB), accept(a, bToA)]);
      const statuses = [one.status, two.status].sort();
      expect(statuses, `round ${round}`).toEqual([200, 409]);
      expect([code(one), code(two)]).toContain('REVERSE_BINDING');
      const [winner, loser] = one.status === 200 ? [aToB, bToA] : [bToA, aToB];
      expect(await h.stack.bff.deps.invitations.get(winner)).toMatchObject({ status: 'accepted' });
      expect(await h.stack.bff.deps.invitations.get(loser)).toMatchObject({ status: 'closed', closedReason: 'REVERSE_BINDING' });
      for (const p of [a, b]) {
        const kinds = (await p.client.get('/api/notifications')).body.items.map((n: { kind: string }) => n.kind);
        expect(kinds).toContain('INVITATION_CLOSED');
      }
    }
  });
});

describe('issue 9 item 9: invitations that can never be accepted are closed at once, with the reason, and both sides are told (R20)', () => {
  it('when the relative is bound by someone else and the policy allows one authorizer, then the other open invitation closes at once (R4)', async () => {
    const first = await employee();
    const second = await employee();
    const b = await relative();
    const fromFirst = await invite(first, b);
    const fromSecond = await invite(second, b);
    expect((await accept(b, fromFirst)).status).toBe(200);
    expect(await h.stack.bff.deps.invitations.get(fromSecond)).toMatchObject({ status: 'closed', closedReason: 'BENEFICIARY_ALREADY_BOUND' });
    expect(await listed(second, 'sent', fromSecond)).toMatchObject({ status: 'closed', closedReason: 'BENEFICIARY_ALREADY_BOUND' });
    for (const p of [second, b]) {
      const closed = (await p.client.get('/api/notifications')).body.items.find((n: { kind: string; data: { invitationId?: string } }) => n.kind === 'INVITATION_CLOSED' && n.data.invitationId === fromSecond);
      expect(closed?.data).toMatchObject({ reason: 'BENEFICIARY_ALREADY_BOUND' });
    }
    expect(code(await accept(b, fromSecond))).toBe('INVITATION_NOT_PENDING');
  });

  it('when the inviter leaves employee insurance at the registry (R8), then the sweep closes the invitation with the reason and tells both', async () => {
    const a = await employee();
    const b = await relative();
    const invitationId = await invite(a, b);
    const changed = await h.platformCall('adminChangeInsurance', { params: { psnNo: await h.psn(a.idNumber) }, body: { insurance: 'resident' } });
    expect(changed.status).toBe(200);
    h.advance(61_000);
    await expireDueInvitations(h.stack.bff.deps);
    expect(await h.stack.bff.deps.invitations.get(invitationId)).toMatchObject({ status: 'closed', closedReason: 'AUTHORIZER_NOT_EMPLOYEE' });
    const told = (await b.client.get('/api/notifications')).body.items.find((n: { kind: string }) => n.kind === 'INVITATION_CLOSED');
    expect(told?.data).toMatchObject({ invitationId, reason: 'AUTHORIZER_NOT_EMPLOYEE', box: 'received' });
    expect((await platformBindings(b.idNumber)).asBeneficiary).toHaveLength(0);
    expect(code(await accept(b, invitationId))).toBe('INVITATION_NOT_PENDING');
  });
});

describe('issue 9 item 8: R18, a person under 16 neither activates by face nor accepts; a parent still binds them', () => {
  it('when a child under 16 tries to activate her own e-credential, then MINOR_SELF_SERVICE before any face scan, and the platform refuses too', async () => {
    const child = await h.newPerson({ insurance: 'resident', born: '2016-05-01', eCredentialActive: false });
    const phone = await h.login(child.openid);
    expect(code(await phone.post('/api/face/sessions', { purpose: 'activate', name: child.name, idNumber: child.idNumber }))).toBe('MINOR_SELF_SERVICE');
    expect(code(await phone.post('/api/ecredential/activate', { name: child.name, idNumber: child.idNumber, faceTicket: 'x'.repeat(32) }))).toBe('MINOR_SELF_SERVICE');
    const direct = await h.platformCall('activate', { body: { name: child.name, idNumber: child.idNumber, openid: child.openid } });
    expect([direct.status, (direct.body as { error: { code: string } }).error.code]).toEqual([422, 'MINOR_SELF_SERVICE']);
  });

  it('when a child under 16 who was activated some other way is bound by her parent, then the binding is made, and nothing says "your" credential is active', async () => {
    const parent = await employee();
    const child = await h.newPerson({ insurance: 'resident', born: '2015-03-03', eCredentialActive: true, guardians: [parent.idNumber] });
    const again = await h.platformCall('activateAsGuardian', { body: { guardianPsnNo: await h.psn(parent.idNumber), childName: child.name, childIdNumber: child.idNumber } });
    expect((again.body as { error: { code: string } }).error.code).toBe('CHILD_ECREDENTIAL_ALREADY_ACTIVE');
    const faceTicket = await h.faceTicket(parent.client, { purpose: 'bind', target: child.idNumber });
    const bound = await parent.client.post('/api/family/minors', { childName: child.name, childIdNumber: child.idNumber, faceTicket, commitmentVersion: TIBET_2022_LETTER.version });
    expect(bound.status).toBe(201);
    expect(bound.body).toMatchObject({ relation: 'child', status: 'active', needsAcceptance: false });
  });

  it('when a child under 16 holds an invitation and accepts it on her phone, then MINOR_SELF_SERVICE and no binding', async () => {
    const a = await employee();
    const child = await h.newPerson({ insurance: 'resident', born: '2014-08-08', eCredentialActive: true });
    const phone = await h.login(child.openid);
    const now = Date.now();
    const invitationId = `inv_minor${now}`;
    await h.stack.bff.deps.invitations.create({
      invitationId, inviterId: a.psnNo, inviterName: a.name, inviterMaskedIdNumber: maskIdNumber(a.idNumber), inviteeId: child.psnNo, inviteeName: child.name, inviteeMaskedIdNumber: maskIdNumber(child.idNumber), relation: 'sibling',
      status: 'pending', createdAt: now, expiresAt: now + 3_600_000, decidedAt: null, bindingId: null, closedReason: null,
    });
    expect(code(await phone.post(`/api/invitations/${invitationId}/accept`))).toBe('MINOR_SELF_SERVICE');
    expect((await platformBindings(child.idNumber)).asBeneficiary).toHaveLength(0);
  });
});

describe('issue 9 item 11: a suspended authorizer\'s relatives are told that sharing pauses and when it resumes (R20)', () => {
  it('when the registry suspends the authorizer and later restores her, then each relative is told both times, with the reason', async () => {
    const a = await employee();
    const b = await relative();
    expect((await accept(b, await invite(a, b))).status).toBe(200);
    await h.platformCall('adminChangeInsurance', { params: { psnNo: await h.psn(a.idNumber) }, body: { status: 'suspended' } });
    const paused = await b.client.get('/api/notifications');
    expect(paused.body.items[0]).toMatchObject({ kind: 'SHARING_PAUSED', data: { status: 'suspended', counterpartName: expect.stringContaining('*') } });
    expect((await platformBindings(b.idNumber)).asBeneficiary[0]?.status).toBe('active');
    await h.platformCall('adminChangeInsurance', { params: { psnNo: await h.psn(a.idNumber) }, body: { status: 'active' } });
    const resumed = await b.client.get('/api/notifications');
    expect(resumed.body.items[0]).toMatchObject({ kind: 'SHARING_RESUMED' });
    expect(resumed.body.items.filter((n: { kind: string }) => n.kind.startsWith('SHARING_'))).toHaveLength(2);
  });
});

describe('issue 12 item 2: the rule check before the face step', () => {
  it('when the form is checked before the face scan, then a wrong name, oneself and a good relative get their real answers, with no face ticket spent', async () => {
    const a = await employee();
    const b = await relative();
    const check = (body: Record<string, string>) => a.client.post('/api/invitations/check', body);
    expect(code(await check({ name: '错误名字', idNumber: b.idNumber, relation: 'parent' }))).toBe('IDENTITY_MISMATCH');
    expect(code(await check({ name: a.name, idNumber: a.idNumber, relation: 'parent' }))).toBe('SELF_BINDING');
    const good = await check({ name: b.name, idNumber: b.idNumber, relation: 'parent' });
    expect([good.status, good.body]).toEqual([200, { needsAcceptance: true }]);
  });
});

describe('binding ids in the Ngari policy', () => {
  it('when several authorizers are allowed (Ngari 2025), then a second open invitation to a bound relative stays open', async () => {
    const ngari = await startBffHarness({ policy: NGARI_2025 });
    try {
      const people = await Promise.all([ngari.newPerson({ balance: 600000 }), ngari.newPerson({ balance: 600000 }), ngari.newPerson({ insurance: 'resident' })]);
      const [a1, a2, b] = await Promise.all(people.map(async (p) => ({ ...p, client: await ngari.login(p.openid) })));
      for (const a of [a1!, a2!]) await a.client.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version });
      const send = async (from: typeof a1) => {
        const faceTicket = await ngari.faceTicket(from!.client, { purpose: 'bind', target: b!.idNumber });
        return (await from!.client.post('/api/invitations', { name: b!.name, idNumber: b!.idNumber, relation: 'parent', faceTicket, commitmentVersion: TIBET_2022_LETTER.version })).body.invitationId as string;
      };
      const one = await send(a1);
      const two = await send(a2);
      expect((await b!.client.post(`/api/invitations/${one}/accept`)).status).toBe(200);
      expect(await ngari.stack.bff.deps.invitations.get(two)).toMatchObject({ status: 'pending' });
      const bound: Binding = (await b!.client.post(`/api/invitations/${two}/accept`)).body;
      expect(bound.status).toBe('active');
    } finally {
      await ngari.close();
    }
  });
});
