import { maskName } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECOVERY_DELAY_MS } from '../src/platform/deps';
import { recoverPending } from '../src/platform/use-cases/recover-pending';
import { codeOf, counterClient, latch, signed } from './counter-helpers';
import { nextId, startHarness, type Harness } from './harness';
import { redisContents } from '../../scripts/lib/redis-contents';
import { REGIONS } from '../../shared/test/policies/region';

let h: Harness;
let c: ReturnType<typeof counterClient>;
beforeAll(async () => {
  h = await startHarness();
  c = counterClient(h);
});
afterAll(async () => h.close());

async function pair(authorizerBalance: number, beneficiary: Record<string, unknown> = {}) {
  const a = await h.newPerson({ balance: authorizerBalance });
  const b = await h.newPerson({ born: '1960-02-02', ...beneficiary });
  const bindingId = nextId('b');
  const bound = await h.bind(a, b, { bindingId });
  expect(bound.status).toBe(201);
  return { a, b, bindingId };
}

/** Every key of the platform's Redis with its content: the whole state. */
function dumpAll(): Promise<Map<string, string>> {
  // The WeChat outbox (its stream, consumer-group state and sent marks) changes whenever its
  // consumer reads, whatever the request under test did: messages, not the platform's books.
  return redisContents(h.mocks.deps.store.redis, (key) => key.startsWith('plat:outbox'));
}

describe('R21 institutions are platform data', () => {
  it('when the counter sends an unknown institution code, then INSTITUTION_UNKNOWN and nothing moves', async () => {
    const { a, b } = await pair(500000, { insurance: 'resident' });
    const r = await c.settle(b.idNumber, 1000, 'P99999999');
    expect([r.status, codeOf(r.body)]).toEqual([422, 'INSTITUTION_UNKNOWN']);
    expect(await c.balance(a.idNumber)).toBe(500000);
  });

  it('when a beneficiary pays at a Chengdu hospital not opened for sharing, then own account and cash pay and the answer says why; at one opened for cross-area sharing the authorizer pays', async () => {
    const { a, b } = await pair(500000, { balance: 1000 });
    const outside = await c.settle(b.idNumber, 5000, 'H51010001', { choice: 'authorizer' });
    expect(outside.status).toBe(200);
    expect(outside.body).toMatchObject({ acctPay: 1000, acctMulaidPay: 0, mulaid: [], psnCashPay: 4000, balc: 0, noSharingReason: 'INSTITUTION_NOT_OPEN_FOR_SHARING' });
    expect(await c.balance(a.idNumber)).toBe(500000);
    const opened = await c.settle(b.idNumber, 5000, 'H51010002');
    expect(opened.body).toMatchObject({ acctPay: 0, acctMulaidPay: 5000, psnCashPay: 0, noSharingReason: null });
    expect(await c.balance(a.idNumber)).toBe(495000);
  });

  it('when the counter gets a settlement answer, then it carries amounts and masked names only — no ID number, no full name, no authorizer balance', async () => {
    const { a, b } = await pair(500000, { insurance: 'resident' });
    const r = await c.settle(b.idNumber, 12850);
    expect(r.body).toMatchObject({ acctPay: 0, acctMulaidPay: 12850, mulaid: [{ maskedName: maskName(a.name), amount: 12850 }], psnCashPay: 0, balc: null });
    const text = JSON.stringify(r.body);
    for (const secret of [a.idNumber, b.idNumber, a.name, String(500000 - 12850)]) expect(text).not.toContain(secret);
  });
});

describe('R22 pre-settlement changes nothing', () => {
  it('when the counter asks for a pre-settlement, then it answers the split the settlement then takes, and every Redis key holds the same content', async () => {
    const { a, b } = await pair(310000, { balance: 2000 });
    const before = await dumpAll();
    const preview = await c.preview(b.idNumber, 15000);
    const alsoWithId = await c.preview(b.idNumber, 15000, 'P54010001', { settlementId: nextId('PV') });
    await h.mocks.notifier.idle();
    const after = await dumpAll();
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ preview: true, acctPay: 2000, acctMulaidPay: 10000, psnCashPay: 3000, balc: 0 });
    expect(alsoWithId.body).toEqual(preview.body);
    expect(after.size).toBe(before.size);
    expect([...after.entries()]).toEqual([...before.entries()]);
    const settled = await c.settle(b.idNumber, 15000);
    const { settlementId: _s, at: _t, ...split } = settled.body;
    const { preview: _p, ...expected } = preview.body;
    expect(split).toEqual(expected);
    expect(await c.balance(a.idNumber)).toBe(300000);
  });
});

