import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECOVERY_DELAY_MS } from '../src/platform/deps';
import { recoverPending } from '../src/platform/use-cases/recover-pending';
import { codeOf, counterClient } from './counter-helpers';
import { nextId, startHarness, type Harness } from './harness';

let h: Harness;
let c: ReturnType<typeof counterClient>;
beforeAll(async () => {
  h = await startHarness();
  c = counterClient(h);
});
afterAll(async () => h.close());

async function pair(authorizerBalance: number, beneficiaryBalance: number) {
  const a = await h.newPerson({ balance: authorizerBalance });
  const b = await h.newPerson({ born: '1960-02-02', balance: beneficiaryBalance });
  expect((await h.bind(a, b)).status).toBe(201);
  return { a, b };
}

const due = () => h.mocks.deps.store.duePendingOperations(h.mocks.deps.clock() + 3_600_000);

/**
 * Issue 14 sends a settlement's claim, its pending-operation entry and the read of the card
 * holder's slot together, and the post-finish writes together: the step boundaries these
 * tests stop a settlement at, as a crash would.
 */
describe('settlement: the steps sent together (issue 14)', () => {
  it('when a settlement stops right after its claim and its recovery entry (R17), then nothing has moved, the sweeper completes it once, and a retry answers that result', async () => {
    const { a, b } = await pair(500000, 1000);
    const id = nextId('CLM');
    let fired = false;
    h.mocks.deps.faults = {
      afterSettlementClaim: (settlementId) => {
        if (settlementId === id && !fired) {
          fired = true;
          throw new Error('injected crash after the claim');
        }
      },
    };
    const request = { settlementId: id, cardHolderIdNumber: b.idNumber, charge: 5000, institutionCode: 'P54010001' };
    expect((await h.api('POST', '/v1/counter/settlements', request)).status).toBe(500);
    expect([await c.balance(a.idNumber), await c.balance(b.idNumber)]).toEqual([500000, 1000]);
    expect(await h.mocks.deps.store.settlementJournal(b.psnNo, id)).toEqual({});
    expect((await due()).map((m) => (JSON.parse(m) as { request: { settlementId: string } }).request.settlementId)).toEqual([id]);

    h.advance(RECOVERY_DELAY_MS + 1);
    expect(await recoverPending(h.mocks.deps)).toBe(1);
    h.mocks.deps.faults = undefined;
    expect([await c.balance(a.idNumber), await c.balance(b.idNumber)]).toEqual([496000, 0]);
    expect(await h.mocks.deps.store.settlementJournal(b.psnNo, id)).toMatchObject({ status: 'done' });
    const retry = await h.api('POST', '/v1/counter/settlements', request);
    expect(retry.body).toMatchObject({ acctPay: 1000, acctMulaidPay: 4000, psnCashPay: 0 });
    expect([await c.balance(a.idNumber), await c.balance(b.idNumber)]).toEqual([496000, 0]);
    expect(await due()).toEqual([]);
  });

  it('when an id is claimed by another request (R17) or was killed by a reversal (R24), then the refused attempt leaves no recovery entry and moves nothing', async () => {
    const { a, b } = await pair(500000, 1000);
    const first = await c.settle(b.idNumber, 3000);
    expect(first.status).toBe(200);
    const reused = await h.api('POST', '/v1/counter/settlements', { settlementId: first.body.settlementId, cardHolderIdNumber: b.idNumber, charge: 9999, institutionCode: 'P54010001' });
    expect(codeOf(reused.body)).toBe('IDEMPOTENCY_KEY_REUSED');
    const killed = nextId('KIL');
    expect((await c.reverse(killed, 'P54010001', 'settlement')).status).toBe(200);
    const late = await h.api('POST', '/v1/counter/settlements', { settlementId: killed, cardHolderIdNumber: b.idNumber, charge: 100, institutionCode: 'P54010001' });
    expect(codeOf(late.body)).toBe('OPERATION_REVERSED');
    expect([await c.balance(a.idNumber), await c.balance(b.idNumber)]).toEqual([498000, 0]);
    expect(await due()).toEqual([]);
  });

  it('when a settlement is retried after it finished, then the retry answers the first result and leaves no recovery entry', async () => {
    const { b } = await pair(500000, 1000);
    const first = await c.settle(b.idNumber, 2500);
    const again = await h.api('POST', '/v1/counter/settlements', { settlementId: first.body.settlementId, cardHolderIdNumber: b.idNumber, charge: 2500, institutionCode: 'P54010001' });
    expect(again.body).toEqual(first.body);
    expect(await due()).toEqual([]);
  });

  it('when a cancellation id is reused for another settlement (R17), then the refused attempt leaves no recovery entry and refunds nothing', async () => {
    const { a, b } = await pair(500000, 0);
    const [s1, s2] = [await c.settle(b.idNumber, 2000), await c.settle(b.idNumber, 3000)];
    const id = nextId('CXR');
    expect((await c.cancel(s1.body.settlementId, 'P54010001', id)).status).toBe(200);
    const reused = await c.cancel(s2.body.settlementId, 'P54010001', id);
    expect(codeOf(reused.body)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await c.balance(a.idNumber)).toBe(497000);
    expect(await due()).toEqual([]);
  });
});
