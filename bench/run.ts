/**
 * `npm run bench`: speed, measured on this machine in one run, as ratios against a bare Koa
 * hello-world measured in the same run (2 shared cores: absolute req/s mean little).
 *
 * Layout: Redis (system binary, AOF with appendfsync always, as npm start and the tests run
 * it), the mocks (platform, WeChat, face) and the BFF each in their own process, started from
 * their real entry points with NODE_ENV=production; autocannon (50 connections) in this
 * process. Writes bench/results.json and prints a table with each target met or not.
 *
 * Beside the product run the limit servers (bench/limit-server.ts): the same hops doing the
 * minimum work, so that each product path is also quoted as a ratio of its architecture's limit.
 * Each load measurement runs --runs times (3) and reports the median.
 *
 * The servers run from their compiled output (`npm run build`, as production does); --tsx runs
 * the TypeScript sources through the tsx loader instead. The stand-ins run one per process
 * (MOCKS_ONLY): the platform, WeChat (with its face service) and the outbox consumer that sends
 * the subscription messages, so that WeChat's work is not charged to the platform; --one-mocks
 * runs them in one process as before.
 *
 *   node --import tsx bench/run.ts [--duration=5] [--warmup=1] [--runs=3]
 *                                  [--only=home,history,settlement,settlement-quiet,presettlement,cancellation,latency,history_p50]
 *                                  [--profile]   (V8 CPU profiles of the BFF and the mocks)
 *                                  [--cluster] [--tsx] [--one-mocks]
 */
import { createSecretKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeIdNumber, PLATFORM_API, TIBET_2022 } from '@family-share/shared';
import jwt from 'jsonwebtoken';
import pino from 'pino';
import { demoPerson, seedDemo } from '../mocks/src/platform/demo-people';
import { silentNotifier } from '../mocks/src/platform/deps';
import { DEMO_INSTITUTIONS } from '../mocks/src/platform/institutions';
import { PlatformStore } from '../mocks/src/platform/store/platform-store';
import { connectRedis } from '../mocks/src/platform/store/redis-client';
import { startRedisCluster } from '../scripts/lib/redis-cluster';
import { freePort, startRedisServer } from '../scripts/lib/redis-server';
import { allocatePerSecond } from './lib/allocate';
import { ROOT, startChild, type Child } from './lib/children';
import { writeLedger } from './lib/ledger';
import { LIMIT_KEYS } from './lib/limit-keys';
import { CONNECTIONS, load, medianRun, sequentialP50, type LoadResult } from './lib/load';
import { summarizeProfiles } from './lib/profile';
import { h5InitialJsGzipBytes, weappMainBytes } from './lib/sizes';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [key, value = 'true'] = a.replace(/^--/, '').split('=');
    return [key!, value];
  }),
);
const DURATION_S = Number(args.get('duration') ?? 5);
const WARMUP_S = Number(args.get('warmup') ?? 1);
const RUNS = Number(args.get('runs') ?? 3);
/** A 3-master Redis Cluster instead of one Redis (results in bench/results-cluster.json). */
const CLUSTER = args.has('cluster');
const ONLY = args.get('only')?.split(',');
const PROFILE = args.has('profile');
const TSX = args.has('tsx');
const ONE_MOCKS = args.has('one-mocks');
const wanted = (name: string) => !ONLY || ONLY.includes(name);

const started = Date.now();
const say = (message: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

const secret = () => randomBytes(32).toString('base64url');
const keys = { platform: secret(), face: secret(), wechatSecret: secret(), jwt: secret() };
const WECHAT_APP_ID = 'wx_bench_family_share';

const children: Child[] = [];
const redis = CLUSTER
  ? await startRedisCluster({ masters: 3, appendOnly: true, appendfsync: 'always' }).then((c) => ({ url: c.url, pids: c.nodes.map((n) => n.process.pid), dispose: c.dispose }))
  : await startRedisServer({ appendOnly: true, appendfsync: 'always' }).then((r) => ({ url: r.url, pids: [r.process.pid], dispose: () => r.dispose() }));
// Outside the work tree: profiles are tens of MB each.
const profileDir = join(tmpdir(), 'family-share-bench-profiles', new Date().toISOString().replace(/[:.]/g, '-'));
if (PROFILE) mkdirSync(profileDir, { recursive: true });
const nodeFlags = PROFILE ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];

async function shutdown(): Promise<void> {
  for (const child of children.reverse()) await child.stop().catch(() => undefined);
  await redis.dispose().catch(() => undefined);
}

