import { TIBET_2022_LETTER, composeIdNumber, TIBET_2022 } from '@family-share/shared';
import { Redis } from 'ioredis';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisCliAvailable, startRedisCluster, type RedisCluster } from '../../scripts/lib/redis-cluster';
import { allKeys } from '../../scripts/lib/redis-contents';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { DEMO_INSTITUTIONS } from '../../mocks/src/platform/institutions';

/**
 * SPEC "Redis state works on Redis Cluster": the BFF and the platform on a real 3-master
 * cluster (redis-cluster:// URL), the whole family flow through the BFF's HTTP API, and
 * then a look at where the keys went: across the masters, each person's keys in one slot.
 */

let cluster: RedisCluster;
let stack: Stack;
let http: ReturnType<typeof request>;
let nodes: Redis[] = [];

beforeAll(async () => {
  // Not skipped when missing: a cluster test that silently does not run proves nothing.
  if (!redisCliAvailable()) throw new Error('redis-cli is needed for the cluster test (Debian: apt-get install redis-server)');
  cluster = await startRedisCluster({ masters: 3 });
  stack = await startStack({ redisUrl: cluster.url, policy: TIBET_2022, rateLimitScale: 100, demo: true });
  http = request(stack.bff.url);
  // The BFF's cluster client has no offline queue: wait until it has the slot map.
  const deadline = Date.now() + 20_000;
  while ((await http.get('/readyz')).status !== 200) {
    if (Date.now() > deadline) throw new Error('the BFF never became ready on the cluster');
    await new Promise((r) => setTimeout(r, 100));
  }
  nodes = cluster.ports.map((port) => new Redis({ host: '127.0.0.1', port, lazyConnect: false }));
}, 60_000);
afterAll(async () => {
  for (const node of nodes) node.disconnect();
  await stack?.close();
  await cluster?.dispose();
});

interface Client {
  token: string;
  refreshToken: string;
  get(path: string): request.Test;
  post(path: string, body?: object, headers?: Record<string, string>): request.Test;
}

