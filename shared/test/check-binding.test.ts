import { describe, expect, it } from 'vitest';
import { checkBinding, NGARI_2025, TIBET_2022, type BindingEdge, type PersonFacts, type Policy, type Relation } from '../src';
import { person, TODAY } from './people';

const A = person({ seq: 11 }); // authorizer: Lhasa employee
const B = person({ seq: 21, born: '1955-03-02' }); // a parent
const C = person({ seq: 31, born: '1985-08-08' }); // another employee
const D = person({ seq: 41, born: '1960-10-10', insurance: 'resident' });

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
    options.policy,
  );
}

const edge = (a: PersonFacts, b: PersonFacts): BindingEdge => ({ authorizerId: a.id, beneficiaryId: b.id });

describe('checkBinding', () => {
  it('when an activated Tibet employee binds an activated insured parent, then it is allowed and needs acceptance', () => {
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
      ['an authorizer insured in Sichuan (510104)', { region: '510104' }, 'AUTHORIZER_NOT_IN_REGION'],
      ['an authorizer whose account is suspended', { status: 'suspended' }, 'AUTHORIZER_ACCOUNT_ABNORMAL'],
      ['an authorizer whose insurance ended', { status: 'terminated' }, 'AUTHORIZER_ACCOUNT_ABNORMAL'],
    ])('when %s binds, then %s', (_label, change, code) => {
      expect(check({ ...A, ...change }, B)).toEqual({ ok: false, code });
    });

    it.each<[string, Partial<PersonFacts>, string]>([
      ['an uninsured relative', { insurance: null }, 'BENEFICIARY_NOT_INSURED'],
      ['a relative insured in Qinghai (630102)', { region: '630102' }, 'BENEFICIARY_NOT_INSURED'],
      ['a relative whose insurance ended', { status: 'terminated' }, 'BENEFICIARY_NOT_INSURED'],
      ['a relative whose insurance is suspended', { status: 'suspended' }, 'BENEFICIARY_ACCOUNT_ABNORMAL'],
    ])('when the beneficiary is %s, then %s', (_label, change, code) => {
      expect(check(A, { ...B, ...change })).toEqual({ ok: false, code });
    });

    it('when the beneficiary is resident-insured in Tibet, then it is allowed', () => {
      expect(check(A, D)).toEqual({ ok: true, needsAcceptance: true });
    });

    it('when the beneficiary is employee-insured in Ngari (542521), then it is allowed', () => {
      expect(check(A, { ...C, region: '542521' }, { relation: 'sibling' })).toEqual({ ok: true, needsAcceptance: true });
    });
  });

  describe('R3 close relatives only, nobody binds themselves', () => {
    it.each(['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild'] as const)(
      'when the relation is %s under Tibet 2022, then it is allowed',
      (relation) => {
        expect(check(A, B, { relation }).ok).toBe(true);
      },
    );

    it('when a region narrows the list to spouse, parent and child, then a sibling is RELATION_NOT_ALLOWED', () => {
      const narrow: Policy = { ...TIBET_2022, allowedRelations: ['spouse', 'parent', 'child'] };
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

  describe('R4 one-way, at most once at a time', () => {
    it('when A→B is active and B binds A, then REVERSE_BINDING', () => {
      expect(check(B, A, { relation: 'child', bindings: [edge(A, B)] })).toEqual({ ok: false, code: 'REVERSE_BINDING' });
    });
    it('when A→B is active and C binds B, then BENEFICIARY_ALREADY_BOUND (Tibet 2022: one authorizer)', () => {
      expect(check(C, B, { bindings: [edge(A, B)] })).toEqual({ ok: false, code: 'BENEFICIARY_ALREADY_BOUND' });
    });
    it('when A→B is active and A binds B again, then DUPLICATE_BINDING', () => {
      expect(check(A, B, { bindings: [edge(A, B)] })).toEqual({ ok: false, code: 'DUPLICATE_BINDING' });
    });
    it('when A→B is active, then A may still bind D (one authorizer, several beneficiaries)', () => {
      expect(check(A, D, { bindings: [edge(A, B)] }).ok).toBe(true);
    });
    it('when A→B is active under Ngari 2025, then C may bind B too, up to the maximum of 5', () => {
      expect(check(C, B, { bindings: [edge(A, B)], policy: NGARI_2025 })).toEqual({ ok: true, needsAcceptance: true });
      const others = [1, 2, 3, 4, 5].map((n) => person({ seq: 500 + n }));
      const full = others.map((o) => edge(o, B));
      expect(check(C, B, { bindings: full.slice(0, 4), policy: NGARI_2025 }).ok).toBe(true);
      expect(check(C, B, { bindings: full, policy: NGARI_2025 })).toEqual({ ok: false, code: 'BENEFICIARY_ALREADY_BOUND' });
    });
    it('when A→B is active under Ngari 2025, then B still cannot bind A (no reverse under any policy)', () => {
      expect(check(B, A, { bindings: [edge(A, B)], policy: NGARI_2025, relation: 'child' })).toEqual({
        ok: false,
        code: 'REVERSE_BINDING',
      });
    });
  });

  describe('R5 chains are allowed', () => {
    it('when A→B is active and B (an employee) binds C, then it is allowed', () => {
      expect(check(B, C, { bindings: [edge(A, B)], relation: 'child' })).toEqual({ ok: true, needsAcceptance: true });
    });
    it('when A→B and B→C are active, then C binding A is not a reverse binding and is allowed', () => {
      expect(check(C, A, { bindings: [edge(A, B), edge(B, C)], relation: 'sibling' }).ok).toBe(true);
    });
    it('when A→B and B→C are active, then A cannot bind C under Tibet 2022 (C has an authorizer)', () => {
      expect(check(A, C, { bindings: [edge(A, B), edge(B, C)] })).toEqual({ ok: false, code: 'BENEFICIARY_ALREADY_BOUND' });
    });
  });

  describe('R7 after a binding ends, both may be bound by others again', () => {
    it('when A→B is no longer among the active bindings, then C may bind B and B may bind A', () => {
      expect(check(C, B, { bindings: [] }).ok).toBe(true);
      expect(check(B, A, { bindings: [], relation: 'child' }).ok).toBe(true);
    });
  });

  describe('R18 minors are bound by a parent, without acceptance', () => {
    const childBornOn = (born: string) => person({ seq: 62, born, insurance: 'resident' });

    it('when the child turns 16 on the binding day, then they are an adult and must accept', () => {
      expect(check(A, childBornOn('2010-11-22'), { relation: 'child' })).toEqual({ ok: true, needsAcceptance: true });
      expect(check(A, childBornOn('2010-11-22'), { relation: 'sibling' })).toEqual({ ok: true, needsAcceptance: true });
    });
    it('when the child turns 16 the day after the binding day, then only a parent binds, with no acceptance', () => {
      const minor = childBornOn('2010-11-23');
      expect(check(A, minor, { relation: 'child' })).toEqual({ ok: true, needsAcceptance: false });
      expect(check(A, minor, { relation: 'sibling' })).toEqual({ ok: false, code: 'MINOR_NEEDS_PARENT' });
      expect(check(A, minor, { relation: 'grandchild' })).toEqual({ ok: false, code: 'MINOR_NEEDS_PARENT' });
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
      expect(check(A, { ...childBornOn('2015-01-01'), eCredentialActive: false }, { relation: 'sibling' })).toEqual({
        ok: false,
        code: 'MINOR_NEEDS_PARENT',
      });
    });
    it('when the minor already has a parent bound under Tibet 2022, then the other parent gets BENEFICIARY_ALREADY_BOUND', () => {
      const minor = childBornOn('2015-01-01');
      expect(check(C, minor, { relation: 'child', bindings: [edge(A, minor)] })).toEqual({
        ok: false,
        code: 'BENEFICIARY_ALREADY_BOUND',
      });
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
