import type { DeductionPageSchema, SettlementResult } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { demoPerson } from '../src/platform/demo-people';
import { DEMO_INSTITUTIONS, institutionRef } from '../src/platform/institutions';
import { REGIONS } from '../../shared/test/policies/region';
import { nextId, startHarness, type Harness } from './harness';

let h: Harness;

const pharmacy = DEMO_INSTITUTIONS[3]!;
const hospital = DEMO_INSTITUTIONS[0]!;
const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

/** The card holder by ID number, as the test people are known; the platform-side request names the person number. */
async function settle(holder: string, charge: number, extra: Record<string, unknown> = {}) {
  return h.api<SettlementResult>('POST', '/v1/settlements', {
    settlementId: nextId('S'),
    cardHolderPsnNo: await h.psn(holder),
    charge,
    institution: pharmacy,
    ...extra,
  });
}
const balance = async (id: string) => (await h.call('person', { params: { psnNo: await h.psn(id) } })).body.balance;
type DeductionPage = z.infer<typeof DeductionPageSchema>;

async function pair(authorizerBalance: number, beneficiary: Record<string, unknown> = {}) {
  const a = await h.newPerson({ balance: authorizerBalance });
  const b = await h.newPerson({ born: '1960-02-02', ...beneficiary });
  const bound = await h.bind(a, b);
  expect(bound.status).toBe(201);
  return { a, b };
}

