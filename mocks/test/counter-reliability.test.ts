import { NGARI_2025, type CounterSettlement } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECOVERY_DELAY_MS } from '../src/platform/deps';
import { DEMO_INSTITUTIONS } from '../src/platform/institutions';
import { recoverPending } from '../src/platform/use-cases/recover-pending';
import { checkCounterBooks } from './counter-books';
import { codeOf } from './counter-helpers';
import { startHarness, type Harness } from './harness';
import { makeLoadWorld, randomFrom } from './load-world';

/**
 * R13, R17, R22–R24 under concurrency: 1000 counter stories at once — settlements with client
 * retries, pre-settlements, cancellations (retried, and a second one under another id),
 * reversals of settlements and of cancellations, reversals racing the operation they name,
 * and ids reversed before they were ever sent — against 5 authorizers shared by 20 people.
 */

const FLOOR = NGARI_2025.reserveFloor;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ policy: NGARI_2025, seed: false });
});
afterAll(async () => h?.close());

type Answer = { status: number; body: unknown };

describe('counter under concurrency (R13, R17, R22, R23, R24)', () => {
  it('when 1000 mixed counter stories run at once, then every ledger explains its balance, R13 holds at every family debit, no fen goes back twice, and every cancelled or reversed settlement nets to zero on every account', async () => {
    const seed = Date.now() % 1_000_000;
    const random = randomFrom(seed);
    const context = `seed ${seed}`;
    const world = await makeLoadWorld(h, random, () => FLOOR + random.int(100_000, 400_000));
    const institutions = DEMO_INSTITUTIONS.filter((i) => i.sharingEnabled);
    const settlements = new Map<string, string>();
    const shortfalls = new Map<string, number>();
    const answers = new Map<string, Answer[]>();
    const counts = new Map<string, number>();
    let requests = 0;
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const call = async (label: string, path: string, body: Record<string, unknown>, key: string): Promise<Answer> => {
      requests += 1;
      const answer = await h.api('POST', `/v1/counter/${path}`, body);
      const list = answers.get(key) ?? [];
      list.push(answer);
      answers.set(key, list);
      const tag = `${label} ${answer.status}${answer.status === 200 ? '' : ` ${codeOf(answer.body)}`}`;
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
      return answer;
    };

    const story = async (i: number) => {
      const holder = random.next() < 0.1 ? random.pick(world.authorizers) : random.pick(world.beneficiaries);
      const institutionCode = random.pick(institutions).code;
      const settlementId = `CR-${seed}-${i}`;
      const request = { settlementId, cardHolderIdNumber: holder.idNumber, institutionCode, charge: random.int(1, 30_000) };
      const settle = (label = 'settlement') => call(label, 'settlements', request, `stl:${settlementId}`);
      const cancel = (cancellationId: string, label = 'cancellation') => call(label, 'cancellations', { cancellationId, settlementId, institutionCode }, `cnl:${cancellationId}`);
      const reverse = (id: string, kind: 'settlement' | 'cancellation', label: string) => call(label, 'reversals', { originalRequestId: id, originalKind: kind, institutionCode }, `rev:${id}`);
      const roll = random.next();
      const retries = random.next() < 0.3 ? random.int(1, 2) : 0;
      const delays = Array.from({ length: retries }, () => random.int(0, 20));
      const withRetries = (send: () => Promise<Answer>) => Promise.all([send(), ...delays.map((ms) => pause(ms).then(send))]);

      if (roll < 0.12) {
        // R22: a pre-settlement; nothing recorded, the split adds up.
        const preview = await call('pre-settlement', 'pre-settlements', { cardHolderIdNumber: holder.idNumber, institutionCode, charge: request.charge }, `pv:${i}`);
        const body = preview.body as CounterSettlement;
        expect(body.acctPay + body.acctMulaidPay + body.psnCashPay, context).toBe(request.charge);
        return;
      }
      if (roll < 0.2) {
        // R24: an id reversed before it was ever sent is dead.
        const reversal = await reverse(settlementId, 'settlement', 'reversal of a never-sent id');
        expect((reversal.body as { applied: boolean }).applied, context).toBe(false);
        const late = await settle('settlement after its reversal');
        expect([late.status, codeOf(late.body)], context).toEqual([409, 'OPERATION_REVERSED']);
        return;
      }
      settlements.set(settlementId, holder.psnNo);
      if (roll < 0.3) {
        // R24: the reversal races the settlement it names (the counter timed out at once).
        await Promise.all([withRetries(() => settle('racing settlement')), pause(random.int(0, 15)).then(() => reverse(settlementId, 'settlement', 'reversal racing its settlement'))]);
        return;
      }
      await withRetries(() => settle());
      const next = random.next();
      if (next < 0.15) {
        await reverse(settlementId, 'settlement', 'reversal of a settlement');
      } else if (next < 0.55) {
        const cancellationId = `CX-${seed}-${i}`;
        await withRetries(() => cancel(cancellationId));
        const then = random.next();
        if (then < 0.2) await cancel(`CY-${seed}-${i}`, 'second cancellation');
        else if (then < 0.45) {
          const reversal = await reverse(cancellationId, 'cancellation', 'reversal of a cancellation');
          shortfalls.set(settlementId, (reversal.body as { psnCashPay: number }).psnCashPay);
          if (random.next() < 0.5) await cancel(`CZ-${seed}-${i}`, 'cancellation after its reversal');
        } else if (then < 0.6) {
          const [, reversal] = await Promise.all([cancel(cancellationId, 'cancellation retry'), reverse(cancellationId, 'cancellation', 'reversal racing a cancellation retry')]);
          shortfalls.set(settlementId, (reversal.body as { psnCashPay: number }).psnCashPay);
        }
      }
    };

    const started = Date.now();
    await Promise.all(Array.from({ length: 1000 }, (_, i) => story(i)));
    const elapsed = Date.now() - started;
    await h.mocks.notifier.idle();

    // Only answers a counter can act on; every answer under one id is the same.
    const allowed = new Set([
      'settlement 200', 'racing settlement 200', 'racing settlement 409 OPERATION_REVERSED', 'settlement after its reversal 409 OPERATION_REVERSED',
      'pre-settlement 200', 'cancellation 200', 'cancellation retry 200', 'cancellation retry 409 OPERATION_REVERSED', 'second cancellation 409 SETTLEMENT_ALREADY_CANCELLED',
      'cancellation after its reversal 200', 'reversal of a settlement 200', 'reversal of a cancellation 200', 'reversal racing its settlement 200',
      'reversal racing a cancellation retry 200', 'reversal of a never-sent id 200',
    ]);
    const tags = [...counts.keys()];
    expect(tags.filter((t) => !allowed.has(t)), `${context}: ${JSON.stringify([...counts])}`).toEqual([]);
    for (const [key, list] of answers) {
      const ok = list.filter((a) => a.status === 200).map((a) => JSON.stringify(a.body));
      if (key.startsWith('cnl:') || key.startsWith('stl:')) expect(new Set(ok).size, `${context}: one answer for ${key}`).toBeLessThanOrEqual(1);
    }

    h.advance(RECOVERY_DELAY_MS + 1);
    const recovered = await recoverPending(h.mocks.deps);
    const books = await checkCounterBooks(h.mocks.deps.store, world.accounts, settlements, FLOOR, context, shortfalls);
    console.log(`counter concurrency, ${context}: ${requests} requests in ${elapsed} ms; recovered ${recovered}; ${JSON.stringify(books)}; ${JSON.stringify(Object.fromEntries(counts))}`);
    expect(await h.mocks.deps.store.duePendingOperations(h.mocks.deps.clock() + 3_600_000)).toEqual([]);
    // The load did what it claims: the floor was reached and every kind of ending happened.
    expect(books.standing, context).toBeGreaterThan(100);
    expect(books.cancelled, context).toBeGreaterThan(50);
    expect(books.reversed, context).toBeGreaterThan(50);
    expect(books.takeBacks, context).toBeGreaterThan(10);
    const atFloor = [];
    for (const a of world.authorizers) if ((await h.mocks.deps.store.getPersonByIdNumber(a.idNumber))!.balance < FLOOR + 30_000) atFloor.push(a);
    expect(atFloor.length + books.takeBacks, context).toBeGreaterThan(0);
  }, 180_000);
});
