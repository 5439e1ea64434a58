import { describe, expect, it } from 'vitest';
import { checkBinding, NGARI_2025, RELATIONS, TIBET_2022, type BindingEdge, type PersonFacts, type Policy, type Relation } from '../src';
import { person, TODAY } from './people';
import { adultFromOn, areaIn, areaOutside, minorOn, REGIONS } from './policies/region';

const edge = (a: PersonFacts, b: PersonFacts): BindingEdge => ({ authorizerId: a.id, beneficiaryId: b.id });

// Every table runs under each policy of REGIONS; what it expects is read from the policy
// (its region prefix, relation list, minor age, maximum of authorizers), never a Tibet literal.
describe.each(REGIONS)('checkBinding under $name', (policy) => {
  const A = person({ seq: 11 }, policy); // authorizer: an employee of the region
  const B = person({ seq: 21, born: '1955-03-02' }, policy); // a parent
  const C = person({ seq: 31, born: '1985-08-08' }, policy); // another employee
  const D = person({ seq: 41, born: '1960-10-10', insurance: 'resident' }, policy);
  // A relation every region allows besides parent and child, for cases about something else.
  const peer: Relation = policy.allowedRelations.find((r) => r !== 'parent' && r !== 'child') ?? 'parent';

  function check(
    authorizer: PersonFacts,
    beneficiary: PersonFacts,
    options: { relation?: Relation; bindings?: BindingEdge[]; today?: string; policy?: Policy } = {},
  ) {
    return checkBinding(
      {
        authorizer,
        beneficiary,
        relation: options.relation ?? 'parent',
        activeBindings: options.bindings ?? [],
        today: options.today ?? TODAY,
      },
      options.policy ?? policy,
    );
  }

  it('when an activated employee of the region binds an activated insured parent, then it is allowed and needs acceptance', () => {
    expect(check(A, B)).toEqual({ ok: true, needsAcceptance: true });
  });

  describe('R1 both e-credentials activated', () => {
    it('when the authorizer has not activated, then AUTHORIZER_ECREDENTIAL_INACTIVE', () => {
      expect(check({ ...A, eCredentialActive: false }, B)).toEqual({ ok: false, code: 'AUTHORIZER_ECREDENTIAL_INACTIVE' });
    });
    it('when the beneficiary has not activated, then BENEFICIARY_ECREDENTIAL_INACTIVE', () => {
      expect(check(A, { ...B, eCredentialActive: false })).toEqual({ ok: false, code: 'BENEFICIARY_ECREDENTIAL_INACTIVE' });
    });
  });

  describe('R2 who may authorize and who may benefit', () => {
    it.each<[string, Partial<PersonFacts>, string]>([
      ['a resident-insured authorizer', { insurance: 'resident' }, 'AUTHORIZER_NOT_EMPLOYEE'],
      ['an uninsured authorizer', { insurance: null }, 'AUTHORIZER_NOT_EMPLOYEE'],
      ['an authorizer insured outside the region', { region: areaOutside(policy) }, 'AUTHORIZER_NOT_IN_REGION'],
      ['an authorizer whose account is suspended', { status: 'suspended' }, 'AUTHORIZER_ACCOUNT_ABNORMAL'],
      ['an authorizer whose insurance ended', { status: 'terminated' }, 'AUTHORIZER_ACCOUNT_ABNORMAL'],
    ])('when %s binds, then %s', (_label, change, code) => {
      expect(check({ ...A, ...change }, B)).toEqual({ ok: false, code });
    });

    it.each<[string, Partial<PersonFacts>, string]>([
      ['an uninsured relative', { insurance: null }, 'BENEFICIARY_NOT_INSURED'],
      ['a relative insured outside the region', { region: areaOutside(policy) }, 'BENEFICIARY_NOT_INSURED'],
      ['a relative whose insurance ended', { status: 'terminated' }, 'BENEFICIARY_NOT_INSURED'],
      ['a relative whose insurance is suspended', { status: 'suspended' }, 'BENEFICIARY_ACCOUNT_ABNORMAL'],
    ])('when the beneficiary is %s, then %s', (_label, change, code) => {
      expect(check(A, { ...B, ...change })).toEqual({ ok: false, code });
    });

    it('when the beneficiary is resident-insured in the region, then it is allowed', () => {
      expect(check(A, D)).toEqual({ ok: true, needsAcceptance: true });
    });

    it('when the beneficiary is employee-insured in another district of the region, then it is allowed', () => {
      const district = `${policy.regionPrefix}2521`.slice(0, 6);
      expect(district).not.toBe(areaIn(policy));
      expect(check(A, { ...C, region: district }, { relation: peer })).toEqual({ ok: true, needsAcceptance: true });
    });
  });

  describe('R3 close relatives only, nobody binds themselves', () => {
    it.each(RELATIONS)('when the relation is %s, then it is allowed exactly when the region lists it', (relation) => {
      const expected = policy.allowedRelations.includes(relation) ? { ok: true, needsAcceptance: true } : { ok: false, code: 'RELATION_NOT_ALLOWED' };
      expect(check(A, B, { relation })).toEqual(expected);
    });

    it('when a region narrows the list to spouse, parent and child, then a sibling is RELATION_NOT_ALLOWED', () => {
      const narrow: Policy = { ...policy, allowedRelations: ['spouse', 'parent', 'child'] };
      expect(check(A, B, { relation: 'sibling', policy: narrow })).toEqual({ ok: false, code: 'RELATION_NOT_ALLOWED' });
      expect(check(A, B, { relation: 'parent', policy: narrow }).ok).toBe(true);
    });

    it('when a relation outside the list arrives (e.g. "friend"), then RELATION_NOT_ALLOWED', () => {
      expect(check(A, B, { relation: 'friend' as Relation })).toEqual({ ok: false, code: 'RELATION_NOT_ALLOWED' });
    });

    it('when someone binds themselves, then SELF_BINDING comes before any other finding', () => {
      expect(check(A, A)).toEqual({ ok: false, code: 'SELF_BINDING' });
      expect(check({ ...A, insurance: null }, A)).toEqual({ ok: false, code: 'SELF_BINDING' });
    });
  });

  describe('R4 one-way, at most maxAuthorizersPerBeneficiary at a time', () => {
    const others = Array.from({ length: policy.maxAuthorizersPerBeneficiary }, (_, n) => person({ seq: 500 + n }, policy));

    it('when A→B is active and B binds A, then REVERSE_BINDING', () => {
      expect(check(B, A, { relation: 'child', bindings: [edge(A, B)] })).toEqual({ ok: false, code: 'REVERSE_BINDING' });
    });
    it('when B has one authorizer less than the maximum, then C may bind B; at the maximum, BENEFICIARY_ALREADY_BOUND', () => {
      const full = others.map((o) => edge(o, B));
      expect(check(C, B, { bindings: full.slice(0, -1) })).toEqual({ ok: true, needsAcceptance: true });
      expect(check(C, B, { bindings: full })).toEqual({ ok: false, code: 'BENEFICIARY_ALREADY_BOUND' });
    });
    it('when A→B is active and A binds B again, then DUPLICATE_BINDING', () => {
      expect(check(A, B, { bindings: [edge(A, B)] })).toEqual({ ok: false, code: 'DUPLICATE_BINDING' });
    });
    it('when A→B is active, then A may still bind D (one authorizer, several beneficiaries)', () => {
      expect(check(A, D, { bindings: [edge(A, B)] }).ok).toBe(true);
    });
  });

  describe('R5 chains are allowed', () => {
    it('when A→B is active and B (an employee) binds C, then it is allowed', () => {
      expect(check(B, C, { bindings: [edge(A, B)], relation: 'child' })).toEqual({ ok: true, needsAcceptance: true });
    });
    it('when A→B and B→C are active, then C binding A is not a reverse binding and is allowed', () => {
      expect(check(C, A, { bindings: [edge(A, B), edge(B, C)], relation: peer }).ok).toBe(true);
    });
    it('when A→B and B→C are active, then A may bind C only if C may have more than one authorizer', () => {
      const expected = policy.maxAuthorizersPerBeneficiary > 1 ? { ok: true, needsAcceptance: true } : { ok: false, code: 'BENEFICIARY_ALREADY_BOUND' };
      expect(check(A, C, { bindings: [edge(A, B), edge(B, C)] })).toEqual(expected);
    });
  });

  describe('R7 after a binding ends, both may be bound by others again', () => {
    it('when A→B is no longer among the active bindings, then C may bind B and B may bind A', () => {
      expect(check(C, B, { bindings: [] }).ok).toBe(true);
      expect(check(B, A, { bindings: [], relation: 'child' }).ok).toBe(true);
    });
  });

  describe(`R18 minors (under ${policy.minorAge}) are bound by a parent, without acceptance`, () => {
    const childBornOn = (born: string) => person({ seq: 62, born, insurance: 'resident' }, policy);
    const notChild = policy.allowedRelations.filter((r) => r !== 'child');

    it('when the child turns the minor age on the binding day, then they are an adult and must accept', () => {
      const adult = childBornOn(adultFromOn(policy, TODAY));
      expect(check(A, adult, { relation: 'child' })).toEqual({ ok: true, needsAcceptance: true });
      for (const relation of notChild) expect(check(A, adult, { relation })).toEqual({ ok: true, needsAcceptance: true });
    });
    it('when the child turns the minor age the day after the binding day, then only a parent binds, with no acceptance', () => {
      const minor = childBornOn(minorOn(policy, TODAY));
      expect(check(A, minor, { relation: 'child' })).toEqual({ ok: true, needsAcceptance: false });
      expect(notChild.length).toBeGreaterThan(0);
      for (const relation of notChild) expect(check(A, minor, { relation })).toEqual({ ok: false, code: 'MINOR_NEEDS_PARENT' });
    });
    it('when a parent binds a baby born today, then it is allowed once the guardian activated the e-credential', () => {
      const baby = childBornOn(TODAY);
      expect(check(A, { ...baby, eCredentialActive: false }, { relation: 'child' })).toEqual({
        ok: false,
        code: 'BENEFICIARY_ECREDENTIAL_INACTIVE',
      });
      expect(check(A, baby, { relation: 'child' })).toEqual({ ok: true, needsAcceptance: false });
    });
    it('when a non-parent binds a minor whose e-credential is not active, then MINOR_NEEDS_PARENT is what they are told', () => {
      expect(check(A, { ...childBornOn(minorOn(policy, TODAY)), eCredentialActive: false }, { relation: peer })).toEqual({
        ok: false,
        code: 'MINOR_NEEDS_PARENT',
      });
    });
    it('when the minor already has as many parents bound as the region allows, then the next gets BENEFICIARY_ALREADY_BOUND', () => {
      const minor = childBornOn(minorOn(policy, TODAY));
      const parents = Array.from({ length: policy.maxAuthorizersPerBeneficiary }, (_, n) => edge(person({ seq: 600 + n }, policy), minor));
      expect(check(C, minor, { relation: 'child', bindings: parents })).toEqual({ ok: false, code: 'BENEFICIARY_ALREADY_BOUND' });
    });
  });

  describe('bad input', () => {
    it('when today is not a date, then RangeError', () => {
      expect(() => check(A, B, { today: '2026-02-30' })).toThrow(RangeError);
      expect(() => check(A, B, { today: 'yesterday' })).toThrow(RangeError);
    });
    it('when the beneficiary has no valid birth date, then RangeError', () => {
      expect(() => check(A, { ...B, birthDate: '1955-02-30' })).toThrow(RangeError);
    });
  });
});