describe('the counter: bad input and who may read what', () => {
  it.each([
    ['an institution object instead of a code', { institution: { code: 'P54010001', name: '拉萨城关区康源药店', kind: 'pharmacy' } }],
    ['a lower-case institution code', { institutionCode: 'p54010001' }],
    ['a charge as a string', { charge: '100' }],
    ['a fractional charge', { charge: 10.5 }],
    ['an id with odd characters', { settlementId: 'x/../y' }],
  ])('when the counter sends %s, then 400 VALIDATION_FAILED and nothing moves', async (_label, change) => {
    const { a, b } = await pair(500000, { insurance: 'resident' });
    const r = await h.api('POST', '/v1/counter/settlements', { settlementId: nextId('V'), cardHolderIdNumber: b.idNumber, charge: 100, institutionCode: 'P54010001', ...change });
    expect([r.status, codeOf(r.body)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await c.balance(a.idNumber)).toBe(500000);
  });

  it('when a settlement is read back, then only by the institution that made it; the BFF’s pre-settlement names authorizers by id for the 付款预估 and shows no balance of theirs', async () => {
    const { a, b } = await pair(500000, { insurance: 'resident' });
    const s = await c.settle(b.idNumber, 4000);
    const mine = await h.api<{ status: string; cardHolderIdNumber: string }>('GET', `/v1/counter/settlements/${s.body.settlementId}?institutionCode=P54010001`);
    expect(mine.body).toMatchObject({ status: 'settled', cardHolderIdNumber: b.idNumber });
    const other = await h.api('GET', `/v1/counter/settlements/${s.body.settlementId}?institutionCode=H54010001`);
    expect([other.status, codeOf(other.body)]).toEqual([403, 'INSTITUTION_MISMATCH']);
    const estimate = await h.api('POST', '/v1/settlements/preview', { cardHolderPsnNo: await h.psn(b.idNumber), charge: 3000, institutionCode: 'P54010001' });
    expect(estimate.body).toMatchObject({ preview: true, own: 0, shared: [{ authorizerId: await h.psn(a.idNumber), amount: 3000 }], cash: 0, ownBalanceAfter: null });
    expect(JSON.stringify(estimate.body)).not.toContain(String(500000 - 4000));
  });
});

describe('R23 cancellation', () => {
  it('when a settlement is cancelled, then every fen goes back to the account it came from, the cash is due back, refunds are linked ledger entries, the original is marked, monthly totals are net and both sides are told', async () => {
    const { a, b } = await pair(500000, { balance: 3000 });
    const s = await c.settle(b.idNumber, 10000);
    expect(s.body).toMatchObject({ acctPay: 3000, acctMulaidPay: 7000, psnCashPay: 0 });
    const month = new Date(s.body.at + 8 * 3600_000).toISOString().slice(0, 7);
    const x = await c.cancel(s.body.settlementId);
    expect(x.status).toBe(200);
    expect(x.body).toMatchObject({ settlementId: s.body.settlementId, acctPay: 3000, acctMulaidPay: 7000, mulaid: [{ maskedName: maskName(a.name), amount: 7000 }], psnCashPay: 0, balc: 3000 });
    expect(await c.balance(a.idNumber)).toBe(500000);
    expect(await c.balance(b.idNumber)).toBe(3000);
    const ledger = await c.ledger(a.idNumber);
    expect(ledger.map((d) => [d.kind, d.amount, d.balanceAfter])).toEqual([['settlement', 7000, 493000], ['refund', 7000, 500000]]);
    expect(ledger[0]).toMatchObject({ cancelled: true, refundSeq: ledger[1]!.seq });
    expect(ledger[1]).toMatchObject({ refundOf: s.body.settlementId, refundOfSeq: ledger[0]!.seq, cancellationId: x.body.cancellationId, beneficiaryId: await h.psn(b.idNumber) });
    const totals = await h.api<{ months: Array<{ month: string; total: number }> }>('GET', `/v1/persons/${await h.psn(a.idNumber)}/deductions/monthly?year=${month.slice(0, 4)}`);
    expect(totals.body.months.find((m) => m.month === month)?.total ?? 0).toBe(0);
    const payments = await c.payments(b.idNumber);
    expect(payments.map((p) => [p.kind ?? 'settlement', p.own, p.cash, p.cancelled ?? false])).toEqual([['refund', 3000, 0, false], ['settlement', 3000, 0, true]]);
    expect(payments[1]!.refundSeq).toBe(payments[0]!.seq);
    await h.mocks.notifier.idle();
    expect((await c.feedKinds(a.idNumber)).map((e) => e.kind)).toContain('REFUND');
    expect((await c.feedKinds(b.idNumber)).map((e) => e.kind)).toContain('PAYMENT_CANCELLED');
  });

  it('when the binding ended and the authorizer left employee insurance (R7, R8) before the cancellation, then the money still goes back to the authorizer', async () => {
    const { a, b, bindingId } = await pair(500000, { insurance: 'resident' });
    const s = await c.settle(b.idNumber, 8000);
    expect(s.body.psnCashPay).toBe(0);
    expect((await h.api('POST', `/v1/bindings/${bindingId}/end`, { actorPsnNo: await h.psn(a.idNumber), faceVerified: true })).status).toBe(200);
    await h.api('POST', `/v1/admin/persons/${await h.psn(a.idNumber)}/insurance`, { insurance: 'resident' });
    const x = await c.cancel(s.body.settlementId);
    expect([x.status, x.body.acctMulaidPay]).toEqual([200, 8000]);
    expect(await c.balance(a.idNumber)).toBe(500000);
  });

  it('when the same cancellation is sent twice, then the first answer comes back and nothing moves again; another cancellation id is SETTLEMENT_ALREADY_CANCELLED', async () => {
    const { a, b } = await pair(500000, { insurance: 'resident' });
    const s = await c.settle(b.idNumber, 6000);
    const id = nextId('CX');
    const [first, ...again] = await Promise.all([1, 2, 3, 4].map(() => c.cancel(s.body.settlementId, 'P54010001', id)));
    for (const r of again) expect(r.body).toEqual(first!.body);
    expect(first!.status).toBe(200);
    const other = await c.cancel(s.body.settlementId);
    expect([other.status, codeOf(other.body)]).toEqual([409, 'SETTLEMENT_ALREADY_CANCELLED']);
    expect(await c.balance(a.idNumber)).toBe(500000);
    expect((await c.ledger(a.idNumber)).filter((d) => d.kind === 'refund')).toHaveLength(1);
    const reused = await c.cancel(s.body.settlementId, 'H54010001', id);
    expect(codeOf(reused.body)).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('when another institution, an unknown settlement or a cancellation past the window (cancellationWindowDays) is sent, then stable codes and nothing moves', async () => {
    const { a, b } = await pair(500000, { insurance: 'resident' });
    const s = await c.settle(b.idNumber, 6000);
    const foreign = await c.cancel(s.body.settlementId, 'H54010001');
    expect([foreign.status, codeOf(foreign.body)]).toEqual([403, 'INSTITUTION_MISMATCH']);
    const unknown = await c.cancel('NO-SUCH-SETTLEMENT');
    expect([unknown.status, codeOf(unknown.body)]).toEqual([404, 'SETTLEMENT_NOT_FOUND']);
    h.advance((h.policy.cancellationWindowDays + 1) * 86_400_000);
    const late = await c.cancel(s.body.settlementId);
    expect([late.status, codeOf(late.body)]).toEqual([422, 'CANCELLATION_WINDOW_PASSED']);
    expect(await c.balance(a.idNumber)).toBe(494000);
  });

  it('when 30 yuan of a 100-yuan sale is refunded, then it is a cancellation and a new settlement of 70 yuan under the rules of the moment', async () => {
    const { a, b } = await pair(500000, { insurance: 'resident' });
    const s = await c.settle(b.idNumber, 10000);
    expect((await c.cancel(s.body.settlementId)).status).toBe(200);
    const rest = await c.settle(b.idNumber, 7000);
    expect(rest.body).toMatchObject({ acctMulaidPay: 7000 });
    expect(await c.balance(a.idNumber)).toBe(493000);
  });
});

// The window is the policy's cancellationWindowDays, not Tibet's 30: each policy of REGIONS on its
// own platform, the last allowed moment and the first refused one.
describe.each(REGIONS)('R23 the cancellation window under $name', (policy) => {
  let r: Harness;
  beforeAll(async () => {
    r = await startHarness({ policy, seed: false });
  });
  afterAll(async () => r.close());

  it(`when ${policy.cancellationWindowDays} days less a minute have passed, then the settlement is cancelled; a second past the window, CANCELLATION_WINDOW_PASSED and nothing moves`, async () => {
    const rc = counterClient(r);
    const a = await r.newPerson({ balance: policy.reserveFloor + 100_000 });
    const b = await r.newPerson({ born: '1960-02-02', insurance: 'resident' });
    expect((await r.bind(a, b)).status).toBe(201);
    const early = await rc.settle(b.idNumber, 6000);
    const late = await rc.settle(b.idNumber, 4000);
    expect([early.status, late.status]).toEqual([200, 200]);
    const window = policy.cancellationWindowDays * 86_400_000;
    r.advance(window - 60_000);
    expect((await rc.cancel(early.body.settlementId)).status).toBe(200);
    r.advance(61_000);
    const refused = await rc.cancel(late.body.settlementId);
    expect([refused.status, codeOf(refused.body)]).toEqual([422, 'CANCELLATION_WINDOW_PASSED']);
    expect(await rc.balance(a.idNumber)).toBe(policy.reserveFloor + 100_000 - 4000);
  });
});

describe('R24 reversal', () => {
  it('when an applied settlement is reversed, then every debit is refunded and its id can never be applied again', async () => {
    const { a, b } = await pair(500000, { balance: 1000 });
    const s = await c.settle(b.idNumber, 5000);
    const r = await c.reverse(s.body.settlementId);
    expect(r.body).toMatchObject({ originalKind: 'settlement', applied: true, acctPay: 1000, acctMulaidPay: 4000, balc: 1000 });
    expect([await c.balance(a.idNumber), await c.balance(b.idNumber)]).toEqual([500000, 1000]);
    const retry = await h.api('POST', '/v1/counter/settlements', { settlementId: s.body.settlementId, cardHolderIdNumber: b.idNumber, charge: 5000, institutionCode: 'P54010001' });
    expect(codeOf(retry.body)).toBe('OPERATION_REVERSED');
    expect((await c.reverse(s.body.settlementId)).body).toEqual(r.body);
    expect(codeOf((await c.cancel(s.body.settlementId)).body)).toBe('SETTLEMENT_REVERSED');
  });

  it('when a settlement that never arrived is reversed, then nothing changes and the id is refused afterwards', async () => {
    const { a, b } = await pair(500000, { insurance: 'resident' });
    const id = nextId('LOST');
    const before = await dumpAll();
    const r = await c.reverse(id, 'P54010001', 'settlement');
    expect(r.body).toMatchObject({ applied: false, acctPay: 0, acctMulaidPay: 0 });
    const after = await dumpAll();
    expect([...after.keys()].filter((k) => !before.has(k))).toEqual([`plat:{op:stl:${id}}:owner`]);
    const late = await h.api('POST', '/v1/counter/settlements', { settlementId: id, cardHolderIdNumber: b.idNumber, charge: 5000, institutionCode: 'P54010001' });
    expect([late.status, codeOf(late.body)]).toEqual([409, 'OPERATION_REVERSED']);
    expect(await c.balance(a.idNumber)).toBe(500000);
  });

  it('when a cancellation is reversed, then the refunds are taken back, the settlement stands again (no longer marked) and may be cancelled anew', async () => {
    const { a, b } = await pair(500000, { balance: 2000 });
    const s = await c.settle(b.idNumber, 9000);
    const x = await c.cancel(s.body.settlementId);
    const r = await c.reverse(x.body.cancellationId);
    expect(r.body).toMatchObject({ originalKind: 'cancellation', applied: true, acctPay: 2000, acctMulaidPay: 7000, psnCashPay: 0 });
    expect([await c.balance(a.idNumber), await c.balance(b.idNumber)]).toEqual([493000, 0]);
    const ledger = await c.ledger(a.idNumber);
    expect(ledger.map((d) => d.kind)).toEqual(['settlement', 'refund', 'refund_taken_back']);
    expect(ledger[0]!.cancelled).toBeUndefined();
    expect(ledger[1]).toMatchObject({ takenBack: true, takeBackSeq: ledger[2]!.seq });
    expect(ledger.reduce((sum, d) => sum + signed(d), 0)).toBe(-7000);
    const payments = await c.payments(b.idNumber);
    expect(payments.find((p) => p.kind === 'refund')).toMatchObject({ takenBack: true });
    expect(payments.find((p) => p.kind !== 'refund')?.cancelled).toBeUndefined();
    const again = await c.cancel(s.body.settlementId);
    expect(again.body).toMatchObject({ acctPay: 2000, acctMulaidPay: 7000 });
    expect([await c.balance(a.idNumber), await c.balance(b.idNumber)]).toEqual([500000, 2000]);
  });

  it('when the sweeper has resumed a half-done settlement and the whole reversal runs between its two debits, then its second debit takes nothing (the tombstone) and it never finishes', async () => {
    const deps = h.mocks.deps;
    const { a, b } = await pair(500000, { balance: 1000 });
    const id = nextId('GAP');
    let calls = 0;
    const held = latch();
    const atGap = latch();
    deps.faults = {
      afterSettlementDebit: async (settlementId, index) => {
        if (settlementId !== id || index !== 0) return;
        calls += 1;
        if (calls === 1) throw new Error('injected crash after the first debit');
        atGap.open();
        await held.opened; // the resumed run waits here, between the own debit and the authorizer's
      },
    };
    expect((await h.api('POST', '/v1/counter/settlements', { settlementId: id, cardHolderIdNumber: b.idNumber, charge: 5000, institutionCode: 'P54010001' })).status).toBe(500);
    h.advance(RECOVERY_DELAY_MS + 1);
    const sweeping = recoverPending(deps);
    await atGap.opened;
    const reversal = await c.reverse(id, 'P54010001', 'settlement');
    expect(reversal.body).toMatchObject({ applied: true, acctPay: 1000, acctMulaidPay: 0 });
    held.open();
    await sweeping;
    deps.faults = undefined;
    expect([await c.balance(a.idNumber), await c.balance(b.idNumber)]).toEqual([500000, 1000]);
    expect((await c.ledger(a.idNumber)).filter((d) => d.operationId === id)).toEqual([]);
    expect(await deps.store.settlementJournal(await h.psn(b.idNumber), id)).toMatchObject({ status: 'reversed' });
  });

  it('when a half-done settlement (stopped after its first debit) is reversed while the sweeper resumes it, then no debit stays — 20 rounds', async () => {
    const deps = h.mocks.deps;
    for (let round = 0; round < 20; round += 1) {
      const { a, b } = await pair(500000, { balance: 1000 });
      const id = nextId('HALF');
      let fired = false;
      deps.faults = {
        afterSettlementDebit: (settlementId, index) => {
          if (settlementId === id && index === 0 && !fired) {
            fired = true;
            throw new Error('injected crash after the first debit');
          }
        },
      };
      const crashed = await h.api('POST', '/v1/counter/settlements', { settlementId: id, cardHolderIdNumber: b.idNumber, charge: 5000, institutionCode: 'P54010001' });
      expect(crashed.status).toBe(500);
      expect(await c.balance(b.idNumber)).toBe(0); // the own account was debited, then the process "crashed"
      h.advance(RECOVERY_DELAY_MS + 1);
      // Alternate who starts first, the other a few milliseconds later.
      const later = new Promise((r) => setTimeout(r, round % 3));
      const sweeping = round % 2 === 0 ? recoverPending(deps) : later.then(() => recoverPending(deps));
      const reversing = round % 2 === 0 ? later.then(() => c.reverse(id, 'P54010001', 'settlement')) : c.reverse(id, 'P54010001', 'settlement');
      const [, reversal] = await Promise.all([sweeping, reversing]);
      expect(reversal.status).toBe(200);
      expect(reversal.body.applied).toBe(true);
      await recoverPending(deps);
      expect([await c.balance(a.idNumber), await c.balance(b.idNumber)], `round ${round}`).toEqual([500000, 1000]);
      const retry = await h.api('POST', '/v1/counter/settlements', { settlementId: id, cardHolderIdNumber: b.idNumber, charge: 5000, institutionCode: 'P54010001' });
      expect(codeOf(retry.body)).toBe('OPERATION_REVERSED');
      expect([await c.balance(a.idNumber), await c.balance(b.idNumber)], `round ${round}`).toEqual([500000, 1000]);
    }
    deps.faults = undefined;
    expect(await deps.store.duePendingOperations(deps.clock() + 3_600_000)).toEqual([]);
  }, 60_000);

  describe('crash between the per-account steps (injected)', () => {
    /** A hook that throws once, after step 0 of this operation ('cnl:<id>' or 'rev:<id>'): the process "crashed" there. */
    const crashOnceAfterFirstRefund = (id: string) => {
      let fired = false;
      h.mocks.deps.faults = {
        afterRefundStep: (operationId, index) => {
          if (operationId === id && index === 0 && !fired) {
            fired = true;
            throw new Error('injected crash after the first refund');
          }
        },
      };
    };
    const sweep = async () => {
      h.advance(RECOVERY_DELAY_MS + 1);
      await recoverPending(h.mocks.deps);
      h.mocks.deps.faults = undefined;
    };

    it('when a cancellation stopped after its first refund (R23), then the journal says pending, the sweeper refunds the rest and finishes it, and a retry gets that answer', async () => {
      const { a, b } = await pair(500000, { balance: 1000 });
      const s = await c.settle(b.idNumber, 6000);
      const id = nextId('CXC');
      crashOnceAfterFirstRefund(`cnl:${id}`);
      expect((await c.cancel(s.body.settlementId, 'P54010001', id)).status).toBe(500);
      expect([await c.balance(b.idNumber), await c.balance(a.idNumber)]).toEqual([1000, 495000]); // own back, the authorizer's not yet
      expect((await h.mocks.deps.store.cancellationJournal(await h.psn(b.idNumber), id)).status).toBe('pending');
      await sweep();
      expect([await c.balance(b.idNumber), await c.balance(a.idNumber)]).toEqual([1000, 500000]);
      const retry = await c.cancel(s.body.settlementId, 'P54010001', id);
      expect(retry.body).toMatchObject({ acctPay: 1000, acctMulaidPay: 5000 });
      expect((await c.ledger(a.idNumber)).filter((d) => d.kind === 'refund')).toHaveLength(1);
    });

    it('when the sweeper has resumed a cancellation stopped after its first refund and the whole reversal (R24) runs before its second refund, then the refund made is taken back, the other never happens, and the id is dead', async () => {
      const { a, b } = await pair(500000, { balance: 1000 });
      const s = await c.settle(b.idNumber, 6000);
      const id = nextId('CXR');
      let calls = 0;
      const held = latch();
      const atGap = latch();
      h.mocks.deps.faults = {
        afterRefundStep: async (operationId, index) => {
          if (operationId !== `cnl:${id}` || index !== 0) return;
          calls += 1;
          if (calls === 1) throw new Error('injected crash after the first refund');
          atGap.open();
          await held.opened;
        },
      };
      expect((await c.cancel(s.body.settlementId, 'P54010001', id)).status).toBe(500);
      h.advance(RECOVERY_DELAY_MS + 1);
      const sweeping = recoverPending(h.mocks.deps);
      await atGap.opened;
      const reversal = await c.reverse(id);
      held.open();
      await sweeping;
      h.mocks.deps.faults = undefined;
      expect(reversal.body).toMatchObject({ originalKind: 'cancellation', applied: true, acctPay: 1000, acctMulaidPay: 0 });
      expect([await c.balance(b.idNumber), await c.balance(a.idNumber)]).toEqual([0, 495000]); // the settlement stands
      expect(codeOf((await c.cancel(s.body.settlementId, 'P54010001', id)).body)).toBe('OPERATION_REVERSED');
      const again = await c.cancel(s.body.settlementId);
      expect(again.body).toMatchObject({ acctPay: 1000, acctMulaidPay: 5000 });
      expect([await c.balance(b.idNumber), await c.balance(a.idNumber)]).toEqual([1000, 500000]);
    });

    it('when the reversal of a cancellation stopped after its first take-back, then the sweeper takes back the rest and finishes it', async () => {
      const { a, b } = await pair(500000, { balance: 1000 });
      const s = await c.settle(b.idNumber, 6000);
      const x = await c.cancel(s.body.settlementId);
      crashOnceAfterFirstRefund(`rev:${x.body.cancellationId}`);
      expect((await c.reverse(x.body.cancellationId)).status).toBe(500);
      expect([await c.balance(b.idNumber), await c.balance(a.idNumber)]).toEqual([0, 500000]);
      await sweep();
      expect([await c.balance(b.idNumber), await c.balance(a.idNumber)]).toEqual([0, 495000]);
      const retry = await c.reverse(x.body.cancellationId);
      expect(retry.body).toMatchObject({ applied: true, acctPay: 1000, acctMulaidPay: 5000, psnCashPay: 0 });
    });
  });
});
