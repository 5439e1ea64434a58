import { TIBET_2022, type ReserveMode } from '../src';
import { TEST_REGION } from './policies/test-region';

/**
 * R13, one table for both deciders: `usableSharedBalance` (TypeScript, used to plan) and
 * `debit.lua` (Redis, which takes the money). shared/test/allocate-payment.test.ts and
 * mocks/test/r13-conformance.test.ts run it, so the two can never drift apart.
 *
 * Each row: the reserve floor and mode, the authorizer's balance, and what family use may take.
 */
export interface R13Case {
  floor: number;
  mode: ReserveMode;
  balance: number;
  usable: number;
}

const rows = (floor: number, mode: ReserveMode, pairs: Array<[balance: number, usable: number]>): R13Case[] =>
  pairs.map(([balance, usable]) => ({ floor, mode, balance, usable }));

/** The boundaries around any floor, both modes, each balance and answer written from the floor. */
const around = (floor: number): R13Case[] => [
  ...rows(floor, 'floor', [
    [0, 0],
    [floor - 1, 0],
    [floor, 0],
    [floor + 1, 1],
    [floor + 200_000, 200_000],
  ]),
  ...rows(floor, 'gate', [
    [0, 0],
    [floor - 1, 0],
    [floor, 0],
    [floor + 1, floor + 1],
    [floor + 200_000, floor + 200_000],
  ]),
];

export const R13_CASES: readonly R13Case[] = [
  // DECISION (floor, the default): down to the reserve, never below.
  ...rows(300_000, 'floor', [
    [0, 0],
    [1, 0],
    [299_999, 0],
    [300_000, 0],
    [300_001, 1],
    [300_002, 2],
    [500_000, 200_000],
    [800_000, 500_000],
  ]),
  // The literal reading (gate): all of it while the balance is above the reserve, none at or below.
  ...rows(300_000, 'gate', [
    [0, 0],
    [299_999, 0],
    [300_000, 0],
    [300_001, 300_001],
    [500_000, 500_000],
  ]),
  // Another region's floor, both modes: the floor is data, not a literal.
  ...rows(100_000, 'floor', [
    [99_999, 0],
    [100_000, 0],
    [100_001, 1],
    [250_000, 150_000],
  ]),
  ...rows(100_000, 'gate', [
    [100_000, 0],
    [100_001, 100_001],
  ]),
  // The test-only region (shared/test/policies/test-region.ts), so its floor is run through debit.lua too.
  ...around(TEST_REGION.reserveFloor),
];

/** The rows of one policy: its floor in its mode. */
export const r13CasesOf = (policy: { reserveFloor: number; reserveMode: ReserveMode }): R13Case[] =>
  R13_CASES.filter((c) => c.floor === policy.reserveFloor && c.mode === policy.reserveMode);

// Tibet's rows are written out above; the test region's come from `around`. Both must exist.
if (r13CasesOf(TIBET_2022).length === 0 || r13CasesOf(TEST_REGION).length === 0) throw new Error('R13_CASES has no rows for a policy of REGIONS');
