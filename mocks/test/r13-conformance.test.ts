import { TIBET_2022, usableSharedBalance } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { R13_CASES } from '../../shared/test/r13-cases';
import { nextId, startHarness, type Harness } from './harness';

// R13 is decided twice: usableSharedBalance plans a settlement, debit.lua takes the money at
// the moment it moves. Both run the one table in shared/test/r13-cases.ts, both reserve modes
// and the boundaries, so that they cannot drift apart.
let h: Harness;
let authorizer: string;
let beneficiary: string;
beforeAll(async () => {
  h = await startHarness({ seed: false });
  const a = await h.newPerson({ balance: 0 });
  const b = await h.newPerson({ born: '1960-02-02', insurance: 'resident' });
  const bound = await h.bind(a, b);
  expect(bound.status).toBe(201);
  authorizer = a.psnNo;
  beneficiary = b.psnNo;
});
afterAll(async () => h.close());

async function debitOnce(c: (typeof R13_CASES)[number], want: number) {
  const set = await h.api('PUT', `/v1/admin/persons/${authorizer}/balance`, { balance: c.balance });
  expect(set.status).toBe(200);
  const [take, balanceAfter, status] = await h.mocks.deps.store.debit({
    account: authorizer,
    operationId: nextId('r13:'),
    want,
    mode: 'shared',
    beneficiaryId: beneficiary,
    reserveFloor: c.floor,
    reserveMode: c.mode,
    now: Date.now(),
    allOrNothing: false,
    entryHead: '{"kind":"settlement"',
    eventHead: '',
  });
  return { take: Number(take), balanceAfter: Number(balanceAfter), status };
}

describe('R13 conformance: debit.lua takes exactly what usableSharedBalance allows', () => {
  it.each(R13_CASES)(
    'when the reserve is $floor fen in $mode mode and the authorizer holds $balance fen, then debit.lua takes $usable fen at most',
    async (c) => {
      // The TypeScript side of the same row, so a row that is wrong for one is wrong for both.
      expect(usableSharedBalance(c.balance, { ...TIBET_2022, reserveFloor: c.floor, reserveMode: c.mode })).toBe(c.usable);

      const greedy = await debitOnce(c, 10_000_000);
      expect(greedy).toEqual({ take: c.usable, balanceAfter: c.balance - c.usable, status: 'SHORT' });

      if (c.usable > 0) {
        expect(await debitOnce(c, c.usable)).toEqual({ take: c.usable, balanceAfter: c.balance - c.usable, status: 'OK' });
        expect(await debitOnce(c, c.usable + 1)).toEqual({ take: c.usable, balanceAfter: c.balance - c.usable, status: 'SHORT' });
      }
    },
  );
});
