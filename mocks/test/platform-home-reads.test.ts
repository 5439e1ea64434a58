import { NGARI_2025, type Binding, type PersonBindings } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformStore } from '../src/platform/store/platform-store';
import { personView } from '../src/platform/use-cases/person-view';
import { nextId, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  // Five authorizers per beneficiary (R4 under this policy), so that one person can have several.
  h = await startHarness({ policy: NGARI_2025 });
});
afterAll(async () => h.close());

/**
 * The home's reads as they were before issue 14 (eight commands in four sequential steps),
 * kept here as the oracle: the one-script-per-slot reads must answer byte for byte the same.
 */
async function stepwiseBindings(store: PlatformStore, personId: string): Promise<PersonBindings> {
  const newestFirst = (x: Binding, y: Binding) => y.createdAt - x.createdAt;
  const [records, order, out] = await Promise.all([store.redis.hvals(store.k(personId).bindings).then((raw) => raw.map((json) => JSON.parse(json) as Binding)), store.authorizersOf(personId), store.beneficiariesOf(personId)]);
  const rankOf = new Map(order.map((entry, index) => [entry.bindingId, index + 1]));
  const asBeneficiary = records
    .map((r) => ({ ...r, rank: r.status === 'active' ? (rankOf.get(r.bindingId) ?? null) : null }))
    .sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || newestFirst(x, y));
  const asAuthorizer = (
    await Promise.all(out.filter((entry) => entry.state !== 'pending').map((entry) => store.bindingRecord(entry.beneficiaryId, entry.bindingId)))
  )
    .filter((r): r is Binding => r !== null && r.authorizerId === personId)
    .map((r) => ({ ...r, rank: null }))
    .sort((x, y) => (x.status === y.status ? newestFirst(x, y) : x.status === 'active' ? -1 : 1));
  const beneficiaries = await store.getPersons(asAuthorizer.map((r) => r.beneficiaryId));
  for (const r of asAuthorizer) r.beneficiaryInsurance = beneficiaries.get(r.beneficiaryId)?.insurance ?? null;
  return { asAuthorizer, asBeneficiary };
}

async function stepwiseSummary(store: PlatformStore, psnNo: string, feedSince: number): Promise<string> {
  const person = await store.getPerson(psnNo);
  if (!person) throw new Error('no such person');
  const [bindings, newer] = await Promise.all([
    stepwiseBindings(store, psnNo),
    store.redis.xrange(store.k(psnNo).feed, `${feedSince + 1}`, '+', 'COUNT', 99),
  ]);
  return JSON.stringify({ person: personView(person), bindings, feedSince, feedNewer: newer.length });
}

const get = async (path: string) => {
  const response = await fetch(`${h.mocks.platformUrl}${path}`, { headers: { 'x-platform-key': 'test-platform-key-0123456789abcdef' } });
  return { status: response.status, text: await response.text() };
};

