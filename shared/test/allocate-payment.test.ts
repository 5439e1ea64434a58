import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePayment, NGARI_2025, TIBET_2022, usableSharedBalance, type AllocatePaymentInput, type Policy } from '../src';
import { REGIONS } from './policies/region';
import { TEST_REGION } from './policies/test-region';
import { R13_CASES, r13CasesOf } from './r13-cases';

const GATE: Policy = { ...TIBET_2022, reserveMode: 'gate' };
const yuan = (n: number) => Math.round(n * 100);

const employee = (balance: number) => ({ insurance: 'employee' as const, balance });
const resident = { insurance: 'resident' as const, balance: 0 };

// R10–R13 run under every policy of REGIONS: balances are written from the policy's floor, and
// what family use may take from them from its reserve mode.
describe.each(REGIONS)('allocatePayment under $name', (policy) => {
  const floor = policy.reserveFloor;
  /** An authorizer `extra` fen above the floor, and what family use may take from it (R13). */
  const above = (extra: number) => ({ balance: floor + extra, usable: policy.reserveMode === 'floor' ? extra : floor + extra });
  const allocate = (input: AllocatePaymentInput) => allocatePayment(input, policy);

  describe('R10/R11 an employee-insured beneficiary pays from their own account first', () => {
    it('when the own account covers the charge, then it pays everything and the authorizer nothing', () => {
      expect(
        allocate({ charge: 5000, payer: employee(10000), authorizers: [{ id: 'A', balance: above(200000).balance }] }),
      ).toEqual({ own: 5000, shared: [], cash: 0 });
    });
    it('when the own account falls short, then the shortfall comes from the authorizer', () => {
      expect(
        allocate({ charge: 12000, payer: employee(2000), authorizers: [{ id: 'A', balance: above(200000).balance }] }),
      ).toEqual({ own: 2000, shared: [{ authorizerId: 'A', amount: 10000 }], cash: 0 });
    });
    it('when the own balance is 0, then the authorizer pays all it can and cash the rest', () => {
      expect(
        allocate({ charge: yuan(250), payer: employee(0), authorizers: [{ id: 'A', balance: above(yuan(100)).balance }] }),
      ).toEqual({ own: 0, shared: [{ authorizerId: 'A', amount: Math.min(yuan(250), above(yuan(100)).usable) }], cash: yuan(250) - Math.min(yuan(250), above(yuan(100)).usable) });
    });
    it('when both accounts can cover and the beneficiary chooses the authorizer, then the authorizer pays all', () => {
      expect(
        allocate({
          charge: 5000,
          payer: employee(10000),
          authorizers: [{ id: 'A', balance: above(200000).balance }],
          choice: 'authorizer',
        }),
      ).toEqual({ own: 0, shared: [{ authorizerId: 'A', amount: 5000 }], cash: 0 });
    });
    it('when the beneficiary chooses the authorizer but the own account cannot cover, then own pays first anyway', () => {
      expect(
        allocate({
          charge: 5000,
          payer: employee(4000),
          authorizers: [{ id: 'A', balance: above(200000).balance }],
          choice: 'authorizer',
        }),
      ).toEqual({ own: 4000, shared: [{ authorizerId: 'A', amount: 1000 }], cash: 0 });
    });
    it('when the beneficiary chooses the authorizer but the authorizer is at the floor and cannot cover, then own pays (choice ignored)', () => {
      expect(
        allocate({
          charge: 5000,
          payer: employee(10000),
          authorizers: [{ id: 'A', balance: floor }],
          choice: 'authorizer',
        }),
      ).toEqual({ own: 5000, shared: [], cash: 0 });
    });
    it('when the choice is "own", then it is the default order', () => {
      const input = { charge: 5000, payer: employee(10000), authorizers: [{ id: 'A', balance: above(200000).balance }] };
      expect(allocate({ ...input, choice: 'own' })).toEqual(allocatePayment(input));
    });
    it('when there is no authorizer, then the own account and cash pay', () => {
      expect(allocate({ charge: 5000, payer: employee(1200), authorizers: [] })).toEqual({
        own: 1200,
        shared: [],
        cash: 3800,
      });
    });
    it('when the own account is used, then no reserve applies to it (R13 is for family use only)', () => {
      expect(allocate({ charge: yuan(100), payer: employee(yuan(100)), authorizers: [] }).own).toBe(yuan(100));
    });
    it('when the charge is 0, then nothing is taken from anyone', () => {
      expect(allocate({ charge: 0, payer: employee(100), authorizers: [{ id: 'A', balance: above(600000).balance }] })).toEqual({
        own: 0,
        shared: [],
        cash: 0,
      });
    });
  });

  describe('R12 a resident-insured beneficiary pays from the authorizer directly', () => {
    it('when a resident is charged, then the authorizer pays and the own account is never used', () => {
      expect(
        allocate({ charge: 8000, payer: resident, authorizers: [{ id: 'A', balance: above(200000).balance }] }),
      ).toEqual({ own: 0, shared: [{ authorizerId: 'A', amount: 8000 }], cash: 0 });
    });
    it('when a resident somehow carries a balance, then it is still never used', () => {
      expect(
        allocate({ charge: 8000, payer: { insurance: 'resident', balance: 99999 }, authorizers: [] }),
      ).toEqual({ own: 0, shared: [], cash: 8000 });
    });
    it('when a resident chooses "own", then there is nothing to choose: the authorizer pays', () => {
      expect(
        allocate({ charge: 8000, payer: resident, authorizers: [{ id: 'A', balance: above(200000).balance }], choice: 'own' }),
      ).toEqual({ own: 0, shared: [{ authorizerId: 'A', amount: 8000 }], cash: 0 });
    });
  });

  describe(`R13 the reserve of ${policy.reserveFloor} fen (${policy.reserveMode})`, () => {
    it.each(r13CasesOf(policy))(
      'when the authorizer holds $balance fen, then family use can take $usable fen and the rest of a large charge is cash',
      ({ balance, usable }) => {
        expect(usableSharedBalance(balance, policy)).toBe(usable);
        const result = allocate({ charge: 10_000_000, payer: resident, authorizers: [{ id: 'A', balance }] });
        expect(result.shared.reduce((s, p) => s + p.amount, 0)).toBe(usable);
        expect(result.cash).toBe(10_000_000 - usable);
      },
    );

    it('when the authorizer holds exactly the floor, then a resident pays the whole charge in cash (R15: never refused)', () => {
      expect(allocate({ charge: 1234, payer: resident, authorizers: [{ id: 'A', balance: floor }] })).toEqual({
        own: 0,
        shared: [],
        cash: 1234,
      });
    });
  });
});