async function login(openid: string): Promise<Client> {
  const wx = await fetch(`${stack.mocks.wechatUrl}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
  const res = await http.post('/api/auth/login').send({ code: ((await wx.json()) as { code: string }).code });
  expect(res.status).toBe(200);
  const auth = { authorization: `Bearer ${res.body.accessToken as string}` };
  return {
    token: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    get: (path) => http.get(path).set(auth),
    post: (path, body = {}, headers = {}) => http.post(path).set({ ...auth, ...headers }).send(body),
  };
}

async function platform<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${stack.mocks.platformUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-platform-key': stack.keys.platform },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

let seq = 0;
async function newPerson(facts: Record<string, unknown>) {
  seq += 1;
  const person = {
    idNumber: composeIdNumber('540102', facts.insurance === 'resident' ? '1957-02-03' : '1984-06-07', 300 + seq),
    name: ['旺堆', '曲珍', '罗布'][seq % 3]!,
    openid: `o_cluster_${seq}`,
    insurance: 'employee',
    region: '540102',
    status: 'active',
    eCredentialActive: false,
    ...facts,
  };
  const created = await platform<{ psnNo: string }>('POST', '/v1/admin/persons', person);
  expect(created.status).toBe(201);
  return { ...(person as { idNumber: string; name: string; openid: string }), psnNo: created.body.psnNo };
}

async function faceTicket(client: Client, body: Record<string, string>, outcome = 'pass'): Promise<string> {
  const started = await client.post('/api/face/sessions', body);
  expect(started.status).toBe(201);
  const done = await client.post(`/api/face/sessions/${started.body.sessionId as string}/complete`, { outcome });
  expect(done.status).toBe(200);
  return done.body.ticket;
}

const code = (res: { body: unknown }) => (res.body as { error?: { code?: string } }).error?.code;

/** Every key on every master, by node. */
async function keysByNode(): Promise<string[][]> {
  return Promise.all(nodes.map((node) => allKeys(node)));
}

describe('BFF and platform on a 3-master Redis Cluster', () => {
  let a: { idNumber: string; name: string; openid: string; psnNo: string };
  let b: { idNumber: string; name: string; openid: string; psnNo: string };

  it('when a family goes through the whole flow on the cluster, then every step works: login, activation, commitment, invitation, acceptance, premium with replay, settlement, history, face lock, notifications, logout', async () => {
    a = await newPerson({ balance: 800_000 });
    b = await newPerson({ insurance: 'resident' });

    const A = await login(a.openid);
    expect((await A.get('/api/home')).body.person).toBeNull();
    const activation = await faceTicket(A, { purpose: 'activate', name: a.name, idNumber: a.idNumber });
    const activated = await A.post('/api/ecredential/activate', { name: a.name, idNumber: a.idNumber, faceTicket: activation });
    expect([activated.status, activated.body.usableForFamily]).toEqual([200, 500_000]);
    expect(code(await A.post('/api/ecredential/activate', { name: a.name, idNumber: a.idNumber, faceTicket: activation }))).toBe('FACE_TICKET_INVALID');

    expect((await A.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version })).status).toBe(200);
    const invited = await A.post('/api/invitations', {
      name: b.name,
      idNumber: b.idNumber,
      relation: 'parent',
      faceTicket: await faceTicket(A, { purpose: 'bind', target: b.idNumber }),
      commitmentVersion: TIBET_2022_LETTER.version,
    });
    expect(invited.status).toBe(201);

    const B = await login(b.openid);
    const bActivation = await faceTicket(B, { purpose: 'activate', name: b.name, idNumber: b.idNumber });
    expect((await B.post('/api/ecredential/activate', { name: b.name, idNumber: b.idNumber, faceTicket: bActivation })).status).toBe(200);
    expect((await B.get('/api/home')).body.pendingInvitations).toBe(1);
    const accepted = await B.post(`/api/invitations/${invited.body.invitationId as string}/accept`);
    expect(accepted.body).toMatchObject({ status: 'active', role: 'beneficiary' });
    const bindingId = accepted.body.bindingId as string;

    // R15/R17: a premium with an Idempotency-Key, its replay, and the key reused for another year.
    const key = { 'idempotency-key': 'cluster-premium-0001' };
    const paid = await A.post('/api/premiums/payments', { bindingId, year: 2026 }, key);
    expect([paid.status, paid.body.amount]).toEqual([200, 40_000]);
    expect((await A.post('/api/premiums/payments', { bindingId, year: 2026 }, key)).body).toEqual(paid.body);
    expect(code(await A.post('/api/premiums/payments', { bindingId, year: 2027 }, key))).toBe('IDEMPOTENCY_KEY_REUSED');

    // The counter: a settlement across two people's slots (card holder and authorizer).
    const pos = await platform<{ shared: Array<{ amount: number }>; cash: number }>('POST', '/v1/settlements', {
      settlementId: 'CLUSTER-1',
      cardHolderPsnNo: b.psnNo,
      charge: 12_345,
      institution: DEMO_INSTITUTIONS[3],
    });
    expect(pos.body).toMatchObject({ shared: [{ amount: 12_345 }], cash: 0 });
    const history = await A.get('/api/history/deductions');
    expect(history.body.items.map((d: { amount: number; kind: string }) => [d.kind, d.amount])).toEqual([
      ['settlement', 12_345],
      ['premium', 40_000],
    ]);
    expect((await A.get('/api/home')).body.person.balance).toBe(800_000 - 40_000 - 12_345);

    // R20 on both sides.
    const bKinds = (await B.get('/api/notifications')).body.items.map((n: { kind: string }) => n.kind);
    expect(bKinds).toEqual(expect.arrayContaining(['INVITATION_RECEIVED', 'PREMIUM_PAID', 'PAYMENT']));
    const aKinds = (await A.get('/api/notifications')).body.items.map((n: { kind: string }) => n.kind);
    expect(aKinds).toEqual(expect.arrayContaining(['INVITATION_ACCEPTED', 'DEDUCTION']));

    // R6: five failed face verifications lock the account's face checks.
    const c = await newPerson({});
    const C = await login(c.openid);
    for (let i = 0; i < 5; i += 1) {
      const s = await C.post('/api/face/sessions', { purpose: 'activate', name: c.name, idNumber: c.idNumber });
      const r = await C.post(`/api/face/sessions/${s.body.sessionId as string}/complete`, { outcome: 'fail' });
      expect(code(r)).toBe(i < 4 ? 'FACE_VERIFICATION_FAILED' : 'FACE_LOCKED');
    }
    expect((await C.get('/api/face/status')).body.attemptsLeft).toBe(0);

    // R6/R7: A ends the binding with a fresh face check.
    const unbind = await faceTicket(A, { purpose: 'unbind', target: bindingId });
    expect((await A.post(`/api/bindings/${bindingId}/end`, { faceTicket: unbind })).body).toMatchObject({ status: 'ended' });
    expect((await B.get('/api/home')).body.sharing.asBeneficiary).toEqual([]);

    // Sessions: a refresh rotates, a logout revokes.
    const refreshed = await http.post('/api/auth/refresh').send({ refreshToken: A.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await http.post('/api/auth/logout').set({ authorization: `Bearer ${refreshed.body.accessToken as string}` })).status).toBe(204);
    expect(code(await A.get('/api/home'))).toBe('SESSION_REVOKED');
    await stack.mocks.notifier.idle();
  });

  it('when the keys are counted per master, then both the BFF’s and the platform’s are spread over the masters, and each person’s keys share one slot', async () => {
    const byNode = await keysByNode();
    const counts = byNode.map((keys) => ({
      all: keys.length,
      bff: keys.filter((k) => k.startsWith('bff:')).length,
      plat: keys.filter((k) => k.startsWith('plat:')).length,
    }));
    const dbsize = await Promise.all(nodes.map((n) => n.dbsize()));
    expect(dbsize).toEqual(counts.map((c) => c.all));
    expect(counts.filter((c) => c.all > 0).length, JSON.stringify(counts)).toBe(3);
    expect(counts.filter((c) => c.bff > 0).length, JSON.stringify(counts)).toBeGreaterThanOrEqual(2);
    expect(counts.filter((c) => c.plat > 0).length, JSON.stringify(counts)).toBeGreaterThanOrEqual(2);

    const all = byNode.flat();
    // A person's tag holds platform and BFF keys; a WeChat account's, B's live session.
    for (const [tag, least] of [[`{p:${a.psnNo}}`, 8], [`{p:${b.psnNo}}`, 8], [`{u:${b.openid}}`, 1]] as const) {
      const mine = all.filter((k) => k.includes(tag));
      expect(mine.length, tag).toBeGreaterThanOrEqual(least);
      const slots = new Set(await Promise.all(mine.map((k) => nodes[0]!.cluster('KEYSLOT', k))));
      expect(slots.size, `${tag}: ${mine.join(', ')}`).toBe(1);
      expect(byNode.filter((keys) => keys.some((k) => k.includes(tag))).length, tag).toBe(1);
    }
    // The platform's and the BFF's keys of A: the ledger, the balance, the commitment, the inbox.
    expect(all).toEqual(expect.arrayContaining([`plat:{p:${a.psnNo}}:person`, `plat:{p:${a.psnNo}}:led`, `bff:{p:${a.psnNo}}:commitment`]));
    const info = await cluster.cli(cluster.ports[0]!, 'cluster', 'info');
    expect(info).toMatch(/cluster_state:ok/);
  });
});
