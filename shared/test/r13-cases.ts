import type { ReserveMode } from '../src';

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
];
