import { rmSync } from 'node:fs';
import { NGARI_2025, type Deduction, type SettlementResult } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../../scripts/lib/redis-server';
import { RECOVERY_DELAY_MS } from '../src/platform/deps';
import { DEMO_INSTITUTIONS } from '../src/platform/institutions';
import { recoverPending } from '../src/platform/use-cases/recover-pending';
import { startHarness, type Harness } from './harness';
import { makeLoadWorld, randomFrom, type Random, type World } from './load-world';

/**
 * R13 and R17 under load, and acknowledged money across a crash of Redis (AOF, appendfsync
 * always). The people are several per beneficiary (Ngari 2025, R14), so that a charge walks
 * more than one authorizer; authorizers also pay for themselves (own account, no floor).
 */

const FLOOR = NGARI_2025.reserveFloor;

let redis: RedisServer;
let h: Harness;
beforeAll(async () => {
  redis = await startRedisServer({ appendOnly: true, appendfsync: 'always' });
  h = await startHarness({ redis, policy: NGARI_2025, seed: false });
});
afterAll(async () => {
  await h?.close();
  await redis?.dispose();
  // A restarted server no longer owns its directory (restart reuses it): remove it here.
  if (redis) rmSync(redis.dir, { recursive: true, force: true });
});

const makeWorld = (random: Random, authorizerBalance: () => number): Promise<World> => makeLoadWorld(h, random, authorizerBalance);

interface Request {
  settlementId: string;
  cardHolderPsnNo: string;
  charge: number;
  institution: (typeof DEMO_INSTITUTIONS)[number];
  choice?: 'own' | 'authorizer';
}

async function post(request: Request): Promise<{ status: number; body: unknown }> {
  return h.api('POST', '/v1/settlements', request);
}

const sumShared = (r: SettlementResult) => r.shared.reduce((sum, part) => sum + part.amount, 0);

/**
 * Everything the platform stored about money, read straight from Redis, checked against the
 * answers the clients were given: per account, the ledger explains the balance change entry
 * by entry; no operation is applied twice to an account; R13 holds for every family
 * deduction; every acknowledged result is the stored one and is in the ledgers.
 */
async function checkBooks(world: World, acknowledged: Map<string, SettlementResult>, context: string): Promise<Map<string, Deduction[]>> {
  const { store } = h.mocks.deps;
  const ledgers = new Map<string, Deduction[]>();
  for (const account of world.accounts) {
    const entries = (await store.redis.hvals(store.k(account.psnNo).ledger)).map((json) => JSON.parse(json) as Deduction);
    entries.sort((x, y) => (BigInt(x.seq) < BigInt(y.seq) ? -1 : 1));
    ledgers.set(account.psnNo, entries);
    const person = await store.getPerson(account.psnNo);
    const spent = entries.reduce((sum, e) => sum + e.amount, 0);
    expect(person!.balance, `${context}: ledger of ${account.psnNo} explains its balance`).toBe(account.initial - spent);
    const ids = entries.map((e) => e.operationId);
    expect(new Set(ids).size, `${context}: no settlement applied twice to ${account.psnNo}`).toBe(ids.length);
    let running = account.initial;
    for (const entry of entries) {
      running -= entry.amount;
      expect(entry.amount, context).toBeGreaterThan(0);
      expect(entry.balanceAfter, `${context}: entries of ${account.psnNo} follow one another`).toBe(running);
      expect(entry.balanceAfter, context).toBeGreaterThanOrEqual(0);
      // R13: family use never takes an authorizer's balance below the floor.
      if (entry.beneficiaryId !== account.psnNo) expect(entry.balanceAfter, `${context}: R13 on ${account.psnNo}`).toBeGreaterThanOrEqual(FLOOR);
    }
  }
  for (const [settlementId, result] of acknowledged) {
    const journal = await store.settlementJournal(result.cardHolderId, settlementId);
    expect(journal.status, `${context}: ${settlementId} finished`).toBe('done');
    expect(JSON.parse(journal.result ?? 'null'), `${context}: the acknowledged answer of ${settlementId} is the stored one`).toEqual(result);
    expect(result.own + sumShared(result) + result.cash, context).toBe(result.charge);
    for (const part of result.shared) {
      const entries = (ledgers.get(part.authorizerId) ?? []).filter((e) => e.operationId === settlementId);
      expect(entries.map((e) => [e.amount, e.beneficiaryId]), `${context}: ${settlementId} in ${part.authorizerId}'s ledger`).toEqual([[part.amount, result.cardHolderId]]);
    }
    const own = (ledgers.get(result.cardHolderId) ?? []).filter((e) => e.operationId === settlementId).reduce((s, e) => s + e.amount, 0);
    expect(own, `${context}: own part of ${settlementId}`).toBe(result.own);
  }
  return ledgers;
}

