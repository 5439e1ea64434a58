import { NGARI_2025 } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PREMIUMS } from '../src/platform/demo-people';
import { nextId, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ policy: NGARI_2025 });
});
afterAll(async () => h.close());

const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;
const balance = async (id: string) => (await h.call('person', { params: { psnNo: await h.psn(id) } })).body.balance;
const pay = async (payer: string, beneficiary: string, year = 2026, paymentId = nextId('P')) =>
  h.call('payPremium', { body: { paymentId, payerPsnNo: await h.psn(payer), beneficiaryPsnNo: await h.psn(beneficiary), year } });

async function bound(authorizerBalance: number, relative: Record<string, unknown> = { insurance: 'resident' }) {
  const a = await h.newPerson({ balance: authorizerBalance });
  const b = await h.newPerson({ born: '2001-03-03', ...relative });
  await h.bind(a, b, { relation: 'child' });
  return { a, b };
}

describe('platform: resident premiums from the shared account (R15)', () => {
  it('when a bound resident relative owes the 2026 premium, then it is paid whole, recorded and both are told', async () => {
    const { a, b } = await bound(500000);
    const due = await h.call('premiumStatus', { params: { psnNo: await h.psn(b.idNumber), year: 2026 } });
    expect(due.body).toMatchObject({ amountDue: DEMO_PREMIUMS[2026], status: 'unpaid', demoAmount: true });
    const receipt = await pay(a.idNumber, b.idNumber);
    expect(receipt.status).toBe(200);
    expect(receipt.body).toMatchObject({ amount: 40000, balanceAfter: 460000, beneficiaryId: await h.psn(b.idNumber), year: 2026 });
    expect(await balance(a.idNumber)).toBe(460000);
    const paid = await h.call('premiumStatus', { params: { psnNo: await h.psn(b.idNumber), year: 2026 } });
    expect(paid.body).toMatchObject({ status: 'paid', paidBy: await h.psn(a.idNumber) });
    const ledger = await h.call('deductions', { params: { psnNo: await h.psn(a.idNumber) } });
    expect(ledger.body.items[0]).toMatchObject({ kind: 'premium', year: 2026, amount: 40000, beneficiaryId: await h.psn(b.idNumber), institution: null });
    const feed = await h.call('feed', { params: { psnNo: await h.psn(b.idNumber) } });
    expect(feed.body.items[0]?.kind).toBe('PREMIUM_PAID');
  });

  it('when the relative is employee-insured, then PREMIUM_ONLY_FOR_RESIDENT', async () => {
    const { a, b } = await bound(500000, { insurance: 'employee' });
    expect(errorCode((await pay(a.idNumber, b.idNumber)).body)).toBe('PREMIUM_ONLY_FOR_RESIDENT');
  });

  it('when there is no binding, then NOT_BOUND and no money moves', async () => {
    const a = await h.newPerson({ balance: 500000 });
    const b = await h.newPerson({ insurance: 'resident' });
    const result = await pay(a.idNumber, b.idNumber);
    expect([result.status, errorCode(result.body)]).toEqual([404, 'NOT_BOUND']);
    expect(await balance(a.idNumber)).toBe(500000);
  });

  it('when the shared account cannot cover the whole premium above 3000 yuan (R13), then INSUFFICIENT_SHARED_BALANCE and nothing is taken', async () => {
    const { a, b } = await bound(300000 + 39999);
    const result = await pay(a.idNumber, b.idNumber);
    expect([result.status, errorCode(result.body)]).toEqual([422, 'INSUFFICIENT_SHARED_BALANCE']);
    expect(await balance(a.idNumber)).toBe(339999);
    expect((await h.call('premiumStatus', { params: { psnNo: await h.psn(b.idNumber), year: 2026 } })).body.status).toBe('unpaid');
  });

  it('when the year is paid, then another payment is PREMIUM_ALREADY_PAID; a year without a table entry is PREMIUM_NOT_DUE', async () => {
    const { a, b } = await bound(900000);
    await pay(a.idNumber, b.idNumber);
    expect(errorCode((await pay(a.idNumber, b.idNumber)).body)).toBe('PREMIUM_ALREADY_PAID');
    expect(errorCode((await pay(a.idNumber, b.idNumber, 2031)).body)).toBe('PREMIUM_NOT_DUE');
  });

  it('when the payment is retried with its id (R17), then the same receipt and one debit; the id with another year is IDEMPOTENCY_KEY_REUSED', async () => {
    const { a, b } = await bound(900000);
    const id = nextId('PR');
    const results = await Promise.all([1, 2, 3].map(() => pay(a.idNumber, b.idNumber, 2026, id)));
    for (const r of results) expect(r.body).toEqual(results[0]!.body);
    expect(await balance(a.idNumber)).toBe(860000);
    expect(errorCode((await pay(a.idNumber, b.idNumber, 2027, id)).body)).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('when two authorizers (Ngari 2025) pay the same relative’s year at once, then exactly one pays', async () => {
    for (let round = 0; round < 5; round += 1) {
      const b = await h.newPerson({ insurance: 'resident' });
      const payers = await Promise.all([1, 2].map(() => h.newPerson({ balance: 500000 })));
      for (const p of payers) {
        await h.bind(p, b, { relation: 'sibling', bindingId: nextId('n') });
      }
      const results = await Promise.all(payers.map((p) => pay(p.idNumber, b.idNumber)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      const balances = await Promise.all(payers.map((p) => balance(p.idNumber)));
      expect(balances.sort()).toEqual([460000, 500000]);
    }
  });
});
