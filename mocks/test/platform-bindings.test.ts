import { chinaDate, composeIdNumber, NGARI_2025, SUBSCRIPTION_TEMPLATES, type Relation } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPerson } from '../src/platform/demo-people';
import { adultFromOn, areaIn, areaOutside, minorOn, REGIONS } from '../../shared/test/policies/region';
import { nextId, startHarness, type Harness } from './harness';

let h: Harness;

const bind = async (a: string, b: { idNumber: string; name: string }, relation = 'parent', bindingId = nextId('b')) =>
  h.call('createBinding', {
    // Tests pass relations the policy refuses, too: the platform decides.
    body: { authorizerPsnNo: await h.psn(a), beneficiaryPsnNo: await h.psn(b.idNumber), beneficiaryName: b.name, relation: relation as Relation, bindingId },
  });
const bindingsOf = async (id: string) => (await h.call('bindings', { params: { psnNo: await h.psn(id) } })).body;
const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

// The platform's binding rules run under every policy of REGIONS: regions, relations, the minor
// age and the number of authorizers are read from the policy, never Tibet's values.
describe.each(REGIONS)('platform: bindings under $name', (policy) => {
  // No demo seed: the demo family is Tibet's (540…) and would be refused in another region.
  beforeAll(async () => {
    h = await startHarness({ policy, seed: false });
  });
  afterAll(async () => h.close());
  // A relation the region allows besides parent and child, for cases about something else.
  const peer = policy.allowedRelations.find((r) => r !== 'parent' && r !== 'child') ?? 'parent';
  const today = () => chinaDate(Date.now());

  it('when an activated employee binds an activated insured parent, then the binding is active at once for both sides (R7)', async () => {
    const a = await h.newPerson({ balance: 500000 });
    const b = await h.newPerson({ insurance: 'resident', born: '1955-05-05' });
    const created = await bind(a.idNumber, b);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ authorizerId: await h.psn(a.idNumber), beneficiaryId: await h.psn(b.idNumber), status: 'active', needsAcceptance: true });
    expect((await bindingsOf(a.idNumber)).asAuthorizer.map((x) => x.beneficiaryId)).toEqual([b.psnNo]);
    expect((await bindingsOf(b.idNumber)).asBeneficiary).toMatchObject([{ authorizerId: await h.psn(a.idNumber), rank: 1, status: 'active' }]);
  });

  it('when the same binding request is retried with its id, then the same binding comes back and nothing is added', async () => {
    const a = await h.newPerson({ balance: 500000 });
    const b = await h.newPerson();
    const id = nextId('retry');
    const first = await bind(a.idNumber, b, peer, id);
    const second = await bind(a.idNumber, b, peer, id);
    expect(second.status).toBe(201);
    expect(second.body.bindingId).toBe(first.body.bindingId);
    expect((await bindingsOf(b.idNumber)).asBeneficiary).toHaveLength(1);
  });

  it.each([
    ['R1 the beneficiary has not activated', { eCredentialActive: false }, {}, 'BENEFICIARY_ECREDENTIAL_INACTIVE'],
    ['R1 the authorizer has not activated', {}, { eCredentialActive: false }, 'AUTHORIZER_ECREDENTIAL_INACTIVE'],
    ['R2 the authorizer is resident-insured', {}, { insurance: 'resident' }, 'AUTHORIZER_NOT_EMPLOYEE'],
    ['R2 the authorizer is insured outside the region', {}, { region: areaOutside(policy) }, 'AUTHORIZER_NOT_IN_REGION'],
    ['R2 the authorizer is suspended', {}, { status: 'suspended' }, 'AUTHORIZER_ACCOUNT_ABNORMAL'],
    ['R2 the beneficiary is uninsured', { insurance: null }, {}, 'BENEFICIARY_NOT_INSURED'],
  ] as const)('when %s, then %s and nothing is stored', async (_label, beneficiaryFacts, authorizerFacts, code) => {
    const a = await h.newPerson({ balance: 400000, ...authorizerFacts });
    const b = await h.newPerson(beneficiaryFacts);
    const result = await bind(a.idNumber, b);
    expect(result.status).toBe(422);
    expect(errorCode(result.body)).toBe(code);
    expect((await bindingsOf(a.idNumber)).asAuthorizer).toEqual([]);
    expect((await bindingsOf(b.idNumber)).asBeneficiary).toEqual([]);
  });

  it('when the name does not match the ID number in the registry (R3), then IDENTITY_MISMATCH; an unknown number answers the same', async () => {
    const a = await h.newPerson({ balance: 400000 });
    const b = await h.newPerson();
    const wrongName = await bind(a.idNumber, { idNumber: b.idNumber, name: '错名字' });
    expect([wrongName.status, errorCode(wrongName.body)]).toEqual([422, 'IDENTITY_MISMATCH']);
    const unknown = await h.api('POST', '/v1/bindings/check', {
      authorizerPsnNo: await h.psn(a.idNumber),
      beneficiaryIdNumber: composeIdNumber(areaIn(policy), '1971-02-03', 555),
      beneficiaryName: '李梅',
      relation: peer,
    });
    expect([unknown.status, errorCode(unknown.body)]).toEqual([422, 'IDENTITY_MISMATCH']);
    expect((await bindingsOf(a.idNumber)).asAuthorizer).toEqual([]);
  });

  it('when someone binds themselves (R3), then SELF_BINDING', async () => {
    const a = await h.newPerson({ balance: 400000 });
    const result = await bind(a.idNumber, a, 'spouse');
    expect(result.status).toBe(422);
    expect(errorCode(result.body)).toBe('SELF_BINDING');
  });

  it('when A→B is active (R4), then B→A is REVERSE_BINDING, one authorizer over the maximum is BENEFICIARY_ALREADY_BOUND and A→B again DUPLICATE_BINDING', async () => {
    const a = await h.newPerson({ balance: 400000 });
    const b = await h.newPerson({ balance: 400000 });
    const c = await h.newPerson({ balance: 400000 });
    expect((await bind(a.idNumber, b)).status).toBe(201);
    const reverse = await bind(b.idNumber, a, 'child');
    expect([reverse.status, errorCode(reverse.body)]).toEqual([409, 'REVERSE_BINDING']);
    for (let k = 1; k < policy.maxAuthorizersPerBeneficiary; k += 1) {
      expect((await bind((await h.newPerson({ balance: 400000 })).idNumber, b)).status).toBe(201);
    }
    expect((await bindingsOf(b.idNumber)).asBeneficiary).toHaveLength(policy.maxAuthorizersPerBeneficiary);
    const other = await bind(c.idNumber, b);
    expect([other.status, errorCode(other.body)]).toEqual([409, 'BENEFICIARY_ALREADY_BOUND']);
    const again = await bind(a.idNumber, b);
    expect([again.status, errorCode(again.body)]).toEqual([409, 'DUPLICATE_BINDING']);
  });

  it('when A→B is active and B is an employee (R5), then B may bind C: a chain', async () => {
    const a = await h.newPerson({ balance: 400000 });
    const b = await h.newPerson({ balance: 400000 });
    const c = await h.newPerson({ insurance: 'resident' });
    expect((await bind(a.idNumber, b)).status).toBe(201);
    expect((await bind(b.idNumber, c, 'child')).status).toBe(201);
    const bView = await bindingsOf(b.idNumber);
    expect(bView.asBeneficiary.map((x) => x.authorizerId)).toEqual([a.psnNo]);
    expect(bView.asAuthorizer.map((x) => x.beneficiaryId)).toEqual([c.psnNo]);
  });

  describe('R18 minors', () => {
    it('when a registered parent activates the child as guardian and binds, then the binding needs no acceptance', async () => {
      const parent = await h.newPerson({ balance: 500000 });
      const child = await h.newPerson({ insurance: 'resident', born: minorOn(policy, today()), eCredentialActive: false, guardians: [] });
      // the child's record names the parent: recreate it with the guardian
      await h.api('POST', '/v1/admin/persons', { idNumber: child.idNumber, name: child.name, insurance: 'resident', region: areaIn(policy), guardians: [parent.idNumber] });
      const activated = await h.api<{ eCredential: { active: boolean; mode: string; guardianId: string } }>('POST', '/v1/ecredentials/activate-guardian', {
        guardianPsnNo: await h.psn(parent.idNumber),
        childName: child.name,
        childIdNumber: child.idNumber,
      });
      expect(activated.status).toBe(200);
      expect(activated.body.eCredential).toMatchObject({ active: true, mode: 'guardian', guardianId: await h.psn(parent.idNumber) });
      const created = await bind(parent.idNumber, child, 'child');
      expect(created.status).toBe(201);
      expect(created.body.needsAcceptance).toBe(false);
    });

    it('when the "child" turns the minor age today, then guardian activation is NOT_A_MINOR', async () => {
      const parent = await h.newPerson({ balance: 500000 });
      const adult = await h.newPerson({ insurance: 'resident', born: adultFromOn(policy, today()), eCredentialActive: false, guardians: [] });
      await h.api('POST', '/v1/admin/persons', { idNumber: adult.idNumber, name: adult.name, insurance: 'resident', region: areaIn(policy), guardians: [parent.idNumber] });
      const result = await h.api('POST', '/v1/ecredentials/activate-guardian', { guardianPsnNo: await h.psn(parent.idNumber), childName: adult.name, childIdNumber: adult.idNumber });
      expect(errorCode(result.body)).toBe('NOT_A_MINOR');
    });
  });

  describe('ending (R6, R7) and automatic ending (R8)', () => {
    it('when the authorizer ends it without a face verification, then FACE_VERIFICATION_REQUIRED and it stays', async () => {
      const a = await h.newPerson({ balance: 400000 });
      const b = await h.newPerson();
      const { body } = await bind(a.idNumber, b);
      const refused = await h.call('endBinding', { params: { bindingId: body.bindingId }, body: { actorPsnNo: await h.psn(a.idNumber), faceVerified: false } });
      expect([refused.status, errorCode(refused.body)]).toEqual([403, 'FACE_VERIFICATION_REQUIRED']);
      expect((await bindingsOf(b.idNumber)).asBeneficiary[0]?.status).toBe('active');
    });

    it('when a third person asks to end it, then BINDING_NOT_FOUND: they cannot even see it', async () => {
      const a = await h.newPerson({ balance: 400000 });
      const b = await h.newPerson();
      const c = await h.newPerson();
      const { body } = await bind(a.idNumber, b);
      const refused = await h.call('endBinding', { params: { bindingId: body.bindingId }, body: { actorPsnNo: await h.psn(c.idNumber), faceVerified: true } });
      expect([refused.status, errorCode(refused.body)]).toEqual([404, 'BINDING_NOT_FOUND']);
    });

    it('when the beneficiary ends it with a face verification, then it ends at once and both may be bound by others again', async () => {
      const a = await h.newPerson({ balance: 400000 });
      const b = await h.newPerson({ balance: 400000 });
      const c = await h.newPerson({ balance: 400000 });
      const { body } = await bind(a.idNumber, b);
      const ended = await h.call('endBinding', { params: { bindingId: body.bindingId }, body: { actorPsnNo: await h.psn(b.idNumber), faceVerified: true } });
      expect(ended.status).toBe(200);
      expect(ended.body).toMatchObject({ status: 'ended', endReason: 'ENDED_BY_BENEFICIARY' });
      expect((await bind(c.idNumber, b)).status).toBe(201);
      expect((await bind(b.idNumber, a, 'child')).status).toBe(201);
      const again = await h.call('endBinding', { params: { bindingId: body.bindingId }, body: { actorPsnNo: await h.psn(a.idNumber), faceVerified: true } });
      expect(errorCode(again.body)).toBe('NOT_BOUND');
    });

    it('when an authorizer stops being employee-insured (R8), then all their bindings end with the reason and both sides are told (R20)', async () => {
      const a = await h.newPerson({ balance: 400000 });
      const b = await h.newPerson({ insurance: 'resident' });
      const c = await h.newPerson();
      const x = await h.newPerson({ balance: 400000 });
      await bind(a.idNumber, b);
      await bind(a.idNumber, c, peer);
      await bind(x.idNumber, a, peer);
      // b accepted the binding template at a tap (wx.requestSubscribeMessage); c did not (R20)
      await h.mocks.notifier.idle();
      await h.api('POST', '/dev/subscribe', { openid: b.openid, template_id: SUBSCRIPTION_TEMPLATES.binding, decision: 'accept' });
      const change = await h.call('adminChangeInsurance', { params: { psnNo: await h.psn(a.idNumber) }, body: { insurance: 'resident' } });
      expect(change.status).toBe(200);
      expect(change.body.endedBindings.map((e) => e.beneficiaryId).sort()).toEqual([b.psnNo, c.psnNo].sort());
      for (const e of change.body.endedBindings) expect(e).toMatchObject({ status: 'ended', endReason: 'AUTHORIZER_LEFT_EMPLOYEE_INSURANCE' });
      // a binding where A is the beneficiary is not touched by R8
      expect((await bindingsOf(a.idNumber)).asBeneficiary[0]?.status).toBe('active');
      const feedB = await h.api<{ items: Array<{ kind: string; data: Record<string, unknown> }> }>('GET', `/v1/persons/${await h.psn(b.idNumber)}/feed`);
      expect(feedB.body.items[0]).toMatchObject({ kind: 'BINDING_ENDED', data: { reason: 'AUTHORIZER_LEFT_EMPLOYEE_INSURANCE' } });
      const feedA = await h.api<{ items: Array<{ kind: string }> }>('GET', `/v1/persons/${await h.psn(a.idNumber)}/feed`);
      expect(feedA.body.items.map((i) => i.kind)).toEqual(expect.arrayContaining(['BINDING_ENDED', 'INSURANCE_CHANGED']));
      await h.mocks.notifier.idle();
      const messages = await h.api<{ messages: Array<{ data: Record<string, { value: string }> }> }>('GET', `/dev/messages?openid=${b.openid}`);
      expect(messages.body.messages).toHaveLength(1);
      expect(messages.body.messages[0]?.data.thing1?.value).toContain('已解除');
      // issue 9 item 7: the other person only masked on a lock screen
      expect(JSON.stringify(messages.body.messages)).not.toContain(a.name);
      expect(messages.body.messages[0]?.data.name2?.value).toMatch(/\*/);
      expect((await h.api<{ messages: unknown[] }>('GET', `/dev/messages?openid=${c.openid}`)).body.messages).toEqual([]);
    });
  });

  describe('races (R4, R19)', () => {
    it(`when more authorizers than the maximum (${policy.maxAuthorizersPerBeneficiary}) race for one beneficiary, then at least one and never more than the maximum win`, async () => {
      const racing = policy.maxAuthorizersPerBeneficiary + 3;
      for (let round = 0; round < 10; round += 1) {
        const b = await h.newPerson({ insurance: 'resident' });
        const racers = await Promise.all(Array.from({ length: racing }, () => h.newPerson({ balance: 400000 })));
        const results = await Promise.all(racers.map((r) => bind(r.idNumber, b)));
        const won = results.filter((r) => r.status === 201).length;
        expect(won).toBeGreaterThanOrEqual(1);
        expect(won).toBeLessThanOrEqual(policy.maxAuthorizersPerBeneficiary);
        for (const loser of results.filter((r) => r.status !== 201)) {
          expect(['BENEFICIARY_ALREADY_BOUND', 'REQUEST_IN_PROGRESS']).toContain(errorCode(loser.body));
        }
        expect((await bindingsOf(b.idNumber)).asBeneficiary.filter((x) => x.status === 'active')).toHaveLength(won);
      }
    });

    it('when A→B and B→A race, then never both succeed', async () => {
      for (let round = 0; round < 10; round += 1) {
        const a = await h.newPerson({ balance: 400000 });
        const b = await h.newPerson({ balance: 400000 });
        const [ab, ba] = await Promise.all([bind(a.idNumber, b, peer), bind(b.idNumber, a, peer)]);
        expect([ab.status, ba.status].filter((s) => s === 201).length).toBeLessThanOrEqual(1);
        const aView = await bindingsOf(a.idNumber);
        const active = [...aView.asAuthorizer, ...aView.asBeneficiary].filter((x) => x.status === 'active');
        expect(active.length).toBe([ab.status, ba.status].filter((s) => s === 201).length);
      }
    });

    it('issue 9 item 7: when A→B and B→A race, over twenty rounds, then exactly one wins every time (R4: the earlier claim, then the smaller id)', async () => {
      for (let round = 0; round < 20; round += 1) {
        const a = await h.newPerson({ balance: 400000 });
        const b = await h.newPerson({ balance: 400000 });
        const [ab, ba] = await Promise.all([bind(a.idNumber, b, peer), bind(b.idNumber, a, peer)]);
        expect([ab.status, ba.status].sort(), `round ${round}`).toEqual([201, 409]);
        expect([errorCode(ab.body), errorCode(ba.body)]).toContain('REVERSE_BINDING');
        const active = (await bindingsOf(a.idNumber)).asAuthorizer.concat((await bindingsOf(a.idNumber)).asBeneficiary).filter((x) => x.status === 'active');
        expect(active).toHaveLength(1);
      }
    });

    it('issue 9 item 7: when the same binding id is created five times at once, then all five answer the same binding and one exists', async () => {
      for (let round = 0; round < 10; round += 1) {
        const a = await h.newPerson({ balance: 400000 });
        const b = await h.newPerson({ insurance: 'resident' });
        const id = nextId('dup');
        const answers = await Promise.all(Array.from({ length: 5 }, () => bind(a.idNumber, b, 'parent', id)));
        expect(answers.map((r) => [r.status, r.body.bindingId])).toEqual(Array.from({ length: 5 }, () => [201, id]));
        expect((await bindingsOf(b.idNumber)).asBeneficiary).toHaveLength(1);
        expect((await bindingsOf(a.idNumber)).asAuthorizer).toMatchObject([{ bindingId: id, status: 'active' }]);
      }
    });
  });

  describe('issue 9 item 1: the decision on a binding id', () => {
    const decide = async (id: string, a: string, b: string, withdraw?: { reason: 'cancelled' | 'rejected' | 'expired' | 'closed' }) =>
      h.call('bindingDecision', { params: { bindingId: id }, body: { authorizerPsnNo: await h.psn(a), beneficiaryPsnNo: await h.psn(b), ...(withdraw ? { withdraw } : {}) } });

    it('when an id is withdrawn before any commit, then it stays withdrawn and a later creation with it is refused', async () => {
      const a = await h.newPerson({ balance: 400000 });
      const b = await h.newPerson({ insurance: 'resident' });
      const id = nextId('void');
      expect((await decide(id, a.idNumber, b.idNumber)).body).toEqual({ state: 'open' });
      expect((await decide(id, a.idNumber, b.idNumber, { reason: 'cancelled' })).body).toEqual({ state: 'void', reason: 'cancelled' });
      expect((await decide(id, a.idNumber, b.idNumber, { reason: 'rejected' })).body).toEqual({ state: 'void', reason: 'cancelled' });
      const late = await bind(a.idNumber, b, 'parent', id);
      expect([late.status, errorCode(late.body)]).toEqual([409, 'BINDING_ENDED']);
      expect((await bindingsOf(b.idNumber)).asBeneficiary).toHaveLength(0);
      expect(await h.mocks.deps.store.beneficiariesOf(await h.psn(a.idNumber))).toEqual([]);
    });

    it('when the commit happened and the process stopped before the finish, then asking for the decision finishes it and withdrawing cannot undo it', async () => {
      const a = await h.newPerson({ balance: 400000 });
      const b = await h.newPerson({ insurance: 'resident' });
      const id = nextId('half');
      h.mocks.deps.faults = {
        atBindingStep: (step) => {
          if (step === 'binding:committed') throw new Error('injected crash after the commit');
        },
      };
      try {
        expect((await bind(a.idNumber, b, 'parent', id)).status).toBe(500);
      } finally {
        delete h.mocks.deps.faults;
      }
      expect((await h.mocks.deps.store.beneficiariesOf(await h.psn(a.idNumber)))[0]?.state).toBe('pending');
      const withdrawn = await decide(id, a.idNumber, b.idNumber, { reason: 'cancelled' });
      expect(withdrawn.body).toMatchObject({ state: 'binding', binding: { bindingId: id, status: 'active' } });
      expect((await h.mocks.deps.store.beneficiariesOf(await h.psn(a.idNumber)))[0]?.state).toBe('active');
      const retried = await bind(a.idNumber, b, 'parent', id);
      expect([retried.status, retried.body.bindingId]).toEqual([201, id]);
    });
  });
});