describe('checkBinding: the named policies', () => {
  const A = person({ seq: 11 });
  const B = person({ seq: 21, born: '1955-03-02' });
  const C = person({ seq: 31, born: '1985-08-08' });

  it('when the authorizer is a Lhasa employee and the relative is in Ngari (542521), then Tibet 2022 allows it', () => {
    expect(checkBinding({ authorizer: A, beneficiary: { ...C, region: '542521' }, relation: 'sibling', activeBindings: [], today: TODAY }, TIBET_2022)).toEqual({
      ok: true,
      needsAcceptance: true,
    });
  });
  it('when A→B is active under Ngari 2025, then C may bind B too, up to the maximum of 5, and B still cannot bind A', () => {
    expect(NGARI_2025.maxAuthorizersPerBeneficiary).toBe(5);
    const bind = (a: PersonFacts, b: PersonFacts, bindings: BindingEdge[], relation: Relation = 'parent') =>
      checkBinding({ authorizer: a, beneficiary: b, relation, activeBindings: bindings, today: TODAY }, NGARI_2025);
    expect(bind(C, B, [edge(A, B)])).toEqual({ ok: true, needsAcceptance: true });
    expect(bind(B, A, [edge(A, B)], 'child')).toEqual({ ok: false, code: 'REVERSE_BINDING' });
  });
});
