/**
 * Long deduction histories, written fast: the platform store's own `debit` Lua script (the
 * one every settlement runs), called directly and pipelined over one connection instead of
 * going through HTTP settlements. Each call writes exactly what a settlement's debit writes:
 * the balance, the applied-operation record, the ledger entry and its two score indexes,
 * the monthly totals and, for a relative's spending, the feed event.
 */
import { jsonHead } from '../../mocks/src/platform/deps';
import { DEMO_INSTITUTIONS } from '../../mocks/src/platform/institutions';
import type { PlatformStore } from '../../mocks/src/platform/store/platform-store';

export interface LedgerSpec {
  /** The account holder (employee-insured, active). */
  account: { psnNo: string; name: string };
  /** Relatives bound to the account (an active binding must exist for each). */
  relatives: ReadonlyArray<{ psnNo: string; name: string }>;
  entries: number;
  /** The entries are spread evenly over this many milliseconds, ending at `endAt`. */
  spanMs: number;
  endAt: number;
  /** Share of entries that are the holder's own spending; the rest are relatives'. */
  ownShare?: number;
  /** Commands in flight at once. */
  batch?: number;
  reserveFloor: number;
}

/** A small deterministic generator, so that two runs build the same history. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Writes `entries` deductions; returns how much they took in all. */
export async function writeLedger(store: PlatformStore, spec: LedgerSpec): Promise<number> {
  const random = lcg(spec.entries);
  const batch = spec.batch ?? 2_000;
  const ownShare = spec.ownShare ?? 0.3;
  const step = spec.spanMs / spec.entries;
  const start = spec.endAt - spec.spanMs;
  let total = 0;
  for (let first = 0; first < spec.entries; first += batch) {
    const calls: Array<Promise<string[]>> = [];
    for (let i = first; i < Math.min(spec.entries, first + batch); i += 1) {
      const at = Math.floor(start + i * step);
      const own = spec.relatives.length === 0 || random() < ownShare;
      const spender = own ? spec.account : spec.relatives[Math.floor(random() * spec.relatives.length)]!;
      const institution = DEMO_INSTITUTIONS[Math.floor(random() * DEMO_INSTITUTIONS.length)]!;
      const amount = 100 + Math.floor(random() * 20_000);
      const operationId = `bench-${spec.account.psnNo.slice(-6)}-${i}`;
      // The same entry and event shapes as settle() writes (mocks/src/platform/use-cases/settle.ts).
      const entryHead = jsonHead({
        operationId,
        kind: 'settlement',
        at,
        accountHolderId: spec.account.psnNo,
        beneficiaryId: spender.psnNo,
        beneficiaryName: spender.name,
        institution,
        year: null,
      });
      const eventHead = own
        ? ''
        : jsonHead({
            kind: 'DEDUCTION',
            at,
            operationId,
            deductionKind: 'settlement',
            beneficiaryId: spender.psnNo,
            beneficiaryName: spender.name,
            institutionName: institution.name,
          });
      calls.push(
        store.debit({
          account: spec.account.psnNo,
          operationId: `stl:${operationId}`,
          want: amount,
          mode: own ? 'own' : 'shared',
          beneficiaryId: spender.psnNo,
          reserveFloor: spec.reserveFloor,
          reserveMode: 'floor',
          now: at,
          allOrNothing: false,
          entryHead,
          eventHead,
        }),
      );
    }
    for (const reply of await Promise.all(calls)) {
      if (reply[2] !== 'OK') throw new Error(`a history debit was refused: ${reply.join('|')}`);
      total += Number(reply[0]);
    }
  }
  return total;
}