describe('platform: the demo family (Tibet 2022 seed)', () => {
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  describe('R18 minors', () => {
    it('when someone who is not a registered parent tries, then MINOR_NEEDS_PARENT for activation and for binding', async () => {
      const stranger = await h.newPerson({ balance: 500000 });
      const yangjin = demoPerson('yangjin');
      const activation = await h.api('POST', '/v1/ecredentials/activate-guardian', {
        guardianPsnNo: await h.psn(stranger.idNumber),
        childName: yangjin.name,
        childIdNumber: yangjin.idNumber,
      });
      expect(errorCode(activation.body)).toBe('MINOR_NEEDS_PARENT');
      const zhaxi = demoPerson('zhaxi');
      expect(errorCode((await h.api('POST', '/v1/ecredentials/activate-guardian', { guardianPsnNo: await h.psn(zhaxi.idNumber), childName: yangjin.name, childIdNumber: yangjin.idNumber })).body)).toBe(
        'AUTHORIZER_ECREDENTIAL_INACTIVE',
      );
      expect((await h.api('POST', '/v1/ecredentials/activate', { name: zhaxi.name, idNumber: zhaxi.idNumber, openid: zhaxi.openid })).status).toBe(200);
      await h.api('POST', '/v1/ecredentials/activate-guardian', { guardianPsnNo: await h.psn(zhaxi.idNumber), childName: yangjin.name, childIdNumber: yangjin.idNumber });
      expect(errorCode((await bind(stranger.idNumber, yangjin, 'child')).body)).toBe('MINOR_NEEDS_PARENT');
      expect(errorCode((await bind(stranger.idNumber, yangjin, 'sibling')).body)).toBe('MINOR_NEEDS_PARENT');
      const byParent = await bind(zhaxi.idNumber, yangjin, 'child');
      expect([byParent.status, byParent.body.needsAcceptance]).toEqual([201, false]);
    });
  });
});