/** A server's entry point: the compiled bundle unless --tsx. */
const entryOf = (ts: string, js: string) => {
  if (TSX) return ts;
  if (!existsSync(join(ROOT, js))) throw new Error(`${js} is missing: npm run build first (or --tsx)`);
  return js;
};

try {
  const [platformPort, wechatPort, facePort, bffPort, baselinePort, limitPlatformPort, limitFrontPort] = await Promise.all(
    Array.from({ length: 7 }, () => freePort()),
  );
  const limitPlatformUrl = `http://127.0.0.1:${limitPlatformPort}`;
  const limitFrontUrl = `http://127.0.0.1:${limitFrontPort}`;
  const platformUrl = `http://127.0.0.1:${platformPort}`;
  const wechatUrl = `http://127.0.0.1:${wechatPort}`;
  const bffUrl = `http://127.0.0.1:${bffPort}`;
  const baselineUrl = `http://127.0.0.1:${baselinePort}`;

  say(`redis ${redis.url}${CLUSTER ? ' (3-master cluster)' : ''} (AOF, appendfsync always); starting the baseline, the mocks and the BFF…`);
  const production = { NODE_ENV: 'production' };
  children.push(
    await startChild({
      name: 'baseline',
      entry: entryOf('bench/baseline-server.ts', 'bench/dist/baseline-server.js'),
      env: { ...production, BASELINE_PORT: String(baselinePort) },
      healthUrl: `${baselineUrl}/`,
    }),
  );
  // The limit servers: the same number of processes as the product, on the same Redis.
  children.push(
    await startChild({
      name: 'limit-platform',
      entry: entryOf('bench/limit-server.ts', 'bench/dist/limit-server.js'),
      env: { ...production, LIMIT_ROLE: 'platform', LIMIT_PORT: String(limitPlatformPort), REDIS_URL: redis.url },
      healthUrl: `${limitPlatformUrl}/healthz`,
    }),
  );
  children.push(
    await startChild({
      name: 'limit-front',
      entry: entryOf('bench/limit-server.ts', 'bench/dist/limit-server.js'),
      env: { ...production, LIMIT_ROLE: 'front', LIMIT_PORT: String(limitFrontPort), REDIS_URL: redis.url, JWT_SECRET: keys.jwt, LIMIT_PLATFORM_URL: limitPlatformUrl },
      healthUrl: `${limitFrontUrl}/healthz`,
    }),
  );
  const mocksEnv = {
    ...production,
    REDIS_URL: redis.url,
    PLATFORM_PORT: String(platformPort),
    WECHAT_PORT: String(wechatPort),
    FACE_PORT: String(facePort),
    PLATFORM_KEY: keys.platform,
    WECHAT_APP_ID,
    WECHAT_APP_SECRET: keys.wechatSecret,
    FACE_KEY: keys.face,
    PLATFORM_POLICY: TIBET_2022.name,
    // The stand-in of the outside world: its own logs are not the product's cost.
    LOG_LEVEL: 'warn',
  };
  const mocksEntry = entryOf('mocks/src/main.ts', 'mocks/dist/main.js');
  const tokenUrl = `${wechatUrl}/cgi-bin/token?grant_type=client_credential&appid=${WECHAT_APP_ID}&secret=${keys.wechatSecret}`;
  if (ONE_MOCKS) {
    children.push(await startChild({ name: 'platform', entry: mocksEntry, nodeFlags, env: mocksEnv, healthUrl: `${platformUrl}/healthz` }));
  } else {
    // WeChat first: the platform's and the consumer's clients find it on its port.
    children.push(await startChild({ name: 'wechat', entry: mocksEntry, env: { ...mocksEnv, MOCKS_ONLY: 'wechat' }, healthUrl: tokenUrl }));
    children.push(await startChild({ name: 'platform', entry: mocksEntry, nodeFlags, env: { ...mocksEnv, MOCKS_ONLY: 'platform' }, healthUrl: `${platformUrl}/healthz` }));
    // No port of its own: it reads the outbox stream; ready enough once it runs.
    children.push(await startChild({ name: 'notifier', entry: mocksEntry, env: { ...mocksEnv, MOCKS_ONLY: 'notifier' }, healthUrl: tokenUrl }));
  }
  children.push(
    await startChild({
      name: 'bff',
      entry: entryOf('bff/src/main.ts', 'bff/dist/main.js'),
      nodeFlags,
      env: {
        ...production,
        BFF_PORT: String(bffPort),
        BFF_HOST: '127.0.0.1',
        REDIS_URL: redis.url,
        PLATFORM_URL: platformUrl,
        PLATFORM_KEY: keys.platform,
        WECHAT_URL: wechatUrl,
        WECHAT_APP_ID,
        WECHAT_APP_SECRET: keys.wechatSecret,
        FACE_URL: `http://127.0.0.1:${facePort}`,
        FACE_KEY: keys.face,
        JWT_SECRET: keys.jwt,
        POLICY: TIBET_2022.name,
        DEMO_MODE: 'false',
        // As in production: one log line per request (to /dev/null here).
        LOG_LEVEL: 'info',
        // None of the measured endpoints is rate-limited (limits guard login, refresh, demo
        // codes, face starts and invitations); the bench logs in a handful of times only.
        RATE_LIMIT_SCALE: '1',
      },
      healthUrl: `${bffUrl}/readyz`,
    }),
  );

  // ---- the data ----
  const platformHeaders = { 'content-type': 'application/json', 'x-platform-key': keys.platform };
  const platform = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${platformUrl}${path}`, { method, headers: platformHeaders, body: body === undefined ? undefined : JSON.stringify(body) });
    const parsed = (await response.json()) as T;
    if (response.status >= 300) throw new Error(`platform ${method} ${path}: ${response.status} ${JSON.stringify(parsed)}`);
    return parsed;
  };
  let personSeq = 0;
  const SURNAMES = '白次扎卓格达旺尼索拉边德';
  const GIVEN = '玛仁西珍桑瓦堆玛朗巴吉姆';
  /** The counter reads a card holder's ID number from the card; the platform's own paths take the person number. */
  const idNumberOf = new Map<string, string>();
  const newPerson = async (facts: { insurance: 'employee' | 'resident'; balance?: number; linked?: boolean }) => {
    personSeq += 1;
    const born = new Date(Date.UTC(1960, 0, 1) + personSeq * 86_400_000 * 97).toISOString().slice(0, 10);
    const idNumber = composeIdNumber('540104', born, (personSeq * 7) % 1000);
    const name = `${SURNAMES[personSeq % 12]}${GIVEN[Math.floor(personSeq / 12) % 12]}${GIVEN[personSeq % 12]}`;
    const openid = `o_bench_${personSeq}`;
    const { psnNo } = await platform<{ psnNo: string }>('POST', PLATFORM_API.adminCreatePerson.path, {
      idNumber, name, insurance: facts.insurance, region: '540104', status: 'active',
      balance: facts.insurance === 'employee' ? (facts.balance ?? 0) : 0, eCredentialActive: true,
      ...(facts.linked === false ? {} : { openid }),
    });
    idNumberOf.set(psnNo, idNumber);
    return { psnNo, name, openid };
  };
  const bind = (a: { psnNo: string }, b: { psnNo: string; name: string }, relation: string) =>
    platform('POST', PLATFORM_API.createBinding.path, {
      authorizerPsnNo: a.psnNo, beneficiaryPsnNo: b.psnNo, beneficiaryName: b.name, relation,
      bindingId: `bench-${a.psnNo.slice(-6)}-${b.psnNo.slice(-6)}`,
    });
  const login = async (openid: string) => {
    const code = ((await (await fetch(`${wechatUrl}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })).json()) as { code: string }).code;
    const response = await fetch(`${bffUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    if (response.status !== 200) throw new Error(`login ${openid}: ${response.status} ${await response.text()}`);
    return `Bearer ${((await response.json()) as { accessToken: string }).accessToken}`;
  };

  const store = new PlatformStore(connectRedis(redis.url));
  // The demo people (home reads 边巴's), written by the bench: the mocks run as in production,
  // where DEMO_MODE is refused.
  await seedDemo({ store, policy: TIBET_2022, clock: Date.now, notifier: silentNotifier, log: pino({ level: 'silent' }) });
  const BIG = 10_000_000_000; // 100 million yuan: no run comes near the 3000-yuan floor
  const now = Date.now();
  const YEARS = 3 * 365 * 86_400_000;
  /** A holder with `entries` deductions over three years: own spending and two relatives'. */
  const holderWithHistory = async (entries: number) => {
    const holder = await newPerson({ insurance: 'employee', balance: BIG });
    const relatives = [await newPerson({ insurance: 'resident' }), await newPerson({ insurance: 'resident' })];
    await bind(holder, relatives[0]!, 'parent');
    await bind(holder, relatives[1]!, 'child');
    const t = performance.now();
    await writeLedger(store, { account: holder, relatives, entries, spanMs: YEARS, endAt: now, reserveFloor: TIBET_2022.reserveFloor });
    say(`history of ${entries.toLocaleString('en')} deductions written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return { ...holder, auth: await login(holder.openid) };
  };
  const h100 = await holderWithHistory(100);
  const h1k = await holderWithHistory(1_000);
  const h100k = wanted('history_p50') ? await holderWithHistory(100_000) : null;
  const ledgerSize = async (id: string) => store.redis.zcard(store.k(id).ledgerIndex);
  if (h100k && (await ledgerSize(h100k.psnNo)) !== 100_000) throw new Error('the 100k ledger is not 100k entries');
  if ((await ledgerSize(h100.psnNo)) !== 100) throw new Error('the 100 ledger is not 100 entries');

  // 边巴 (demo): activated, 拉巴 shares with him and he shares with 德吉 — both sides on home.
  const bianba = demoPerson('bianba');
  const homeAuth = await login(bianba.openid);

  // Settlements: 10 authorizers, each sharing with 2 resident relatives who pay at the
  // counter; all have WeChat accounts linked, so each settlement sends 2 subscription messages.
  const holdersOf = async (linked: boolean) => {
    const holders: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const a = await newPerson({ insurance: 'employee', balance: BIG, linked });
      for (const relation of ['parent', 'spouse']) {
        const b = await newPerson({ insurance: 'resident', linked });
        await bind(a, b, relation);
        holders.push(b.psnNo);
      }
    }
    return holders;
  };
  const cardHolders = await holdersOf(true);
  const quietHolders = wanted('settlement-quiet') ? await holdersOf(false) : [];

  // ---- sanity: each measured request does what it should before it is measured ----
  const get = (url: string, auth: string) => fetch(url, { headers: { authorization: auth } });
  const home = (await (await get(`${bffUrl}/api/home`, homeAuth)).json()) as { person: unknown; sharing: { asAuthorizer: unknown[]; asBeneficiary: unknown[] } };
  if (!home.person || home.sharing.asAuthorizer.length === 0 || home.sharing.asBeneficiary.length === 0) throw new Error(`home is not as expected: ${JSON.stringify(home)}`);
  const page = (await (await get(`${bffUrl}/api/history/deductions`, h1k.auth)).json()) as { items: unknown[]; nextCursor: string | null };
  if (page.items.length !== 20 || !page.nextCursor) throw new Error(`the history page is not as expected: ${JSON.stringify(page).slice(0, 300)}`);
  const institution = DEMO_INSTITUTIONS[3]!;
  const runTag = randomBytes(4).toString('hex');
  let settlementSeq = 0;
  /** The settlements made under load, in order: the cancellation run cancels them one each. */
  const settled: string[] = [];
  const settlementBody = (holders: string[] = cardHolders) => {
    settlementSeq += 1;
    const settlementId = `bench-${runTag}-${settlementSeq}`;
    if (holders === cardHolders) settled.push(settlementId);
    return JSON.stringify({
      settlementId,
      cardHolderPsnNo: holders[settlementSeq % holders.length],
      charge: 100 + ((settlementSeq * 7919) % 20_000),
      institution,
    });
  };
  const probe = await platform<{ shared: Array<{ amount: number }>; cash: number }>('POST', PLATFORM_API.settle.path, JSON.parse(settlementBody()));
  if (probe.shared.length !== 1 || probe.cash !== 0) throw new Error(`a settlement is not as expected: ${JSON.stringify(probe)}`);

  // ---- the limit servers' data: the same person hash as the product's home, 20 paying pairs ----
  const limitPerson = await store.redis.hgetall(store.k((await store.psnNoOf(bianba.idNumber)) ?? '').person);
  await store.redis.hset(LIMIT_KEYS.person('home'), limitPerson);
  await store.redis.set(LIMIT_KEYS.session('limit-sid'), 'home');
  const limitAuth = `Bearer ${jwt.sign({ sid: 'limit-sid' }, createSecretKey(Buffer.from(keys.jwt)), { algorithm: 'HS256', subject: 'o_limit', expiresIn: 3600, issuer: 'family-share-bff' })}`;
  for (let i = 0; i < 20; i += 1) {
    await store.redis.hset(LIMIT_KEYS.person(`h${i}`), 'balance', BIG);
    await store.redis.hset(LIMIT_KEYS.person(`a${i}`), 'balance', BIG);
  }
  let limitSeq = 0;
  const limitSettlementBody = () => {
    limitSeq += 1;
    return JSON.stringify({ settlementId: `limit-${runTag}-${limitSeq}`, holder: `h${limitSeq % 20}`, authorizer: `a${limitSeq % 20}`, charge: 100 + ((limitSeq * 7919) % 20_000) });
  };
  const limitHome = (await (await get(`${limitFrontUrl}/`, limitAuth)).json()) as Record<string, string>;
  if (limitHome.balance !== limitPerson.balance) throw new Error(`the limit home is not as expected: ${JSON.stringify(limitHome).slice(0, 200)}`);

  // ---- load ----
  const pidOf = (name: string) => children.find((c) => c.name === name)?.process.pid;
  const watch = {
    baseline: pidOf('baseline'),
    bff: pidOf('bff'),
    platform: pidOf('platform'),
    wechat: pidOf('wechat'),
    notifier: pidOf('notifier'),
    'limit-front': pidOf('limit-front'),
    'limit-platform': pidOf('limit-platform'),
    ...Object.fromEntries(redis.pids.map((pid, i) => [redis.pids.length === 1 ? 'redis' : `redis${i}`, pid])),
  };
  const runs: Record<string, LoadResult & { runs: number[] }> = {};
  /**
   * The WeChat messages of earlier runs leave through the outbox after their requests: wait
   * until its consumer is done (entries are deleted once sent), so that its CPU is not charged
   * to the next measurement.
   */
  const outboxDrained = async () => {
    const deadline = Date.now() + 120_000;
    let left = await store.redis.xlen('plat:outbox');
    if (left > 0) say(`waiting for the outbox to drain (${left} messages)…`);
    while (left > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      left = await store.redis.xlen('plat:outbox');
    }
  };
  const measure = async (name: string, run: () => Promise<LoadResult>, connections = CONNECTIONS) => {
    await outboxDrained();
    say(`${name}: ${RUNS} × (${WARMUP_S} s warm-up, ${DURATION_S} s at ${connections} connections)…`);
    const each: LoadResult[] = [];
    for (let i = 0; i < RUNS; i += 1) each.push(await run());
    runs[name] = medianRun(each);
    const r = runs[name]!;
    const cpu = Object.entries(r.cpuPerRequestUs).filter(([, us]) => us > 0).map(([p, us]) => `${p} ${us}`).join(', ');
    say(`${name}: ${r.rps} req/s, p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms; CPU µs per request: ${cpu || 'n/a'}${r.non2xx || r.errors || r.timeouts ? `; ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts` : ''}`);
  };
  await measure('baseline', () => load({ url: baselineUrl }, DURATION_S, WARMUP_S, watch));
  const homeLoad = (connections: number) => () => load({ url: `${bffUrl}/api/home`, headers: { authorization: homeAuth } }, DURATION_S, WARMUP_S, watch, connections);
  const limitHomeLoad = (connections: number) => () => load({ url: `${limitFrontUrl}/`, headers: { authorization: limitAuth } }, DURATION_S, WARMUP_S, watch, connections);
  if (wanted('home') || wanted('history')) await measure('limit_home', limitHomeLoad(CONNECTIONS));
  if (wanted('home')) await measure('bff_home', homeLoad(CONNECTIONS));
  if (wanted('history')) {
    await measure('bff_history', () => load({ url: `${bffUrl}/api/history/deductions`, headers: { authorization: h1k.auth } }, DURATION_S, WARMUP_S, watch));
  }
  const settlementLoad = (holders: string[]) =>
    load(
      {
        url: platformUrl,
        requests: [{ method: 'POST', path: PLATFORM_API.settle.path, headers: platformHeaders, setupRequest: (request) => ({ ...request, body: settlementBody(holders) }) }],
      },
      DURATION_S,
      WARMUP_S,
      watch,
    );
  const limitSettlementLoad = (path: string, connections = CONNECTIONS) => () =>
    load(
      {
        url: limitPlatformUrl,
        requests: [{ method: 'POST', path, headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: limitSettlementBody() }) }],
      },
      DURATION_S,
      WARMUP_S,
      watch,
      connections,
    );
  if (wanted('settlement') || wanted('presettlement') || wanted('cancellation')) {
    await measure('limit_settlement_min', limitSettlementLoad('/settle-min'));
    await measure('limit_settlement', limitSettlementLoad('/settle'));
    await measure('platform_settlement', () => settlementLoad(cardHolders));
  }
  // The counter's other paths (R22, R23), against the settlement's limit: a pre-settlement
  // reads what a settlement reads and writes nothing; a cancellation refunds what a
  // settlement took, each one a settlement made under load just before.
  let presettlementSeq = 0;
  if (wanted('presettlement')) {
    await measure('platform_presettlement', () =>
      load(
        {
          url: platformUrl,
          requests: [{
            method: 'POST', path: PLATFORM_API.counterPreSettle.path, headers: platformHeaders,
            setupRequest: (request) => {
              presettlementSeq += 1;
              const charge = 100 + ((presettlementSeq * 7919) % 20_000);
              return { ...request, body: JSON.stringify({ cardHolderIdNumber: idNumberOf.get(cardHolders[presettlementSeq % cardHolders.length]!), institutionCode: institution.code, charge }) };
            },
          }],
        },
        DURATION_S,
        WARMUP_S,
        watch,
      ),
    );
  }
  let cancelled = 0;
  if (wanted('cancellation')) {
    // Each run cancels settlements made just before it, unmeasured, until there are twice as
    // many as the last run took (one settlement run's worth ran out: a cancellation is faster).
    let lastRps = runs.platform_settlement?.rps ?? 1_000;
    await measure('platform_cancellation', async () => {
      while (settled.length - cancelled < 2 * lastRps * (WARMUP_S + DURATION_S)) await settlementLoad(cardHolders);
      const result = await load(
        {
          url: platformUrl,
          requests: [{
            method: 'POST', path: PLATFORM_API.cancelSettlement.path, headers: platformHeaders,
            // Past the last settlement made the id is unknown: 404, counted as a failed run.
            setupRequest: (request) => {
              const settlementId = settled[cancelled] ?? `never-made-${cancelled}`;
              cancelled += 1;
              return { ...request, body: JSON.stringify({ cancellationId: `cnl-${settlementId}`, settlementId, institutionCode: institution.code }) };
            },
          }],
        },
        DURATION_S,
        WARMUP_S,
        watch,
      );
      lastRps = result.rps;
      return result;
    });
  }
  // The same without WeChat accounts linked: no subscription messages (R20), whose stand-in
  // runs in the platform's process and is not the platform's own cost in production.
  if (wanted('settlement-quiet')) await measure('platform_settlement_no_messages', () => settlementLoad(quietHolders));
  // Latency without queueing: at 50 connections p99 is mostly connections ÷ rate, even for the limit.
  if (wanted('latency')) {
    for (const connections of [1, 10]) {
      await measure(`limit_home@${connections}`, limitHomeLoad(connections), connections);
      await measure(`bff_home@${connections}`, homeLoad(connections), connections);
    }
  }
  // The yardstick again at the end: the machine is shared, so take the mean of both.
  const baselineFirst = runs.baseline!;
  await measure('baseline (again)', () => load({ url: baselineUrl }, DURATION_S, WARMUP_S, watch));
  const baselineAgain = runs['baseline (again)']!;
  const baselineRps = Math.round((baselineFirst.rps + baselineAgain.rps) / 2);

  // ---- one history page, one request at a time ----
  let historyP50: Record<string, number> | null = null;
  if (h100k) {
    say('history page p50: 100 vs 100,000 deductions, platform and BFF, 400 interleaved requests each…');
    const platformPage = (id: string) => () => fetch(`${platformUrl}/v1/persons/${id}/deductions?limit=20`, { headers: platformHeaders });
    const bffPage = (auth: string) => () => get(`${bffUrl}/api/history/deductions?limit=20`, auth);
    const series = {
      platform_n100: platformPage(h100.psnNo),
      platform_n100k: platformPage(h100k.psnNo),
      bff_n100: bffPage(h100.auth),
      bff_n100k: bffPage(h100k.auth),
    };
    await sequentialP50(series, 50);
    historyP50 = await sequentialP50(series, 400);
    say(`history p50 (ms): ${JSON.stringify(historyP50)}`);
  }

  // ---- in process ----
  say('allocatePayment in a tight loop…');
  const allocate = allocatePerSecond();
  say(`allocatePayment: ${allocate.perSecond.toLocaleString('en')} calls/s (rounds: ${allocate.rounds.join(', ')})`);

  say('mini-program sizes…');
  const weapp = weappMainBytes(ROOT);
  const h5 = h5InitialJsGzipBytes(ROOT);

  // ---- results ----
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  const ratio = (r: LoadResult | undefined) => (r ? round3(r.rps / baselineRps) : null);
  const toLimit = (r: LoadResult | undefined, limit: LoadResult | undefined) =>
    r && limit ? { ratio_to_limit: round3(r.rps / limit.rps), p99_ratio_to_limit: round3(r.p99_ms / Math.max(limit.p99_ms, 1)) } : {};
  const entry = (r: LoadResult | undefined, limit?: LoadResult) =>
    r ? { rps: r.rps, p99_ms: r.p99_ms, ratio: ratio(r), ...toLimit(r, limit) } : null;
  const limitEntry = (r: LoadResult | undefined) => (r ? { rps: r.rps, p99_ms: r.p99_ms, ratio_to_bare: ratio(r) } : null);
  const latency = (name: string) => (runs[name] ? { p50_ms: runs[name]!.p50_ms, p99_ms: runs[name]!.p99_ms, rps: runs[name]!.rps } : null);
  const results = {
    baseline: { rps: baselineRps, p99_ms: Math.max(baselineFirst.p99_ms, baselineAgain.p99_ms) },
    limits: {
      home: limitEntry(runs.limit_home),
      settlement: limitEntry(runs.limit_settlement),
      settlement_debits_only: limitEntry(runs.limit_settlement_min),
    },
    bff_home: entry(runs.bff_home, runs.limit_home),
    bff_history: entry(runs.bff_history, runs.limit_home),
    platform_settlement: entry(runs.platform_settlement, runs.limit_settlement),
    platform_presettlement: entry(runs.platform_presettlement, runs.limit_settlement),
    platform_cancellation: entry(runs.platform_cancellation, runs.limit_settlement),
    latency_low_load: {
      limit_home_1: latency('limit_home@1'),
      bff_home_1: latency('bff_home@1'),
      limit_home_10: latency('limit_home@10'),
      bff_home_10: latency('bff_home@10'),
    },
    runs_per_measurement: RUNS,
    runtime: TSX ? 'tsx (TypeScript sources)' : 'compiled JS (npm run build)',
    mocks: ONE_MOCKS ? 'one process' : 'one process per stand-in (platform, wechat, notifier)',
    cpu_us_per_request: Object.fromEntries(Object.entries(runs).map(([name, r]) => [name, r.cpuPerRequestUs])),
    redis: CLUSTER ? 'cluster, 3 masters' : 'single',
    allocate_per_s: allocate.perSecond,
    history_p50_ms: historyP50 ? { n100: historyP50.platform_n100!, n100k: historyP50.platform_n100k! } : null,
    weapp_main_bytes: weapp.value,
    h5_initial_js_gzip_bytes: h5.value,
  };
  writeFileSync(join(ROOT, 'bench', CLUSTER ? 'results-cluster.json' : 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const WEAPP_LIMIT = 600 * 1024;
  const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? 'MET' : 'MISSED');
  const rows: Array<[string, string, string, string]> = [
    ['baseline (bare Koa)', `${baselineRps} req/s (runs ${baselineFirst.rps} / ${baselineAgain.rps}), p99 ${results.baseline.p99_ms} ms`, '—', ''],
  ];
  const limitRow = (label: string, r: LoadResult | undefined) =>
    rows.push([label, r ? `${r.rps} req/s, p99 ${r.p99_ms} ms, limit/bare ${ratio(r)}` : '—', '(the yardstick)', '']);
  limitRow('limit: home', runs.limit_home);
  limitRow('limit: settlement (full writes)', runs.limit_settlement);
  limitRow('limit: settlement (2 debits only)', runs.limit_settlement_min);
  const againstLimit = (label: string, r: LoadResult | undefined, limit: LoadResult | undefined, target: number) => {
    const toL = r && limit ? r.rps / limit.rps : null;
    const p99 = r && limit ? r.p99_ms / Math.max(limit.p99_ms, 1) : null;
    rows.push([
      label,
      r ? `${r.rps} req/s, p99 ${r.p99_ms} ms, ×limit ${toL?.toFixed(2) ?? '—'}, p99 ×limit ${p99?.toFixed(2) ?? '—'}, ×bare ${ratio(r)}` : '—',
      `≥ ${target} × limit, p99 ≤ 3 × limit's`,
      verdict(toL === null || p99 === null ? null : toL >= target && p99 <= 3 && r!.non2xx === 0 && r!.errors === 0),
    ]);
  };
  againstLimit('bff_home', runs.bff_home, runs.limit_home, 0.8);
  againstLimit('bff_history (1k entries)', runs.bff_history, runs.limit_home, 0.7);
  againstLimit('platform_settlement', runs.platform_settlement, runs.limit_settlement, 0.7);
  againstLimit('platform_presettlement', runs.platform_presettlement, runs.limit_settlement, 0.7);
  againstLimit('platform_cancellation', runs.platform_cancellation, runs.limit_settlement, 0.7);
  for (const c of [1, 10]) {
    const l = runs[`limit_home@${c}`];
    const b = runs[`bff_home@${c}`];
    if (l && b) rows.push([`home at ${c} connection(s)`, `p50 ${b.p50_ms} / p99 ${b.p99_ms} ms (limit ${l.p50_ms} / ${l.p99_ms} ms)`, '(reported)', '']);
  }
  if (runs.platform_settlement_no_messages) {
    const r = runs.platform_settlement_no_messages;
    rows.push(['  … without WeChat messages', `${r.rps} req/s, p99 ${r.p99_ms} ms, ratio ${ratio(r)}`, '(for the explanation)', '']);
  }
  rows.push(['allocate_per_s', allocate.perSecond.toLocaleString('en'), '≥ 1,000,000', verdict(allocate.perSecond >= 1_000_000)]);
  if (historyP50) {
    rows.push([
      'history p50, platform',
      `n100 ${historyP50.platform_n100} ms, n100k ${historyP50.platform_n100k} ms (×${(historyP50.platform_n100k! / historyP50.platform_n100!).toFixed(2)})`,
      'n100k ≤ 1.5 × n100',
      verdict(historyP50.platform_n100k! <= 1.5 * historyP50.platform_n100!),
    ]);
    rows.push([
      'history p50, BFF',
      `n100 ${historyP50.bff_n100} ms, n100k ${historyP50.bff_n100k} ms (×${(historyP50.bff_n100k! / historyP50.bff_n100!).toFixed(2)})`,
      'n100k ≤ 1.5 × n100',
      verdict(historyP50.bff_n100k! <= 1.5 * historyP50.bff_n100!),
    ]);
  } else rows.push(['history p50', '—', 'n100k ≤ 1.5 × n100', verdict(null)]);
  rows.push([
    'weapp main package',
    weapp.value === null ? `null: ${weapp.reason}` : `${weapp.value.toLocaleString('en')} B (${(weapp.value / 1024).toFixed(0)} KiB; ${weapp.note})`,
    '≤ 600 KiB',
    verdict(weapp.value === null ? null : weapp.value <= WEAPP_LIMIT),
  ]);
  rows.push(['h5 initial JS, gzip', h5.value === null ? `null: ${h5.reason}` : `${h5.value.toLocaleString('en')} B (${h5.note})`, '(reported)', '']);
  const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log('');
  console.log(rows.map((r) => r.map((cell, i) => cell.padEnd(width[i]!)).join('  ')).join('\n'));
  console.log('\nCPU time per request during each measured run (µs; /proc, all processes on the same 2 cores):');
  for (const [name, r] of Object.entries(runs)) {
    const parts = Object.entries(r.cpuPerRequestUs).filter(([, us]) => us > 0);
    const total = parts.reduce((sum, [, us]) => sum + us, 0);
    console.log(`  ${name.padEnd(32)} ${parts.map(([p, us]) => `${p} ${us}`).join(' + ')}${parts.length > 1 ? ` = ${total}` : ''}`);
  }
  console.log(`\nbench/${CLUSTER ? "results-cluster" : "results"}.json:\n${JSON.stringify(results, null, 2)}`);

  const broken = Object.entries(runs).filter(([, r]) => r.non2xx > 0 || r.errors > 0 || r.timeouts > 0);
  store.redis.disconnect();
  await shutdown();
  if (PROFILE) {
    console.log(`\nCPU profiles in ${profileDir}:\n`);
    console.log(summarizeProfiles(profileDir));
  }
  say('done');
  if (broken.length > 0) {
    console.error(`\nINVALID: runs with failed requests: ${broken.map(([n, r]) => `${n} (${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts)`).join('; ')}`);
    process.exit(1);
  }
} catch (error) {
  console.error(error);
  for (const child of children) console.error(`--- ${child.name} stderr ---\n${child.output()}`);
  await shutdown();
  process.exit(1);
}
