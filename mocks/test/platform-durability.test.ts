import { maskIdNumber, type SettlementResult } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../../scripts/lib/redis-server';
import { DEMO_INSTITUTIONS } from '../src/platform/institutions';
import { recoverPending } from '../src/platform/use-cases/recover-pending';
import { nextId, startHarness, type Harness } from './harness';

let redis: RedisServer;
let h: Harness;
beforeAll(async () => {
  redis = await startRedisServer({ appendOnly: true, appendfsync: 'always' });
  h = await startHarness({ redis });
});
afterAll(async () => {
  await h.close();
  await redis.dispose();
});

const institution = DEMO_INSTITUTIONS[0]!;
const balance = async (id: string) => (await h.call('person', { params: { psnNo: await h.psn(id) } })).body.balance;

describe('platform: durability and recovery (R17)', () => {
  it('when Redis is killed (-9) in the middle of a load and restarted, then every acknowledged settlement is still there', async () => {
    const a = await h.newPerson({ balance: 10_000_000 });
    const b = await h.newPerson({ insurance: 'resident' });
    await h.bind(a, b, { bindingId: nextId('d') });

    const acknowledged: SettlementResult[] = [];
    let stop = false;
    const load = (async () => {
      for (let i = 0; i < 400 && !stop; i += 1) {
        const request = { settlementId: nextId('D'), cardHolderPsnNo: b.psnNo, charge: 100 + i, institution };
        try {
          const r = await h.api<SettlementResult>('POST', '/v1/settlements', request);
          if (r.status === 200) acknowledged.push(r.body);
        } catch {
          // the connection broke while Redis was down: not acknowledged
        }
      }
    })();
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 5));
    await redis.restart({ kill: true });
    await new Promise((r) => setTimeout(r, 200));
    stop = true;
    await load;
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    // every acknowledged one is in the ledger with its amount; the balance matches the ledger
    const ledger = new Map<string, number>();
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `?limit=100&cursor=${cursor}` : '?limit=100';
      const page: { body: { items: Array<{ operationId: string; amount: number }>; nextCursor: string | null } } = await h.api('GET', `/v1/persons/${await h.psn(a.idNumber)}/deductions${q}`);
      for (const d of page.body.items) ledger.set(d.operationId, (ledger.get(d.operationId) ?? 0) + d.amount);
      cursor = page.body.nextCursor;
    } while (cursor);
    for (const s of acknowledged) expect(ledger.get(s.settlementId)).toBe(s.shared[0]?.amount);
    const spent = [...ledger.values()].reduce((x, y) => x + y, 0);
    expect(await balance(a.idNumber)).toBe(10_000_000 - spent);
  });

  it('when the process stopped between the debit and the journal’s end, then the sweeper completes it and a retry gets the same result', async () => {
    const a = await h.newPerson({ balance: 500000 });
    const b = await h.newPerson({ insurance: 'resident' });
    await h.bind(a, b, { bindingId: nextId('d') });
    const { store } = h.mocks.deps;
    const request = { settlementId: nextId('C'), cardHolderPsnNo: b.psnNo, charge: 6000, institution };
    // what settle() does up to a crash: claim the id, journal the plan, debit the authorizer
    const now = Date.now();
    const { requestFingerprint } = await import('@family-share/shared');
    const fingerprint = requestFingerprint({ cardHolder: b.psnNo, charge: 6000, institution: institution.code, choice: null });
    await store.claimOperationId('stl', request.settlementId, `${b.psnNo}|${fingerprint}`);
    await store.addPendingOperation({ type: 'settlement', request }, now - 1);
    const plan = { steps: [{ account: a.psnNo, mode: 'shared' }], at: now };
    await store.beginSettlement(b.psnNo, request.settlementId, fingerprint, JSON.stringify(plan), now, institution.code);
    await store.debit({
      account: a.psnNo, operationId: `stl:${request.settlementId}`, want: 6000, mode: 'shared', beneficiaryId: b.psnNo,
      reserveFloor: 300000, reserveMode: 'floor', now, allOrNothing: false, entryHead: '{"operationId":"x"', eventHead: '',
    });
    expect(await balance(a.idNumber)).toBe(494000);

    expect(await recoverPending(h.mocks.deps)).toBeGreaterThanOrEqual(1);
    const retry = await h.api<SettlementResult>('POST', '/v1/settlements', request);
    expect(retry.body).toMatchObject({ shared: [{ amount: 6000 }], cash: 0, at: now });
    expect(await balance(a.idNumber)).toBe(494000);
    // Only this settlement's entries: the killed load above may leave one of its own in-flight
    // settlements' recovery entries for the sweeper (due 10 s later), as a crash would.
    const left = (await store.duePendingOperations(Date.now() + 60_000)).filter((m) => m.includes(`"settlementId":"${request.settlementId}"`));
    expect(left).toEqual([]);
  });

  it('when a binding stopped between its commit and its finish, then the sweeper makes both sides agree', async () => {
    const a = await h.newPerson({ balance: 500000 });
    const b = await h.newPerson({ insurance: 'resident' });
    const { store } = h.mocks.deps;
    const bindingId = nextId('half');
    const now = Date.now();
    await store.addPendingOperation({ type: 'binding', a: a.psnNo, b: b.psnNo, bindingId }, now - 1);
    await store.claimBinding(a.psnNo, b.psnNo, bindingId, now, 30_000);
    const bPerson = await store.getPerson(b.psnNo);
    await store.commitBinding(
      { bindingId, authorizerId: a.psnNo, authorizerName: a.name, authorizerMaskedIdNumber: maskIdNumber(a.idNumber), beneficiaryId: b.psnNo, beneficiaryName: b.name, beneficiaryMaskedIdNumber: maskIdNumber(b.idNumber), relation: 'parent', status: 'active', needsAcceptance: true, createdAt: now, endedAt: null, endReason: null, rank: null },
      1,
      bPerson!.version,
      { kind: 'BINDING_CREATED', at: now },
      now,
    );
    expect((await store.beneficiariesOf(a.psnNo))[0]?.state).toBe('pending');
    await recoverPending(h.mocks.deps);
    expect((await store.beneficiariesOf(a.psnNo))[0]?.state).toBe('active');
  });
});