// The counter's money rules run under every policy of REGIONS: balances are written from the
// policy's floor, and what family use may take from them from its reserve mode (R13).
describe.each(REGIONS)('platform: settlements at the counter under $name', (policy) => {
  // No demo seed: the demo family is Tibet's (540…) and would be refused in another region.
  beforeAll(async () => {
    h = await startHarness({ policy, seed: false });
  });
  afterAll(async () => h.close());
  const floor = policy.reserveFloor;
  /** What family use may take from an authorizer holding `extra` fen above the floor. */
  const usableAbove = (extra: number) => (policy.reserveMode === 'floor' ? extra : floor + extra);
  const rich = floor + 200_000;

  it('when an employee beneficiary pays (R11), then the own account pays first and the authorizer the shortfall', async () => {
    const { a, b } = await pair(rich, { balance: 2000 });
    const { status, body } = await settle(b.idNumber, 12000);
    expect(status).toBe(200);
    expect(body).toMatchObject({ own: 2000, cash: 0, ownBalanceAfter: 0, shared: [{ authorizerId: await h.psn(a.idNumber), amount: 10000 }] });
    expect(await balance(a.idNumber)).toBe(rich - 10000);
    expect(await balance(b.idNumber)).toBe(0);
  });

  it('when a resident beneficiary pays (R12), then the authorizer pays directly, only what the reserve allows (R13), rest cash (R15)', async () => {
    const { a, b } = await pair(floor + 10000, { insurance: 'resident' });
    const charge = usableAbove(10000) + 15000;
    const { body } = await settle(b.idNumber, charge);
    expect(body).toMatchObject({ own: 0, ownBalanceAfter: null, shared: [{ amount: usableAbove(10000) }], cash: 15000 });
    const left = floor + 10000 - usableAbove(10000);
    expect(await balance(a.idNumber)).toBe(left);
    expect(left).toBeLessThanOrEqual(floor);
    const next = await settle(b.idNumber, 500);
    expect(next.body).toMatchObject({ shared: [], cash: 500 });
  });

  it('when both accounts could cover and the counter chooses the authorizer (R11), then the authorizer pays all', async () => {
    const { a, b } = await pair(rich, { balance: 100000 });
    const { body } = await settle(b.idNumber, 5000, { choice: 'authorizer' });
    expect(body).toMatchObject({ own: 0, shared: [{ authorizerId: await h.psn(a.idNumber), amount: 5000 }], cash: 0 });
    expect(await balance(b.idNumber)).toBe(100000);
  });

  it('when the beneficiary saved "authorizer" as preference, then it applies without a per-payment choice', async () => {
    const { a, b } = await pair(rich, { balance: 100000 });
    expect((await h.call('setPreferences', { params: { psnNo: await h.psn(b.idNumber) }, body: { accountChoice: 'authorizer' } })).status).toBe(200);
    const { body } = await settle(b.idNumber, 5000);
    expect(body.shared).toEqual([{ authorizerId: await h.psn(a.idNumber), authorizerName: a.name, amount: 5000 }]);
    const own = await settle(b.idNumber, 5000, { choice: 'own' });
    expect(own.body).toMatchObject({ own: 5000, shared: [] });
  });

  it('when the authorizer pays for anyone (R10), then never from a beneficiary: the authorizer’s own payment uses only their own account', async () => {
    const { a, b } = await pair(floor + 100_000, { balance: 900000 });
    const { body } = await settle(a.idNumber, floor + 200_000);
    expect(body).toMatchObject({ own: floor + 100_000, shared: [], cash: 100000 });
    expect(await balance(b.idNumber)).toBe(900000);
  });

  it('when the binding has ended (R7), then no more money flows from the authorizer', async () => {
    const { a, b } = await pair(rich, { insurance: 'resident' });
    const list = await h.call('bindings', { params: { psnNo: await h.psn(b.idNumber) } });
    await h.call('endBinding', { params: { bindingId: list.body.asBeneficiary[0]!.bindingId }, body: { actorPsnNo: await h.psn(a.idNumber), faceVerified: true } });
    const { body } = await settle(b.idNumber, 5000);
    expect(body).toMatchObject({ shared: [], cash: 5000 });
    expect(await balance(a.idNumber)).toBe(rich);
  });

  it('when the authorizer’s account is suspended, then family use pauses (R2) and the binding stays', async () => {
    const { a, b } = await pair(rich, { insurance: 'resident' });
    await h.call('adminChangeInsurance', { params: { psnNo: await h.psn(a.idNumber) }, body: { status: 'suspended' } });
    expect((await settle(b.idNumber, 5000)).body).toMatchObject({ shared: [], cash: 5000 });
    await h.call('adminChangeInsurance', { params: { psnNo: await h.psn(a.idNumber) }, body: { status: 'active' } });
    expect((await settle(b.idNumber, 5000)).body).toMatchObject({ shared: [{ amount: 5000 }], cash: 0 });
  });

  describe('R17 applied once', () => {
    it('when a settlement is retried with the same id and content, then the first result comes back and nothing moves again', async () => {
      const { a, b } = await pair(rich, { insurance: 'resident' });
      const request = { settlementId: nextId('R'), cardHolderPsnNo: b.psnNo, charge: 7000, institution: hospital };
      const first = await h.api<SettlementResult>('POST', '/v1/settlements', request);
      const retries = await Promise.all([1, 2, 3, 4, 5].map(() => h.api<SettlementResult>('POST', '/v1/settlements', request)));
      for (const r of retries) expect(r.body).toEqual(first.body);
      expect(await balance(a.idNumber)).toBe(rich - 7000);
    });

    it('when the same id comes with another amount or card holder, then IDEMPOTENCY_KEY_REUSED and nothing moves', async () => {
      const { a, b } = await pair(rich, { insurance: 'resident' });
      const other = await h.newPerson({ balance: 1000 });
      const request = { settlementId: nextId('K'), cardHolderPsnNo: b.psnNo, charge: 7000, institution: hospital };
      await h.api('POST', '/v1/settlements', request);
      const changed = await h.api('POST', '/v1/settlements', { ...request, charge: 7001 });
      expect([changed.status, errorCode(changed.body)]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
      const otherHolder = await h.api('POST', '/v1/settlements', { ...request, cardHolderPsnNo: await h.psn(other.idNumber) });
      expect(errorCode(otherHolder.body)).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await balance(a.idNumber)).toBe(rich - 7000);
      expect(await balance(other.idNumber)).toBe(1000);
    });

    it('when 200 settlements hit one authorizer concurrently, then the balance never goes below the reserve and the ledger sums to the change', async () => {
      const start = floor + 123456;
      const a = await h.newPerson({ balance: start });
      const beneficiaries = await Promise.all([1, 2, 3, 4].map(() => h.newPerson({ insurance: 'resident' })));
      for (const b of beneficiaries) {
        await h.bind(a, b, { relation: 'parent', bindingId: nextId('c') });
      }
      const charges = Array.from({ length: 200 }, (_, i) => 500 + ((i * 7919) % 3000));
      const results = await Promise.all(charges.map((charge, i) => settle(beneficiaries[i % 4]!.idNumber, charge)));
      expect(results.every((r) => r.status === 200)).toBe(true);
      const after = await balance(a.idNumber);
      // floor: never below the reserve; gate: nothing once at or below it, so at most one charge below.
      if (policy.reserveMode === 'floor') expect(after).toBeGreaterThanOrEqual(floor);
      else expect(after).toBeGreaterThan(floor - Math.max(...charges));
      const sharedTotal = results.reduce((s, r) => s + r.body.shared.reduce((x, p) => x + p.amount, 0), 0);
      expect(sharedTotal).toBe(start - after);
      for (const r of results) expect(r.body.own + r.body.cash + r.body.shared.reduce((x, p) => x + p.amount, 0)).toBe(r.body.charge);
      let ledgerSum = 0;
      let cursor: string | null = null;
      do {
        const page: { body: DeductionPage } = await h.call('deductions', { params: { psnNo: a.psnNo }, query: { limit: 100, cursor: cursor ?? undefined } });
        ledgerSum += page.body.items.reduce((s, d) => s + d.amount, 0);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(ledgerSum).toBe(start - after);
      // 200 charges of ≥ 5 yuan exceed what is usable: floor mode reaches the reserve exactly, gate stops at or under it.
      if (policy.reserveMode === 'floor') expect(after).toBe(floor);
      else expect(after).toBeLessThanOrEqual(floor);
    });
  });

  describe('R16 every deduction is recorded', () => {
    it('when a relative pays, then the authorizer sees settlement id, time, institution, kind, beneficiary, amount and balance after', async () => {
      const { a, b } = await pair(rich, { insurance: 'resident' });
      const { body } = await settle(b.idNumber, 4321, { institution: hospital });
      const page = await h.call('deductions', { params: { psnNo: await h.psn(a.idNumber) } });
      expect(page.body.items[0]).toMatchObject({
        operationId: body.settlementId,
        kind: 'settlement',
        accountHolderId: await h.psn(a.idNumber),
        beneficiaryId: await h.psn(b.idNumber),
        beneficiaryName: b.name,
        institution: institutionRef(hospital),
        amount: 4321,
        balanceAfter: rich - 4321,
      });
      expect(page.body.items[0]!.at).toBe(body.at);
      const payments = await h.call('payments', { params: { psnNo: await h.psn(b.idNumber) } });
      expect(payments.body.items[0]).toMatchObject({ settlementId: body.settlementId, charge: 4321, own: 0, cash: 0, shared: [{ authorizerId: await h.psn(a.idNumber), amount: 4321 }] });
      expect(JSON.stringify(payments.body)).not.toContain('balanceAfter'); // the beneficiary never sees the authorizer's balance
    });

    it('when the history is long, then cursor pages walk it newest first without gaps, filtered by relative and by month', async () => {
      const a = await h.newPerson({ balance: 10_000_000 });
      const [b, c] = await Promise.all([h.newPerson({ insurance: 'resident' }), h.newPerson({ insurance: 'resident' })]);
      for (const x of [b, c]) {
        await h.bind(a, x, { relation: 'parent', bindingId: nextId('p') });
      }
      for (let i = 0; i < 45; i += 1) await settle((i % 3 === 0 ? c : b).idNumber, 100 + i);
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: DeductionPage } = await h.call('deductions', { params: { psnNo: a.psnNo }, query: { limit: 10, beneficiary: b.psnNo, cursor: cursor ?? undefined } });
        expect(page.body.items.length).toBeLessThanOrEqual(10);
        seen.push(...page.body.items.map((d) => d.amount));
        cursor = page.body.nextCursor;
      } while (cursor);
      const expected = Array.from({ length: 45 }, (_, i) => i).filter((i) => i % 3 !== 0).map((i) => 100 + i).reverse();
      expect(seen).toEqual(expected);
      const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
      const inMonth = await h.call('deductions', { params: { psnNo: a.psnNo }, query: { month, limit: 100 } });
      expect(inMonth.body.items).toHaveLength(45);
      const otherMonth = await h.call('deductions', { params: { psnNo: a.psnNo }, query: { month: '2020-01' } });
      expect(otherMonth.body.items).toHaveLength(0);
      const totals = await h.call('monthly', { params: { psnNo: a.psnNo }, query: { year: month.slice(0, 4) } });
      const row = totals.body.months.find((m) => m.month === month)!;
      expect(row.total).toBe(Array.from({ length: 45 }, (_, i) => 100 + i).reduce((s, x) => s + x, 0));
      expect(row.byBeneficiary[await h.psn(c.idNumber)]).toBe(Array.from({ length: 15 }, (_, k) => 100 + 3 * k).reduce((s, x) => s + x, 0));
    });
  });

  describe('bad input never changes state', () => {
    it.each([
      ['a negative charge', { charge: -1 }],
      ['a fractional charge', { charge: 10.5 }],
      ['a charge as a string', { charge: '100' }],
      ['a card holder named by ID number instead of person number', { cardHolderPsnNo: '540102199001011234' }],
      ['an unknown institution kind', { institution: { ...pharmacy, kind: 'bank' } }],
      ['a settlement id with odd characters', { settlementId: 'x/../y' }],
    ])('when the POS sends %s, then 400 VALIDATION_FAILED', async (_label, change) => {
      const { a, b } = await pair(rich, { insurance: 'resident' });
      const result = await h.api('POST', '/v1/settlements', { settlementId: nextId('V'), cardHolderPsnNo: await h.psn(b.idNumber), charge: 100, institution: pharmacy, ...change });
      expect([result.status, errorCode(result.body)]).toEqual([400, 'VALIDATION_FAILED']);
      expect(await balance(a.idNumber)).toBe(rich);
    });

    it('when the card holder is uninsured, then PAYER_NOT_INSURED; when unknown, PERSON_NOT_FOUND', async () => {
      const uninsured = await h.newPerson({ insurance: null });
      expect(errorCode((await settle(uninsured.idNumber, 100)).body)).toBe('PAYER_NOT_INSURED');
      const unknown = await h.api('POST', '/v1/settlements', { settlementId: nextId('S'), cardHolderPsnNo: 'P0000000000000000', charge: 100, institution: pharmacy });
      expect(errorCode(unknown.body)).toBe('PERSON_NOT_FOUND');
    });

    it('when the body is not JSON or the key is missing, then 400 or 401 with a code', async () => {
      const notJson = await h.api('POST', '/v1/settlements', '{"charge": ');
      expect([notJson.status, errorCode(notJson.body)]).toEqual([400, 'VALIDATION_FAILED']);
      const noKey = await h.api('POST', '/v1/settlements', {}, { 'x-platform-key': 'wrong' });
      expect([noKey.status, errorCode(noKey.body)]).toEqual([401, 'UNAUTHENTICATED']);
    });
  });
});

describe('platform: the demo family at the counter (Tibet 2022 seed)', () => {
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('when the demo chain pays (R5: 拉巴 → 边巴 → 德吉), then 德吉 spends from 边巴 only, never from 拉巴', async () => {
    const laba = demoPerson('laba');
    const bianba = demoPerson('bianba');
    const deji = demoPerson('deji');
    const labaBefore = await balance(laba.idNumber);
    const { body } = await settle(deji.idNumber, 8000);
    expect(body).toMatchObject({ own: 0, shared: [], cash: 8000 }); // 边巴 holds 500 yuan, far under the reserve
    await h.api('PUT', `/v1/admin/persons/${await h.psn(bianba.idNumber)}/balance`, { balance: 320000 });
    const second = await settle(deji.idNumber, 8000);
    expect(second.body).toMatchObject({ shared: [{ authorizerId: await h.psn(bianba.idNumber), amount: 8000 }], cash: 0 });
    expect(await balance(laba.idNumber)).toBe(labaBefore);
  });
});
