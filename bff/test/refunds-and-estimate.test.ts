/**
 * Issue 10 item 7 through the BFF, over real HTTP, with the real platform on a real Redis:
 * refunds in both histories (R23, R24) and the payment estimate (付款预估, R22).
 */
import { chinaDate, TIBET_2022_LETTER, ESTIMATE_MAX_FEN, maskName, PLATFORM_API } from '@family-share/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, startBffHarness, type BffHarness, type Client } from './harness';
import { redisContents } from '../../scripts/lib/redis-contents';

const PHARMACY = 'P54010001';
const CHENGDU_NOT_OPEN = 'H51010001';

let h: BffHarness;
let A: Client;
let B: Client;
let a: { idNumber: string; name: string; openid: string };
let b: { idNumber: string; name: string; openid: string };
let bindingId: string;

/** A (employee, ¥9,000: ¥6,000 usable by family under R13) shares with B, an employee with ¥30 of her own. */
beforeAll(async () => {
  h = await startBffHarness();
  a = await h.newPerson({ balance: 900_000, born: '1960-03-01' });
  b = await h.newPerson({ balance: 3_000, born: '1990-05-01' });
  [A, B] = await Promise.all([h.login(a.openid), h.login(b.openid)]);
  await A.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version });
  const invitation = await h.invite(A, b, 'child');
  const accepted = await B.post(`/api/invitations/${invitation.body.invitationId as string}/accept`);
  expect(accepted.status).toBe(200);
  bindingId = accepted.body.bindingId;
});
afterAll(async () => h.close());

const counter = (name: 'counterSettle' | 'cancelSettlement' | 'reverse', body: object) => h.platform<Record<string, unknown>>('POST', PLATFORM_API[name].path, body);
const balanceOf = async (client: Client) => (await client.get('/api/home')).body.person.balance as number;

interface Row {
  seq: string;
  kind?: string;
  amount?: number;
  balanceAfter?: number;
  cancelled?: boolean;
  refundSeq?: string;
  refundOf?: string;
  refundOfSeq?: string;
  refundVia?: string;
  settlementId?: string;
}