describe('platform: the home page reads (issue 14)', () => {
  it('when a seeded world has bindings both ways, a suspended authorizer, an ended binding, a binding in flight and 0 or >99 feed entries, then summary, bindings and feed count answer byte for byte what the stepwise reads did', async () => {
    const store = h.mocks.deps.store;
    const x = await h.newPerson({ balance: 300000 });
    const [authorizer, suspended, formerAuthorizer] = await Promise.all([h.newPerson({ balance: 500000 }), h.newPerson({ balance: 400000 }), h.newPerson({ balance: 200000 })]);
    const [resident, employee, inFlight] = await Promise.all([h.newPerson({ insurance: 'resident', born: '1950-03-03' }), h.newPerson(), h.newPerson()]);
    const quiet = await h.newPerson();
    for (const [a, b] of [[authorizer, x], [suspended, x], [formerAuthorizer, x], [x, resident], [x, employee]] as const) {
      expect((await h.bind(a, b, { relation: 'sibling' })).status).toBe(201);
    }
    await h.api('POST', `/v1/admin/persons/${suspended.psnNo}/insurance`, { status: 'suspended' });
    const ended = (JSON.parse((await get(`/v1/persons/${x.psnNo}/bindings`)).text) as PersonBindings).asBeneficiary.find((r) => r.authorizerId === formerAuthorizer.psnNo);
    expect((await h.api('POST', `/v1/bindings/${ended?.bindingId}/end`, { actorPsnNo: x.psnNo, faceVerified: true })).status).toBe(200);
    const endedOut = (JSON.parse((await get(`/v1/persons/${x.psnNo}/bindings`)).text) as PersonBindings).asAuthorizer.find((r) => r.beneficiaryId === employee.psnNo);
    expect((await h.api('POST', `/v1/bindings/${endedOut?.bindingId}/end`, { actorPsnNo: x.psnNo, faceVerified: true })).status).toBe(200);
    // A binding claimed and never committed: 'pending' on the authorizer's side only.
    expect((await store.claimBinding(x.psnNo, inFlight.psnNo, nextId('b'), Date.now(), 30_000))[0]).toBeTruthy();
    for (let i = 0; i < 120; i += 1) await store.appendFeed(x.psnNo, { kind: 'DEDUCTION', at: i, amount: i });

    const views = [x, authorizer, suspended, resident, employee, inFlight, quiet];
    const checked = { asAuthorizer: 0, asBeneficiary: 0, feedCapped: 0, feedEmpty: 0 };
    for (const person of views) {
      for (const since of [0, Date.now() - 60_000, Date.now() + 60_000]) {
        const expected = await stepwiseSummary(store, person.psnNo, since);
        expect((await get(`/v1/persons/${person.psnNo}/summary?feedSince=${since}`)).text).toBe(expected);
        const parsed = JSON.parse(expected) as { bindings: PersonBindings; feedNewer: number };
        expect((await get(`/v1/persons/${person.psnNo}/feed/count?feedSince=${since}`)).text).toBe(JSON.stringify({ feedSince: since, feedNewer: parsed.feedNewer }));
        expect((await get(`/v1/persons/${person.psnNo}/bindings`)).text).toBe(JSON.stringify(parsed.bindings));
        checked.asAuthorizer += parsed.bindings.asAuthorizer.length;
        checked.asBeneficiary += parsed.bindings.asBeneficiary.length;
        if (parsed.feedNewer === 99) checked.feedCapped += 1;
        if (parsed.feedNewer === 0) checked.feedEmpty += 1;
      }
    }
    // The world really has what the comparison is meant to cover.
    expect(checked.feedCapped).toBeGreaterThan(0);
    expect(checked.feedEmpty).toBeGreaterThan(0);
    const xBindings = JSON.parse((await get(`/v1/persons/${x.psnNo}/bindings`)).text) as PersonBindings;
    expect(xBindings.asAuthorizer.map((r) => [r.status, r.beneficiaryInsurance])).toEqual([
      ['active', 'resident'],
      ['ended', 'employee'],
    ]);
    expect(xBindings.asBeneficiary.map((r) => r.status).sort()).toEqual(['active', 'active', 'ended']);
  });

  it('when a home page asks for the summary of a person who shares with two people, then the platform sends Redis three read scripts and nothing else (issue 14: one per slot)', async () => {
    const x = await h.newPerson({ balance: 300000 });
    const [b1, b2, a] = await Promise.all([h.newPerson(), h.newPerson(), h.newPerson({ balance: 100000 })]);
    for (const [from, to] of [[x, b1], [x, b2], [a, x]] as const) expect((await h.bind(from, to)).status).toBe(201);
    const redis = h.mocks.redis;
    await get(`/v1/persons/${x.psnNo}/summary?feedSince=0`); // scripts loaded
    await h.mocks.notifier.idle(); // the bindings' WeChat nudges sent: no outbox traffic below
    await redis.call('CONFIG', 'RESETSTAT');
    const answer = JSON.parse((await get(`/v1/persons/${x.psnNo}/summary?feedSince=0`)).text) as { bindings: PersonBindings };
    const stats = String(await redis.call('INFO', 'commandstats'));
    const calls = Object.fromEntries([...stats.matchAll(/cmdstat_([a-z|]+):calls=(\d+)/g)].map((m) => [m[1], Number(m[2])]));
    // The outbox consumer's background reads and this test's own INFO are not the summary's.
    for (const own of ['info', 'config|resetstat', 'xreadgroup', 'xautoclaim', 'xpending']) delete calls[own];
    expect(answer.bindings.asAuthorizer).toHaveLength(2);
    expect(answer.bindings.asBeneficiary).toHaveLength(1);
    // INFO counts the commands inside the scripts too: these are the three scripts' own reads.
    expect(calls).toEqual({ evalsha: 3, hgetall: 3, hvals: 1, xrange: 1, hget: 2, hmget: 2 });
  });

  it('when a person number is unknown or the query is bad, then a bad query is 400 (the registry checks every request part first) and an unknown person 404', async () => {
    const nobody = 'P0000000000000000';
    expect((await get(`/v1/persons/${nobody}/summary?feedSince=-5`)).status).toBe(400);
    expect((await get(`/v1/persons/${nobody}/summary?feedSince=5`)).status).toBe(404);
    expect((await get(`/v1/persons/${nobody}/bindings`)).status).toBe(404);
    expect((await get(`/v1/persons/${nobody}/feed/count?feedSince=5`)).status).toBe(404);
    const x = await h.newPerson();
    expect((await get(`/v1/persons/${x.psnNo}/summary?feedSince=-5`)).status).toBe(400);
    expect((await get(`/v1/persons/${x.psnNo}/feed/count?feedSince=1e3`)).status).toBe(400);
  });
});