describe('reliability: settlements under concurrency, retries and a crash (R13, R17)', () => {
  it('when 1000 settlements from 25 card holders hit 5 authorizers at once, with client retries of the same id (some while the first is running), then no balance breaks R13, every ledger equals its balance change, nothing is applied twice, and every acknowledged answer is the stored one', async () => {
    const seed = Date.now() % 1_000_000;
    const random = randomFrom(seed);
    const context = `seed ${seed}`;
    // Little room above the floor: the family demand (~1000 × 150 yuan) is far above it.
    const world = await makeWorld(random, () => FLOOR + random.int(100_000, 400_000));

    const answers = new Map<string, Array<{ status: number; body: unknown; kind: string }>>();
    const requests = new Map<string, Request>();
    const record = (id: string, kind: string, answer: { status: number; body: unknown }) => {
      const list = answers.get(id) ?? [];
      list.push({ ...answer, kind });
      answers.set(id, list);
    };
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    const clients = Array.from({ length: 1000 }, async (_, i) => {
      const holder = random.next() < 0.06 ? random.pick(world.authorizers) : random.pick(world.beneficiaries);
      const roll = random.next();
      const request: Request = {
        settlementId: `REL-${seed}-${i}`,
        cardHolderPsnNo: holder.psnNo,
        charge: random.int(1, 30_000),
        institution: random.pick(DEMO_INSTITUTIONS),
        ...(roll < 0.1 ? { choice: 'authorizer' as const } : roll < 0.15 ? { choice: 'own' as const } : {}),
      };
      requests.set(request.settlementId, request);
      const duplicates = random.next() < 0.3 ? random.int(1, 3) : 0;
      const delays = Array.from({ length: duplicates }, () => random.int(0, 25));
      const retryAfter = random.next() < 0.2;
      const conflicting = random.next() < 0.05;
      const original = post(request).then((a) => record(request.settlementId, 'original', a));
      // The POS timed out and sent it again while the first was still running.
      const concurrent = delays.map((ms) => pause(ms).then(() => post(request)).then((a) => record(request.settlementId, 'retry', a)));
      await Promise.all([original, ...concurrent]);
      if (retryAfter) record(request.settlementId, 'retry', await post(request));
      // The same id reused for another charge: refused, and nothing moves (R17).
      if (conflicting) record(request.settlementId, 'conflict', await post({ ...request, charge: request.charge + 1 }));
    });
    await Promise.all(clients);
    await h.mocks.notifier.idle();

    const acknowledged = new Map<string, SettlementResult>();
    for (const [id, list] of answers) {
      for (const answer of list) {
        if (answer.kind === 'conflict') {
          expect([answer.status, (answer.body as { error?: { code?: string } }).error?.code], `${context}: ${id} reused`).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
          continue;
        }
        expect(answer.status, `${context}: ${id} ${JSON.stringify(answer.body)}`).toBe(200);
        const first = acknowledged.get(id);
        if (first) expect(answer.body, `${context}: every answer to ${id} is the first one`).toEqual(first);
        else acknowledged.set(id, answer.body as SettlementResult);
      }
    }
    expect(acknowledged.size).toBe(1000);
    for (const [id, result] of acknowledged) {
      const request = requests.get(id)!;
      expect([result.charge, result.cardHolderId], context).toEqual([request.charge, request.cardHolderPsnNo]);
    }

    const ledgers = await checkBooks(world, acknowledged, context);
    // Nothing in any ledger that no client was told about.
    for (const [account, entries] of ledgers) {
      for (const entry of entries) expect(acknowledged.has(entry.operationId), `${context}: ${entry.operationId} in ${account}`).toBe(true);
    }
    // The load did reach the floor: otherwise R13 was never put to the test.
    const atFloor = world.authorizers.filter((a) => (ledgers.get(a.psnNo) ?? []).some((e) => e.beneficiaryId !== a.psnNo && e.balanceAfter === FLOOR));
    expect(atFloor.length, context).toBeGreaterThanOrEqual(3);
    expect([...acknowledged.values()].filter((r) => r.cash > 0 && r.own === 0).length, context).toBeGreaterThan(100);
    // The card holder's own record of each payment exists once (R16).
    for (const holder of world.holders) {
      const ids = (await h.mocks.deps.store.redis.hvals(h.mocks.deps.store.k(holder.psnNo).payments)).map((json) => (JSON.parse(json) as { settlementId: string }).settlementId);
      expect(new Set(ids).size, context).toBe(ids.length);
      expect(ids.sort(), context).toEqual([...acknowledged.values()].filter((r) => r.cardHolderId === holder.psnNo).map((r) => r.settlementId).sort());
    }
    expect(await h.mocks.deps.store.duePendingOperations(Date.now() + 3_600_000)).toEqual([]);
  }, 120_000);

  it('when Redis is killed (-9) twice in the middle of a load and restarted, then every acknowledged settlement is still there, retries get the same answer, and after recovery the balances equal the ledgers', async () => {
    const seed = Date.now() % 1_000_000;
    const random = randomFrom(seed);
    const context = `crash, seed ${seed}`;
    const world = await makeWorld(random, () => FLOOR + random.int(2_000_000, 4_000_000));
    const acknowledged = new Map<string, SettlementResult>();
    const requests = new Map<string, Request>();
    const statuses = new Map<number, number>();
    let sequence = 0;
    let inFlight = 0;
    let stop = false;
    const deadline = Date.now() + 45_000;

    /** A counter terminal: sends each payment until it has an answer (bounded), with the same id. */
    const terminal = async () => {
      while (!stop && sequence < 800 && Date.now() < deadline) {
        sequence += 1;
        const request: Request = {
          settlementId: `CRASH-${seed}-${sequence}`,
          cardHolderPsnNo: random.pick(world.holders).psnNo,
          charge: random.int(1, 20_000),
          institution: random.pick(DEMO_INSTITUTIONS),
        };
        requests.set(request.settlementId, request);
        for (let attempt = 0; attempt < 200 && Date.now() < deadline; attempt += 1) {
          let answer: { status: number; body: unknown } | null = null;
          try {
            inFlight += 1;
            answer = await post(request);
          } catch {
            // the connection broke: no answer, so not acknowledged
          } finally {
            inFlight -= 1;
          }
          if (answer) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer?.status === 200) {
            const previous = acknowledged.get(request.settlementId);
            if (previous) expect(answer.body, context).toEqual(previous);
            acknowledged.set(request.settlementId, answer.body as SettlementResult);
            break;
          }
          await new Promise((r) => setTimeout(r, 25));
        }
      }
    };
    const waitFor = async (count: number) => {
      while (acknowledged.size < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    };

    const load = Promise.all(Array.from({ length: 12 }, terminal));
    let server = redis;
    const killedAt: number[] = [];
    const inFlightAtKill: number[] = [];
    for (const threshold of [150, 350]) {
      await waitFor(threshold);
      killedAt.push(acknowledged.size);
      inFlightAtKill.push(inFlight);
      server = await server.restart({ kill: true });
    }
    redis = server; // afterAll disposes the live one
    await waitFor(killedAt[1]! + 150);
    stop = true;
    await load;
    expect(killedAt, context).toEqual([expect.any(Number), expect.any(Number)]);
    expect(acknowledged.size, context).toBeGreaterThanOrEqual(killedAt[1]! + 150);
    // The crashes hit requests in flight (else they proved nothing), and the only answers were
    // ones a POS can act on: success, or "try again" (503) while Redis was away.
    expect(Math.min(...inFlightAtKill), context).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((s) => s !== 200 && s !== 503), `${context}: ${JSON.stringify([...statuses])}`).toEqual([]);

    // Operations cut off by a crash are completed by the sweeper (once they are due).
    await h.mocks.notifier.idle();
    h.advance(RECOVERY_DELAY_MS + 1_000);
    for (let round = 0; round < 20 && (await h.mocks.deps.store.duePendingOperations(Date.now() + RECOVERY_DELAY_MS + 60_000)).length > 0; round += 1) {
      await recoverPending(h.mocks.deps);
    }
    expect(await h.mocks.deps.store.duePendingOperations(Date.now() + 3_600_000), context).toEqual([]);

    // A retry of every payment ever sent — acknowledged or not — gives one stable answer.
    const all = new Map(acknowledged);
    for (const [id, request] of requests) {
      const again = await post(request);
      expect(again.status, `${context}: ${id}`).toBe(200);
      if (acknowledged.has(id)) expect(again.body, `${context}: ${id} after the crashes`).toEqual(acknowledged.get(id));
      all.set(id, again.body as SettlementResult);
    }
    const ledgers = await checkBooks(world, all, context);
    for (const [account, entries] of ledgers) {
      for (const entry of entries) expect(all.has(entry.operationId), `${context}: ${entry.operationId} in ${account} belongs to a payment`).toBe(true);
    }
  }, 120_000);
});
