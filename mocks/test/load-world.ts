/**
 * The people of the load tests (reliability, counter-reliability): a seeded generator, and
 * 5 authorizers with 20 beneficiaries bound to one or two of them (Ngari 2025, R14).
 */
import { expect } from 'vitest';
import { nextId, type Harness } from './harness';

/** A small seeded generator: a failure names its seed, and the same seed replays the same load. */
export function randomFrom(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

export interface Person {
  idNumber: string;
  psnNo: string;
  name: string;
  insurance: 'employee' | 'resident';
  initial: number;
}

export interface World {
  authorizers: Person[];
  beneficiaries: Person[];
  /** Everybody who can hold a card at the counter. */
  holders: Person[];
  accounts: Person[];
}

/** 5 authorizers, 20 beneficiaries (8 employee, 12 resident), each bound to 1 or 2 authorizers. */
export async function makeLoadWorld(h: Harness, random: Random, authorizerBalance: () => number): Promise<World> {
  const authorizers: Person[] = [];
  for (let i = 0; i < 5; i += 1) {
    const initial = authorizerBalance();
    authorizers.push({ ...(await h.newPerson({ balance: initial })), insurance: 'employee', initial });
  }
  const beneficiaries: Person[] = [];
  for (let i = 0; i < 20; i += 1) {
    const employee = i < 8;
    const initial = employee ? random.int(0, 60_000) : 0;
    const person = await h.newPerson({ born: '1962-03-04', insurance: employee ? 'employee' : 'resident', balance: initial });
    beneficiaries.push({ ...person, insurance: employee ? 'employee' : 'resident', initial });
    const mine = i % 2 === 0 ? [authorizers[i % 5]!, authorizers[(i + 1) % 5]!] : [authorizers[i % 5]!];
    for (const a of mine) {
      const bound = await h.bind(a, person, { bindingId: nextId('rel') });
      expect(bound.status).toBe(201);
    }
  }
  const holders = [...beneficiaries, ...authorizers];
  return { authorizers, beneficiaries, holders, accounts: [...authorizers, ...beneficiaries.filter((b) => b.insurance === 'employee')] };
}

export type Random = ReturnType<typeof randomFrom>;
