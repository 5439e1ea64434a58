/**
 * The books after a load of counter operations (R13, R17, R23, R24), read straight from Redis:
 * each account's ledger explains its balance entry by entry; family money never went below
 * the floor at the moment it moved; what each settlement holds of each account never went
 * below zero (no fen returned twice); and every settlement ended in one clean state —
 * standing with exactly its debits, or cancelled / reversed with nothing left anywhere.
 */
import type { Deduction, SettlementResult } from '@family-share/shared';
import { expect } from 'vitest';
import type { PlatformStore } from '../src/platform/store/platform-store';
import { signed } from './counter-helpers';

export interface BooksFigures {
  entries: number;
  refunds: number;
  takeBacks: number;
  standing: number;
  cancelled: number;
  reversed: number;
  neverApplied: number;
  /** Standing settlements whose reversed cancellation could not take everything back (R13). */
  shortfalls: number;
}

export async function checkCounterBooks(
  store: PlatformStore,
  accounts: ReadonlyArray<{ psnNo: string; initial: number }>,
  settlements: ReadonlyMap<string, string>,
  floor: number,
  context: string,
  /** Per settlement: what reversals of its cancellations could not take back (R13), as their answers said (psnCashPay). */
  shortfalls: ReadonlyMap<string, number> = new Map(),
): Promise<BooksFigures> {
  const figures: BooksFigures = { entries: 0, refunds: 0, takeBacks: 0, standing: 0, cancelled: 0, reversed: 0, neverApplied: 0, shortfalls: 0 };
  /** settlement → account → what it holds there now */
  const nets = new Map<string, Map<string, number>>();
  for (const account of accounts) {
    const entries = (await store.redis.hvals(store.k(account.psnNo).ledger)).map((json) => JSON.parse(json) as Deduction);
    entries.sort((x, y) => (BigInt(x.seq) < BigInt(y.seq) ? -1 : 1));
    figures.entries += entries.length;
    const person = await store.getPerson(account.psnNo);
    let running = account.initial;
    for (const entry of entries) {
      running += signed(entry);
      expect(entry.amount, context).toBeGreaterThan(0);
      expect(entry.balanceAfter, `${context}: entries of ${account.psnNo} follow one another`).toBe(running);
      const familyOut = entry.beneficiaryId !== account.psnNo && entry.kind !== 'refund';
      if (familyOut) expect(entry.balanceAfter, `${context}: R13 on ${account.psnNo} at ${entry.seq}`).toBeGreaterThanOrEqual(floor);
      if (entry.kind === 'refund') figures.refunds += 1;
      if (entry.kind === 'refund_taken_back') figures.takeBacks += 1;
      const settlementId = entry.kind === 'settlement' ? entry.operationId : (entry.refundOf ?? '');
      const perAccount = nets.get(settlementId) ?? new Map<string, number>();
      const net = (perAccount.get(account.psnNo) ?? 0) - signed(entry);
      expect(net, `${context}: ${settlementId} never gave back more than it took from ${account.psnNo}`).toBeGreaterThanOrEqual(0);
      perAccount.set(account.psnNo, net);
      nets.set(settlementId, perAccount);
    }
    expect(person!.balance, `${context}: the ledger of ${account.psnNo} explains its balance`).toBe(running);
    // Monthly totals are net of refunds (R23): over the months they add up to what left the account.
    const monthly = await store.monthlyTotals(account.psnNo);
    const months = Object.entries(monthly).filter(([field]) => !field.includes('|'));
    for (const [month, total] of months) expect(total, `${context}: ${month} of ${account.psnNo} is not negative`).toBeGreaterThanOrEqual(0);
    expect(months.reduce((sum, [, total]) => sum + total, 0), `${context}: monthly totals of ${account.psnNo} are net`).toBe(account.initial - running);
  }
  for (const [settlementId, cardHolder] of settlements) {
    const journal = await store.settlementJournal(cardHolder, settlementId);
    const held = [...(nets.get(settlementId)?.entries() ?? [])].filter(([, net]) => net !== 0);
    if (!journal.status) {
      figures.neverApplied += 1;
      expect(held, `${context}: ${settlementId} never began`).toEqual([]);
      continue;
    }
    expect(['done', 'reversed'], `${context}: ${settlementId} is not half-done (${journal.status})`).toContain(journal.status);
    if (journal.status === 'reversed') {
      figures.reversed += 1;
      expect(held, `${context}: reversed ${settlementId} nets to zero everywhere`).toEqual([]);
      continue;
    }
    if (journal.cnl) {
      const cancellation = await store.cancellationJournal(cardHolder, journal.cnl);
      expect(cancellation.status, `${context}: the cancellation of ${settlementId} is complete`).toBe('done');
      figures.cancelled += 1;
      expect(held, `${context}: cancelled ${settlementId} nets to zero everywhere`).toEqual([]);
      continue;
    }
    figures.standing += 1;
    const result = JSON.parse(journal.result ?? '{}') as SettlementResult;
    const split = new Map([...result.shared.map((p) => [p.authorizerId, p.amount] as [string, number]), ...(result.own > 0 ? [[cardHolder, result.own] as [string, number]] : [])]);
    const shortfall = shortfalls.get(settlementId) ?? 0;
    // A standing settlement holds exactly its split — less only what a reversed cancellation
    // could not take back without breaking R13, which its answer reported as cash to pay.
    for (const [account, net] of held) expect(net, `${context}: ${settlementId} holds no more than it took from ${account}`).toBeLessThanOrEqual(split.get(account) ?? 0);
    const total = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);
    expect(total(held.map(([, net]) => net)) + shortfall, `${context}: standing ${settlementId} holds its split`).toBe(total(split.values()));
    if (shortfall === 0) expect(new Map(held), `${context}: standing ${settlementId} holds exactly its split`).toEqual(split);
    else figures.shortfalls += 1;
  }
  return figures;
}