describe('refunds in the history (R23, R24)', () => {
  it('when B pays at a pharmacy and the pharmacy cancels it, then A’s balance is back at once and both sides show the refund linked to the original, marked 已撤销 (R23)', async () => {
    const paid = await counter('counterSettle', { settlementId: 'RF-1', cardHolderIdNumber: b.idNumber, institutionCode: PHARMACY, charge: 12_850 });
    expect(paid.body).toMatchObject({ acctPay: 3_000, acctMulaidPay: 9_850, psnCashPay: 0 });
    expect(await balanceOf(A)).toBe(900_000 - 9_850);

    const cancelled = await counter('cancelSettlement', { cancellationId: 'RF-1-C', settlementId: 'RF-1', institutionCode: PHARMACY });
    expect(cancelled.status).toBe(200);
    // The home page reads the platform each time: right at once, no cache to wait out.
    expect(await balanceOf(A)).toBe(900_000);
    expect(await balanceOf(B)).toBe(3_000);

    // The authorizer's deductions: the refund on top (money back), the original below, linked both ways.
    const [refund, original] = (await A.get('/api/history/deductions')).body.items as Row[];
    expect(refund).toMatchObject({ kind: 'refund', amount: 9_850, balanceAfter: 900_000, refundOf: 'RF-1', refundVia: 'cancellation', spender: { self: false, bindingId } });
    expect(original).toMatchObject({ kind: 'settlement', amount: 9_850, operationId: 'RF-1', cancelled: true });
    expect(refund!.refundOfSeq).toBe(original!.seq);
    expect(original!.refundSeq).toBe(refund!.seq);

    // The beneficiary's payments: the refund record says what went back where, the payment is marked.
    const [back, payment] = (await B.get('/api/history/payments')).body.items as Array<Row & { own: number; cash: number; shared: unknown[] }>;
    expect(back).toMatchObject({ kind: 'refund', settlementId: 'RF-1', own: 3_000, cash: 0, shared: [{ bindingId, amount: 9_850 }], refundVia: 'cancellation' });
    expect(payment).toMatchObject({ settlementId: 'RF-1', cancelled: true, own: 3_000 });
    expect(back!.refundOfSeq).toBe(payment!.seq);
    expect(payment!.refundSeq).toBe(back!.seq);
    expect(JSON.stringify(back)).not.toContain(a.name);

    // B's own account has its own refund row (her ¥30 back).
    const [ownRefund] = (await B.get('/api/history/deductions')).body.items as Row[];
    expect(ownRefund).toMatchObject({ kind: 'refund', amount: 3_000, balanceAfter: 3_000, spender: { self: true } });
  });

  it('when a second payment stands and a third is reversed (冲正), then the monthly total is net of both refunds and the reversal is labelled as one (R23, R24)', async () => {
    await counter('counterSettle', { settlementId: 'RF-2', cardHolderIdNumber: b.idNumber, institutionCode: PHARMACY, charge: 5_000 });
    await counter('counterSettle', { settlementId: 'RF-3', cardHolderIdNumber: b.idNumber, institutionCode: PHARMACY, charge: 7_000 });
    const reversed = await counter('reverse', { originalRequestId: 'RF-3', originalKind: 'settlement', institutionCode: PHARMACY });
    expect(reversed.body).toMatchObject({ applied: true, acctMulaidPay: 7_000 });

    // RF-2: B's ¥30 first, ¥20 from A; RF-3: all from A, then given back; RF-1: given back.
    expect(await balanceOf(A)).toBe(900_000 - 2_000);
    const month = chinaDate(Date.now()).slice(0, 7);
    const monthly = (await A.get('/api/history/monthly')).body.months.find((m: { month: string }) => m.month === month);
    expect(monthly).toMatchObject({ total: 2_000, byRelative: [{ bindingId, amount: 2_000, self: false }] });

    const rows = (await A.get('/api/history/deductions')).body.items as Row[];
    expect(rows.map((r) => [r.kind, r.amount, r.cancelled ?? false])).toEqual([
      ['refund', 7_000, false],
      ['settlement', 7_000, true],
      ['settlement', 2_000, false],
      ['refund', 9_850, false],
      ['settlement', 9_850, true],
    ]);
    expect(rows[0]).toMatchObject({ refundVia: 'reversal', refundOf: 'RF-3', refundOfSeq: rows[1]!.seq });
    const payments = (await B.get('/api/history/payments')).body.items as Row[];
    expect(payments[0]).toMatchObject({ kind: 'refund', settlementId: 'RF-3', refundVia: 'reversal', refundOfSeq: payments[1]!.seq });
    expect(payments[1]).toMatchObject({ settlementId: 'RF-3', cancelled: true });
  });

  it('when money went back, then both inboxes list it — the refund for A, the cancelled and the reversed payment for B — with masked names only (R20, R23, R24)', async () => {
    const inboxA = await A.get('/api/notifications');
    expect(inboxA.status).toBe(200);
    const refunds = (inboxA.body.items as Array<{ kind: string; data: Record<string, unknown> }>).filter((n) => n.kind === 'REFUND');
    expect(refunds.map((n) => n.data.amount)).toEqual([7_000, 9_850]);
    expect(refunds[0]!.data).toMatchObject({ beneficiaryName: maskName(b.name) });

    const inboxB = await B.get('/api/notifications');
    expect(inboxB.status).toBe(200);
    const cancelled = (inboxB.body.items as Array<{ kind: string; data: Record<string, unknown> }>).filter((n) => n.kind === 'PAYMENT_CANCELLED');
    expect(cancelled.map((n) => [n.data.charge ?? null, n.data.own, n.data.shared, n.data.reversed ?? false])).toEqual([
      [null, 0, 7_000, true],
      [12_850, 3_000, 9_850, false],
    ]);
    for (const text of [JSON.stringify(inboxA.body), JSON.stringify(inboxB.body)]) {
      for (const secret of [a.idNumber, a.name, b.idNumber, b.name]) expect(text).not.toContain(secret);
    }
  });

  it('when a cancellation is itself reversed (冲正), then the refund row says it was taken back and a take-back row links to it; the payment stands again and the month counts it (R24)', async () => {
    const month = chinaDate(Date.now()).slice(0, 7);
    const totalBefore = ((await A.get('/api/history/monthly')).body.months.find((m: { month: string }) => m.month === month)?.total ?? 0) as number;
    await counter('counterSettle', { settlementId: 'RF-4', cardHolderIdNumber: b.idNumber, institutionCode: PHARMACY, charge: 4_000 });
    await counter('cancelSettlement', { cancellationId: 'RF-4-C', settlementId: 'RF-4', institutionCode: PHARMACY });
    const reversed = await counter('reverse', { originalRequestId: 'RF-4-C', originalKind: 'cancellation', institutionCode: PHARMACY });
    expect(reversed.body).toMatchObject({ applied: true, originalKind: 'cancellation' });

    const [takeBack, refund, settlement] = (await A.get('/api/history/deductions')).body.items as Row[];
    expect(takeBack).toMatchObject({ kind: 'refund_taken_back', amount: 4_000, refundOfSeq: refund!.seq });
    expect(refund).toMatchObject({ kind: 'refund', amount: 4_000, takenBack: true, refundVia: 'cancellation', refundOfSeq: settlement!.seq });
    expect(settlement).toMatchObject({ kind: 'settlement', operationId: 'RF-4', amount: 4_000 });
    expect(settlement!.cancelled).toBeUndefined();
    const monthly = (await A.get('/api/history/monthly')).body.months.find((m: { month: string }) => m.month === month);
    expect(monthly.total).toBe(totalBefore + 4_000);

    const [record, payment] = (await B.get('/api/history/payments')).body.items as Array<Row & { takenBack?: boolean }>;
    expect(record).toMatchObject({ kind: 'refund', settlementId: 'RF-4', takenBack: true, refundOfSeq: payment!.seq });
    expect(payment).toMatchObject({ settlementId: 'RF-4' });
    expect([payment!.kind ?? 'settlement', payment!.cancelled ?? false]).toEqual(['settlement', false]);
  });
});