describe('allocatePayment', () => {
  describe('R13 one table with debit.lua', () => {
    it.each(R13_CASES)(
      'when the reserve is $floor fen in $mode mode and the authorizer holds $balance fen, then family use can take $usable fen (the table debit.lua also runs)',
      ({ floor, mode, balance, usable }) => {
        const policy: Policy = { ...TIBET_2022, reserveFloor: floor, reserveMode: mode };
        expect(usableSharedBalance(balance, policy)).toBe(usable);
        const result = allocatePayment({ charge: 10_000_000, payer: resident, authorizers: [{ id: 'A', balance }] }, policy);
        expect(result.shared.reduce((s, p) => s + p.amount, 0)).toBe(usable);
      },
    );
  });

  describe('R14 several authorizers in the beneficiary’s order', () => {
    const authorizers = [
      { id: 'first', balance: 310000 },
      { id: 'second', balance: 300000 },
      { id: 'third', balance: 350000 },
    ];
    it('when the first cannot cover, then the order is walked, skipping one at its reserve', () => {
      expect(allocatePayment({ charge: 40000, payer: employee(5000), authorizers }, NGARI_2025)).toEqual({
        own: 5000,
        shared: [
          { authorizerId: 'first', amount: 10000 },
          { authorizerId: 'third', amount: 25000 },
        ],
        cash: 0,
      });
    });
    it('when all authorizers are exhausted, then the rest is cash', () => {
      expect(allocatePayment({ charge: 100000, payer: resident, authorizers }, NGARI_2025)).toEqual({
        own: 0,
        shared: [
          { authorizerId: 'first', amount: 10000 },
          { authorizerId: 'third', amount: 50000 },
        ],
        cash: 40000,
      });
    });
    it('when the order changes, then the same charge is split in the new order', () => {
      const reordered = [authorizers[2]!, authorizers[0]!, authorizers[1]!];
      expect(allocatePayment({ charge: 55000, payer: resident, authorizers: reordered }, NGARI_2025).shared).toEqual([
        { authorizerId: 'third', amount: 50000 },
        { authorizerId: 'first', amount: 5000 },
      ]);
    });
    it('when several authorizers together can cover and the beneficiary chooses the authorizer, then they pay in order', () => {
      expect(
        allocatePayment({ charge: 55000, payer: employee(60000), authorizers, choice: 'authorizer' }, NGARI_2025),
      ).toEqual({
        own: 0,
        shared: [
          { authorizerId: 'first', amount: 10000 },
          { authorizerId: 'third', amount: 45000 },
        ],
        cash: 0,
      });
    });
  });

  describe('R15 what the accounts cannot cover is cash, never a refusal', () => {
    it('when nobody has anything, then the whole charge is cash', () => {
      expect(allocatePayment({ charge: 777, payer: employee(0), authorizers: [{ id: 'A', balance: 0 }] })).toEqual({
        own: 0,
        shared: [],
        cash: 777,
      });
    });
  });

  describe('bad amounts throw RangeError', () => {
    const base: AllocatePaymentInput = { charge: 100, payer: employee(100), authorizers: [{ id: 'A', balance: 100 }] };
    it.each([-1, 0.5, Number.NaN, Infinity, 2 ** 53])('when the charge is %s, then RangeError', (charge) => {
      expect(() => allocatePayment({ ...base, charge })).toThrow(RangeError);
    });
    it.each([-1, 0.5, Number.NaN])('when a balance is %s, then RangeError', (balance) => {
      expect(() => allocatePayment({ ...base, payer: employee(balance) })).toThrow(RangeError);
      expect(() => allocatePayment({ ...base, authorizers: [{ id: 'A', balance }] })).toThrow(RangeError);
    });
  });

  describe('properties (fast-check)', () => {
    const fen = fc.integer({ min: 0, max: 2_000_000 });
    const input = fc.record({
      charge: fen,
      payer: fc.record({ insurance: fc.constantFrom('employee' as const, 'resident' as const), balance: fen }),
      authorizers: fc.uniqueArray(fc.record({ id: fc.uuid(), balance: fen }), { maxLength: 5, selector: (a) => a.id }),
      choice: fc.option(fc.constantFrom('own' as const, 'authorizer' as const), { nil: undefined }),
    });
    const policy = fc.constantFrom(TIBET_2022, NGARI_2025, GATE, TEST_REGION);

    it('when any charge is allocated, then own + shared + cash = charge and every part is integer fen', () => {
      fc.assert(
        fc.property(input, policy, (i, p) => {
          const r = allocatePayment(i, p);
          const shared = r.shared.reduce((s, x) => s + x.amount, 0);
          expect(r.own + shared + r.cash).toBe(i.charge);
          for (const part of [r.own, r.cash, ...r.shared.map((x) => x.amount)]) {
            expect(Number.isSafeInteger(part) && part >= 0).toBe(true);
          }
          for (const part of r.shared) expect(part.amount).toBeGreaterThan(0);
        }),
        { numRuns: 2000 },
      );
    });

    it('when any charge is allocated, then no authorizer goes below what R13 allows, nor the payer below 0', () => {
      fc.assert(
        fc.property(input, policy, (i, p) => {
          const r = allocatePayment(i, p);
          for (const part of r.shared) {
            const a = i.authorizers.find((x) => x.id === part.authorizerId)!;
            expect(part.amount).toBeLessThanOrEqual(usableSharedBalance(a.balance, p));
            if (p.reserveMode === 'floor') expect(a.balance - part.amount).toBeGreaterThanOrEqual(p.reserveFloor);
          }
          expect(r.own).toBeLessThanOrEqual(i.payer.insurance === 'employee' ? i.payer.balance : 0);
        }),
        { numRuns: 2000 },
      );
    });

    it('when cash is paid, then every source was exhausted', () => {
      fc.assert(
        fc.property(input, policy, (i, p) => {
          const r = allocatePayment(i, p);
          if (r.cash === 0) return;
          if (i.payer.insurance === 'employee') expect(r.own).toBe(i.payer.balance);
          for (const a of i.authorizers) {
            const taken = r.shared.find((x) => x.authorizerId === a.id)?.amount ?? 0;
            expect(taken).toBe(usableSharedBalance(a.balance, p));
          }
        }),
        { numRuns: 2000 },
      );
    });

    it("when authorizers are used, then they follow the given order and a later one pays only after earlier ones are exhausted", () => {
      fc.assert(
        fc.property(input, policy, (i, p) => {
          const r = allocatePayment(i, p);
          const order = i.authorizers.map((a) => a.id);
          const positions = r.shared.map((x) => order.indexOf(x.authorizerId));
          expect([...positions].sort((a, b) => a - b)).toEqual(positions);
          const lastUsed = positions.at(-1) ?? -1;
          for (let k = 0; k < lastUsed; k += 1) {
            const a = i.authorizers[k]!;
            const taken = r.shared.find((x) => x.authorizerId === a.id)?.amount ?? 0;
            expect(taken).toBe(usableSharedBalance(a.balance, p));
          }
        }),
        { numRuns: 2000 },
      );
    });

    it('when an employee chooses nothing, then the authorizers are touched only after the own account is empty', () => {
      fc.assert(
        fc.property(input, policy, (i, p) => {
          const r = allocatePayment({ ...i, choice: undefined }, p);
          if (i.payer.insurance === 'employee' && r.shared.length > 0) expect(r.own).toBe(i.payer.balance);
        }),
        { numRuns: 1000 },
      );
    });

    it('when any amount is negative, fractional or not a number, then RangeError', () => {
      const bad = fc.oneof(
        fc.integer({ max: -1 }),
        fc.double({ noInteger: true, noDefaultInfinity: false }),
        fc.constant(Number.NaN),
        fc.constant(Number.POSITIVE_INFINITY),
      );
      fc.assert(
        fc.property(input, bad, fc.integer({ min: 0, max: 2 }), (i, value, where) => {
          const broken: AllocatePaymentInput =
            where === 0
              ? { ...i, charge: value }
              : where === 1
                ? { ...i, payer: { ...i.payer, balance: value } }
                : { ...i, authorizers: [...i.authorizers, { id: 'bad', balance: value }] };
          expect(() => allocatePayment(broken)).toThrow(RangeError);
        }),
        { numRuns: 1000 },
      );
    });
  });
});