describe('platform: several authorizers (R14, Ngari 2025)', () => {
  let n: Harness;
  beforeAll(async () => {
    n = await startHarness({ policy: NGARI_2025 });
  });
  afterAll(async () => n.close());

  it('when a second authorizer binds and the beneficiary reorders, then the order is kept and must list each active one once', async () => {
    const suolang = demoPerson('suolang');
    const nima = demoPerson('nima');
    const created = await n.api('POST', '/v1/bindings', {
      authorizerPsnNo: await n.psn(nima.idNumber),
      beneficiaryPsnNo: await n.psn(suolang.idNumber),
      beneficiaryName: suolang.name,
      relation: 'parent',
      bindingId: 'ngari-second',
    });
    expect(created.status).toBe(201);
    const before = (await n.call('bindings', { params: { psnNo: await n.psn(suolang.idNumber) } })).body;
    expect(before.asBeneficiary.map((x) => [x.authorizerId, x.rank])).toEqual([
      [await n.psn(demoPerson('duoji').idNumber), 1],
      [await n.psn(nima.idNumber), 2],
    ]);
    const reorder = await n.api('PUT', `/v1/persons/${await n.psn(suolang.idNumber)}/preferences`, { authorizerOrder: [await n.psn(nima.idNumber), await n.psn(demoPerson('duoji').idNumber)] });
    expect(reorder.status).toBe(200);
    const after = (await n.call('bindings', { params: { psnNo: await n.psn(suolang.idNumber) } })).body;
    expect(after.asBeneficiary.map((x) => x.authorizerId)).toEqual([await n.psn(nima.idNumber), await n.psn(demoPerson('duoji').idNumber)]);
    const bad = await n.api('PUT', `/v1/persons/${await n.psn(suolang.idNumber)}/preferences`, { authorizerOrder: [await n.psn(nima.idNumber)] });
    expect([bad.status, errorCode(bad.body)]).toEqual([422, 'ORDER_MISMATCH']);
  });
});
