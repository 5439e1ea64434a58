import { rmSync } from 'node:fs';
import { NGARI_2025, type CounterCancellation, type CounterReversal, type SettlementResult } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../../scripts/lib/redis-server';
import { checkCounterBooks } from './counter-books';
import { KEYS, startHarness, type Harness } from './harness';
import { makeLoadWorld, randomFrom } from './load-world';
import { startPlatformProcess, type PlatformProcess } from './platform-process';

/**
 * R23, R24 across a crash of the platform process (kill -9) in the middle of a burst of
 * cancellations and reversals. The restarted platform's own recovery sweeper completes what
 * was half-done; every acknowledged answer is then the stored one, and the books hold.
 */

const FLOOR = NGARI_2025.reserveFloor;
let redis: RedisServer;
let h: Harness;
let platform: PlatformProcess | null = null;
beforeAll(async () => {
  redis = await startRedisServer({ appendOnly: true, appendfsync: 'always' });
  h = await startHarness({ redis, policy: NGARI_2025, seed: false });
});
afterAll(async () => {
  await platform?.stop();
  await h?.close();
  await redis?.dispose();
  if (redis) rmSync(redis.dir, { recursive: true, force: true });
});

type Sent = { path: string; body: Record<string, unknown>; answer: unknown | null };

describe('counter: a crash of the platform process (R23, R24)', () => {
  it('when the platform is killed (-9) during a burst of cancellations and reversals and restarted, then after its sweeper every acknowledged one is complete, none is half-done, and the books hold', async () => {
    const seed = Date.now() % 1_000_000;
    const random = randomFrom(seed);
    const context = `crash, seed ${seed}`;
    const world = await makeLoadWorld(h, random, () => FLOOR + random.int(2_000_000, 4_000_000));
    const env = { REDIS_URL: redis.url, PLATFORM_KEY: KEYS.platform, PLATFORM_POLICY: 'ngari-2025' };

    // Settlements made before the burst (in-process, on the same Redis).
    const settlements = new Map<string, string>();
    const made: SettlementResult[] = [];
    for (let i = 0; i < 400; i += 1) {
      const holder = random.pick(world.holders);
      const r = await h.api<SettlementResult>('POST', '/v1/settlements', { settlementId: `CC-${seed}-${i}`, cardHolderPsnNo: await h.psn(holder.idNumber), charge: random.int(100, 20_000), institutionCode: 'P54010001' });
      expect(r.status).toBe(200);
      made.push(r.body);
      settlements.set(r.body.settlementId, holder.psnNo);
    }

    platform = await startPlatformProcess(env);
    const base = platform.url;
    const sent: Sent[] = [];
    let acknowledged = 0;
    let inFlight = 0;
    let next = 0;
    let stop = false;
    const post = async (path: string, body: Record<string, unknown>): Promise<unknown | null> => {
      const record: Sent = { path, body, answer: null };
      sent.push(record);
      inFlight += 1;
      try {
        const response = await fetch(`${base}/v1/counter/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-platform-key': KEYS.platform }, body: JSON.stringify(body) });
        const answer = (await response.json()) as unknown;
        expect(response.status, `${context}: ${path} ${JSON.stringify(answer)}`).toBe(200);
        record.answer = answer;
        acknowledged += 1;
        return answer;
      } catch (error) {
        if ((error as Error).name === 'AssertionError') throw error;
        return null; // the connection broke: no answer, not acknowledged
      } finally {
        inFlight -= 1;
      }
    };
    const terminal = async () => {
      while (!stop && next < made.length) {
        const s = made[next]!;
        next += 1;
        const roll = random.next();
        if (roll < 0.45) {
          await post('cancellations', { cancellationId: `X-${s.settlementId}`, settlementId: s.settlementId, institutionCode: 'P54010001' });
        } else if (roll < 0.75) {
          await post('reversals', { originalRequestId: s.settlementId, originalKind: 'settlement', institutionCode: 'P54010001' });
        } else {
          const cancelled = await post('cancellations', { cancellationId: `Y-${s.settlementId}`, settlementId: s.settlementId, institutionCode: 'P54010001' });
          if (cancelled) await post('reversals', { originalRequestId: `Y-${s.settlementId}`, originalKind: 'cancellation', institutionCode: 'P54010001' });
        }
      }
    };
    const burst = Promise.all(Array.from({ length: 12 }, terminal));
    while (acknowledged < 120) await new Promise((r) => setTimeout(r, 2));
    const inFlightAtKill = inFlight;
    const acknowledgedAtKill = acknowledged;
    await platform.kill();
    stop = true;
    await burst;
    expect(inFlightAtKill, context).toBeGreaterThan(0);

    // Half-done operations are in Redis now; the restarted platform's sweeper completes them
    // once they are RECOVERY_DELAY_MS old (it sweeps every 2 s).
    const { store } = h.mocks.deps;
    const pendingAfterCrash = (await store.redis.zcard(store.keys.pendingOperations)) as number;
    const restartedAt = Date.now();
    platform = await startPlatformProcess(env);
    while ((await store.redis.zcard(store.keys.pendingOperations)) > 0 && Date.now() - restartedAt < 40_000) await new Promise((r) => setTimeout(r, 200));
    const sweptIn = Date.now() - restartedAt;
    expect(await store.redis.zcard(store.keys.pendingOperations), context).toBe(0);

    // Every acknowledged one is complete, with the answer that was given.
    for (const s of sent.filter((x) => x.answer !== null)) {
      const body = s.body as { settlementId?: string; cancellationId?: string; originalRequestId?: string; originalKind?: string };
      if (s.path === 'cancellations') {
        const journal = await store.cancellationJournal(settlements.get(body.settlementId!)!, body.cancellationId!);
        // A cancellation acknowledged and later reversed (by this burst) is 'reversed'.
        expect(['done', 'reversed'], context).toContain(journal.status);
        if (journal.status === 'done') expect(JSON.parse(journal.result!), context).toEqual(s.answer as CounterCancellation);
      } else {
        const answer = s.answer as CounterReversal;
        const settlementId = body.originalKind === 'settlement' ? body.originalRequestId! : body.originalRequestId!.slice(2);
        const holder = settlements.get(settlementId)!;
        const journal = body.originalKind === 'settlement' ? await store.settlementJournal(holder, settlementId) : await store.cancellationJournal(holder, body.originalRequestId!);
        expect([journal.status, JSON.parse(journal.revResult!)], context).toEqual(['reversed', answer]);
      }
    }
    // None half-done: every journal of the burst is finished one way or the other.
    const states = new Map<string, number>();
    for (const s of made) {
      const holder = settlements.get(s.settlementId)!;
      const journals = [await store.settlementJournal(holder, s.settlementId), await store.cancellationJournal(holder, `X-${s.settlementId}`), await store.cancellationJournal(holder, `Y-${s.settlementId}`)];
      for (const j of journals.filter((x) => x.status)) {
        expect(['done', 'reversed'], `${context}: ${s.settlementId}`).toContain(j.status);
        states.set(j.status!, (states.get(j.status!) ?? 0) + 1);
      }
    }
    // A retry of anything sent gets one stable answer from the restarted platform.
    let retried = 0;
    for (const s of sent) {
      const response = await fetch(`${platform.url}/v1/counter/${s.path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-platform-key': KEYS.platform }, body: JSON.stringify(s.body) });
      const answer = (await response.json()) as { error?: { code: string } };
      retried += 1;
      if (s.answer !== null && response.status === 200) expect(answer, context).toEqual(s.answer);
      // A cancellation acknowledged, then reversed: its retry is refused as reversed.
      if (response.status !== 200) expect(answer.error?.code, context).toBe('OPERATION_REVERSED');
    }
    const books = await checkCounterBooks(store, world.accounts, settlements, FLOOR, context);
    console.log(`counter crash, ${context}: ${sent.length} sent, ${acknowledgedAtKill} acknowledged at the kill with ${inFlightAtKill} in flight; ${pendingAfterCrash} pending after the crash, swept ${sweptIn} ms after the restart; journals ${JSON.stringify(Object.fromEntries(states))}; ${retried} retried; ${JSON.stringify(books)}`);
    expect(pendingAfterCrash + inFlightAtKill, context).toBeGreaterThan(0);
  }, 180_000);
});