/** Every platform key (not the BFF's) with its content: "nothing changed" means this map is equal. */
async function platformDump(): Promise<Map<string, string>> {
  const redis = new Redis(h.stack.redisUrl);
  try {
    return await redisContents(redis, (key) => key.startsWith('bff:'));
  } finally {
    redis.disconnect();
  }
}

/** Every key anywhere in an answer, to look for a balance that is not mine. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

describe('payment estimate, 付款预估 (R22)', () => {
  // The refunds above left B's own account empty (RF-2 took her ¥30): give her ¥30 again.
  beforeAll(async () => {
    expect((await h.platformCall('adminSetBalance', { params: { psnNo: await h.psn(b.idNumber) }, body: { balance: 3_000 } })).status).toBe(200);
  });

  it('when B estimates 128.50 yuan, then she sees her own part, her parent’s part by masked name and cash — and the platform changed nothing at all (R22)', async () => {
    const before = await platformDump();
    const feedBefore = await A.get('/api/notifications');

    const res = await B.post('/api/payment-estimate', { amount: '128.50', institutionCode: PHARMACY });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      charge: 12_850,
      institution: { code: PHARMACY, kind: 'pharmacy', familySharing: true },
      own: 3_000,
      ownBalanceAfter: 0,
      shared: [{ bindingId, relation: 'child', amount: 9_850 }],
      cash: 0,
      noSharingReason: null,
    });
    expect(res.body.shared[0].maskedName).toBe(maskName(a.name));
    expect(await platformDump()).toEqual(before);
    expect((await A.get('/api/notifications')).body.unread).toBe(feedBefore.body.unread);
  });

  it('when the amount is more than the family may spend, then the split shows only the parts and cash: no balance of A, no ID number, no full name (R13, R16)', async () => {
    const balanceOfA = await balanceOf(A);
    const usable = balanceOfA - 300_000;
    const res = await B.post('/api/payment-estimate', { amount: '10,000', institutionCode: PHARMACY });
    expect(res.status).toBe(200);
    // What the split itself implies — A's part stops at what R13 allows — and nothing more.
    expect(res.body).toMatchObject({ charge: 1_000_000, own: 3_000, shared: [{ amount: usable }], cash: 1_000_000 - 3_000 - usable });
    const keys = [...keysOf(res.body)];
    expect(keys.filter((k) => /balance|usable|floor/i.test(k))).toEqual(['ownBalanceAfter']);
    const text = JSON.stringify(res.body);
    for (const secret of [a.idNumber, a.name, String(balanceOfA), b.idNumber]) expect(text).not.toContain(secret);
  });

  it('when no institution is chosen, then a pharmacy in B’s own prefecture is used; at a Chengdu hospital not opened for sharing, own and cash pay and the answer says why (R21)', async () => {
    const list = await B.get('/api/payment-estimate/institutions');
    expect(list.body).toMatchObject({ defaultCode: PHARMACY, minAmount: 1, maxAmount: ESTIMATE_MAX_FEN });
    expect(list.body.items).toContainEqual({ code: CHENGDU_NOT_OPEN, name: '成都市第三人民医院', kind: 'hospital', familySharing: false });

    const byDefault = await B.post('/api/payment-estimate', { amount: '50' });
    expect(byDefault.body).toMatchObject({ institution: { code: PHARMACY }, own: 3_000, shared: [{ amount: 2_000 }], cash: 0 });

    const chengdu = await B.post('/api/payment-estimate', { amount: '50', institutionCode: CHENGDU_NOT_OPEN });
    expect(chengdu.body).toMatchObject({ own: 3_000, shared: [], cash: 2_000, noSharingReason: 'INSTITUTION_NOT_OPEN_FOR_SHARING', institution: { familySharing: false } });
  });

  it('when the amount is not yuan within bounds, then 400 with a stable code and nothing happens; an unknown institution is 422 INSTITUTION_UNKNOWN', async () => {
    const before = await platformDump();
    const cases: Array<[unknown, string]> = [
      ['', 'VALIDATION_FAILED'],
      [12.5, 'VALIDATION_FAILED'],
      [null, 'VALIDATION_FAILED'],
      ['abc', 'AMOUNT_INVALID'],
      ['-1', 'AMOUNT_INVALID'],
      ['0', 'AMOUNT_INVALID'],
      ['0.00', 'AMOUNT_INVALID'],
      ['1.234', 'AMOUNT_INVALID'],
      ['1e3', 'AMOUNT_INVALID'],
      ['0x10', 'AMOUNT_INVALID'],
      ['１２', 'AMOUNT_INVALID'],
      ['50000.01', 'AMOUNT_INVALID'],
      ['9'.repeat(24), 'AMOUNT_INVALID'],
      ['9'.repeat(25), 'VALIDATION_FAILED'],
    ];
    for (const [amount, expected] of cases) {
      const res = await B.post('/api/payment-estimate', { amount, institutionCode: PHARMACY });
      expect([amount, res.status, code(res)]).toEqual([amount, 400, expected]);
    }
    expect(code(await B.post('/api/payment-estimate', { amount: '10', institutionCode: 'p5401' }))).toBe('VALIDATION_FAILED');
    const unknown = await B.post('/api/payment-estimate', { amount: '10', institutionCode: 'X99999999' });
    expect([unknown.status, code(unknown)]).toEqual([422, 'INSTITUTION_UNKNOWN']);
    expect((await B.post('/api/payment-estimate', { amount: '50,000.00' })).status).toBe(200);
    expect(await platformDump()).toEqual(before);
  });
});

describe('payment estimate rate limit', () => {
  let strict: BffHarness;
  afterAll(async () => strict?.close());

  it('when one person estimates more than 20 times in an hour, then the 21st is 429 RATE_LIMITED with Retry-After, and logging in again does not reset it', async () => {
    strict = await startBffHarness({ rateLimitScale: 1 });
    const person = await strict.newPerson({ balance: 500_000 });
    const first = await strict.login(person.openid);
    for (let i = 0; i < 20; i += 1) expect((await first.post('/api/payment-estimate', { amount: `${i + 1}` })).status).toBe(200);
    const refused = await first.post('/api/payment-estimate', { amount: '21' });
    expect([refused.status, code(refused)]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const again = await strict.login(person.openid);
    expect(code(await again.post('/api/payment-estimate', { amount: '21' }))).toBe('RATE_LIMITED');
    // Typing mistakes are refused before the limit is counted.
    expect(code(await again.post('/api/payment-estimate', { amount: 'x' }))).toBe('AMOUNT_INVALID');
  });
});
