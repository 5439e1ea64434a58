import { describe, expect, it } from 'vitest';
import {
  bindingsEndedByInsuranceChange,
  checkEndBinding,
  checkPremiumPayment,
  TIBET_2022,
  type PremiumPaymentInput,
} from '../src';
import { person } from './people';
import { areaOutside, REGIONS } from './policies/region';

describe('R15 the resident premium from the shared account', () => {
  const base: PremiumPaymentInput = {
    beneficiary: { insurance: 'resident', status: 'active' },
    bound: true,
    authorizerBalance: 500000,
    amountDue: 40000,
    alreadyPaid: false,
  };

  it('when a bound resident relative owes 400 yuan and the authorizer holds 5000, then it is paid whole', () => {
    expect(checkPremiumPayment(base)).toEqual({ ok: true, amount: 40000 });
  });
  it('when the relative is employee-insured, then PREMIUM_ONLY_FOR_RESIDENT', () => {
    expect(checkPremiumPayment({ ...base, beneficiary: { insurance: 'employee', status: 'active' } })).toEqual({
      ok: false,
      code: 'PREMIUM_ONLY_FOR_RESIDENT',
    });
  });
  it('when there is no active binding, then NOT_BOUND (R10: only for a bound relative)', () => {
    expect(checkPremiumPayment({ ...base, bound: false })).toEqual({ ok: false, code: 'NOT_BOUND' });
  });
  it('when the premium of that year is paid, then PREMIUM_ALREADY_PAID', () => {
    expect(checkPremiumPayment({ ...base, alreadyPaid: true })).toEqual({ ok: false, code: 'PREMIUM_ALREADY_PAID' });
  });
  it('when nothing is due in the table, then PREMIUM_NOT_DUE', () => {
    expect(checkPremiumPayment({ ...base, amountDue: null })).toEqual({ ok: false, code: 'PREMIUM_NOT_DUE' });
    expect(checkPremiumPayment({ ...base, amountDue: 0 })).toEqual({ ok: false, code: 'PREMIUM_NOT_DUE' });
  });
  describe.each(REGIONS)('R13 under $name', (policy) => {
    const floor = policy.reserveFloor;
    // floor: only what is above the floor; gate: all of it once the balance is above the floor.
    it.each([
      [floor + 40000, true],
      [floor + 39999, policy.reserveMode === 'gate'],
      [floor, false],
      [0, false],
    ])('when the authorizer holds %i fen, then a 400-yuan premium is payable: %s', (balance, payable) => {
      expect(checkPremiumPayment({ ...base, authorizerBalance: balance }, policy)).toEqual(
        payable ? { ok: true, amount: 40000 } : { ok: false, code: 'INSUFFICIENT_SHARED_BALANCE' },
      );
    });
  });
  it('when the gate variant of R13 applies and the balance is 3000.01 yuan, then the premium is paid in full', () => {
    expect(
      checkPremiumPayment({ ...base, authorizerBalance: 300001, amountDue: 300001 }, { ...TIBET_2022, reserveMode: 'gate' }),
    ).toEqual({ ok: true, amount: 300001 });
  });
  it('when an amount is not fen, then RangeError', () => {
    expect(() => checkPremiumPayment({ ...base, amountDue: -5 })).toThrow(RangeError);
    expect(() => checkPremiumPayment({ ...base, authorizerBalance: 1.5 })).toThrow(RangeError);
  });
});

describe('R6/R7 ending a binding', () => {
  const binding = { authorizerId: 'A', beneficiaryId: 'B', status: 'active' as const };

  it('when the authorizer ends it with a fresh face verification, then it ends at once, by the authorizer', () => {
    expect(checkEndBinding({ binding, actorId: 'A', faceVerified: true })).toEqual({ ok: true, reason: 'ENDED_BY_AUTHORIZER' });
  });
  it('when the beneficiary ends it with a face verification (DECISION), then it ends, by the beneficiary', () => {
    expect(checkEndBinding({ binding, actorId: 'B', faceVerified: true })).toEqual({ ok: true, reason: 'ENDED_BY_BENEFICIARY' });
  });
  it('when either side has no fresh face verification, then FACE_VERIFICATION_REQUIRED', () => {
    expect(checkEndBinding({ binding, actorId: 'A', faceVerified: false })).toEqual({
      ok: false,
      code: 'FACE_VERIFICATION_REQUIRED',
    });
    expect(checkEndBinding({ binding, actorId: 'B', faceVerified: false })).toEqual({
      ok: false,
      code: 'FACE_VERIFICATION_REQUIRED',
    });
  });
  it('when a third person asks, then FORBIDDEN, face or not', () => {
    expect(checkEndBinding({ binding, actorId: 'C', faceVerified: true })).toEqual({ ok: false, code: 'FORBIDDEN' });
  });
  it('when the binding has ended already or does not exist, then NOT_BOUND', () => {
    expect(checkEndBinding({ binding: { ...binding, status: 'ended' }, actorId: 'A', faceVerified: true })).toEqual({
      ok: false,
      code: 'NOT_BOUND',
    });
    expect(checkEndBinding({ binding: null, actorId: 'A', faceVerified: true })).toEqual({ ok: false, code: 'NOT_BOUND' });
  });
});

describe.each(REGIONS)('R8 an authorizer who stops being employee-insured, under $name', (policy) => {
  const A = person({ seq: 11 }, policy);
  const B = person({ seq: 21 }, policy);
  const C = person({ seq: 31 }, policy);
  const X = person({ seq: 41 }, policy);
  const active = [
    { authorizerId: A.id, beneficiaryId: B.id },
    { authorizerId: A.id, beneficiaryId: C.id },
    { authorizerId: X.id, beneficiaryId: A.id },
  ];

  it.each([
    ['switches to resident insurance', { insurance: 'resident' as const }],
    ['is no longer insured', { insurance: null }],
    ['has their insurance terminated', { status: 'terminated' as const }],
    ['moves their insurance out of the region', { region: areaOutside(policy) }],
  ])('when A %s, then both of A’s bindings end with the reason, and the one where A benefits stays', (_l, change) => {
    expect(bindingsEndedByInsuranceChange({ ...A, ...change }, active, policy)).toEqual([
      { authorizerId: A.id, beneficiaryId: B.id, reason: 'AUTHORIZER_LEFT_EMPLOYEE_INSURANCE' },
      { authorizerId: A.id, beneficiaryId: C.id, reason: 'AUTHORIZER_LEFT_EMPLOYEE_INSURANCE' },
    ]);
  });

  it('when A is still an employee, or only suspended, then nothing ends', () => {
    expect(bindingsEndedByInsuranceChange(A, active, policy)).toEqual([]);
    expect(bindingsEndedByInsuranceChange({ ...A, status: 'suspended' }, active, policy)).toEqual([]);
  });
});
