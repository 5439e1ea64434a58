import { randomBytes } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import querystring from 'node:querystring';
import {
  ALL_TEMPLATE_IDS,
  BFF_API,
  TIBET_2022_LETTER,
  httpStatusOf,
  idNumberCheckChar,
  isErrorCode,
  RELATIONS,
  type BffEndpointName,
  type EndpointSpec,
} from '@family-share/shared';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { demoPerson } from '../../mocks/src/platform/demo-people';
import { allKeys } from '../../scripts/lib/redis-contents';
import { startBffHarness, type BffHarness } from './harness';

/**
 * Bad input, property-based, over every endpoint of BFF_API: wrong types, strings past their
 * limits, negative and fractional amounts, broken ID numbers, odd unicode, missing and extra
 * fields, broken bodies; stale, forged, expired and alg-none tokens; used face tickets; an
 * idempotency key reused for another body. For every request:
 *   - never a 5xx;
 *   - a JSON error with a code from the shared catalogue (and that code's status), unless the
 *     input was valid (checked with the endpoint's own schemas, as the server sees it) —
 *     and a 2xx answer matches the endpoint's response schema;
 *   - the exact answer the input calls for where it is decided before any use case runs
 *     (413, unreadable JSON → 400, bad token → its 401 code, schema failure → 400);
 *   - no change of state: after every request, a digest of all of Redis (the BFF's keys and
 *     the platform's — balances, bindings, ledgers, journals of every person) and the WeChat
 *     stand-in's outbox equals the one taken before the first. Ignored, because they count
 *     requests and change with any request by design: the rate-limit counters
 *     bff:rl:{login,refresh,demoCode,faceStart,invitation,identityFailure,paymentEstimate}:*
 *     (never bff:rl:face-failures:*, which must not move) — identityFailure counts refused
 *     identity checks on purpose (issue 9 item 10); and the WeChat outbox plat:outbox*, which
 *     the consumer drains on its own time (a request that changes state also changes the feed
 *     and the records, which are compared).
 * Valid inputs that would legitimately change state (a correct commitment acceptance, a fresh
 * idempotency key, a log-out with a good token, …) are not generated: see `mayChangeState`.
 */

let h: BffHarness;
let redis: Redis;
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

interface Person {
  idNumber: string;
  name: string;
  openid: string;
}
interface World {
  a: Person;
  b: Person;
  u: Person;
  /** An employee in the registry that no generated input ever names (the unused ticket's target). */
  z: Person;
  tokens: Record<'A' | 'B' | 'U', string>;
  bindingId: string;
  acceptedInvitation: string;
  cancelledInvitation: string;
  usedTicket: string;
  unusedTicket: string;
  premiumKey: string;
  premiumBody: { bindingId: string; year: number };
  staleRefresh: string;
  badTokens: Record<Exclude<AuthKind, 'A' | 'B' | 'U'>, string | null>;
}
let w: World;

type AuthKind = 'A' | 'B' | 'U' | 'none' | 'garbage' | 'basic' | 'forged' | 'algNone' | 'hs512' | 'wrongIssuer' | 'expired' | 'stale' | 'noSession';

/** What the server answers to each kind of credential, before it looks at anything else. */
const AUTH_ANSWER: Record<Exclude<AuthKind, 'A' | 'B' | 'U'>, string> = {
  none: 'UNAUTHENTICATED',
  garbage: 'UNAUTHENTICATED',
  basic: 'UNAUTHENTICATED',
  forged: 'UNAUTHENTICATED',
  algNone: 'UNAUTHENTICATED',
  hs512: 'UNAUTHENTICATED',
  wrongIssuer: 'UNAUTHENTICATED',
  expired: 'TOKEN_EXPIRED',
  stale: 'SESSION_REVOKED',
  noSession: 'SESSION_REVOKED',
};

beforeAll(async () => {
  h = await startBffHarness();
  redis = new Redis(h.stack.redisUrl);
  const a = await h.newPerson({ balance: 800_000 });
  const b = await h.newPerson({ insurance: 'resident', born: '1958-07-20' });
  const c = await h.newPerson({ insurance: 'resident', born: '1959-08-21' });
  const u = await h.newPerson({ eCredentialActive: false });
  const z = await h.newPerson({ balance: 400_000 });
  const [A, B, U] = await Promise.all([h.login(a.openid), h.login(b.openid), h.login(u.openid)]);
  await A.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version });

  const invite = async (to: Person) => {
    const faceTicket = await h.faceTicket(A, { purpose: 'bind', target: to.idNumber });
    const res = await A.post('/api/invitations', { name: to.name, idNumber: to.idNumber, relation: 'parent', faceTicket, commitmentVersion: TIBET_2022_LETTER.version });
    expect(res.status).toBe(201);
    return { invitationId: res.body.invitationId as string, faceTicket };
  };
  const toB = await invite(b);
  const accepted = await B.post(`/api/invitations/${toB.invitationId}/accept`);
  expect(accepted.status).toBe(200);
  const toC = await invite(c);
  expect((await A.post(`/api/invitations/${toC.invitationId}/cancel`)).status).toBe(200);

  const premiumKey = 'fuzz-premium-key-0001';
  const premiumBody = { bindingId: accepted.body.bindingId as string, year: 2026 };
  expect((await A.post('/api/premiums/payments', premiumBody, { 'idempotency-key': premiumKey })).status).toBe(200);
  // A passed face check whose ticket is never used: for a purpose and target no input names.
  const unusedTicket = await h.faceTicket(A, { purpose: 'bind', target: z.idNumber });

  const stale = await h.login(a.openid);
  expect((await stale.post('/api/auth/logout')).status).toBe(204);

  const { sub, sid } = jwt.decode(A.accessToken) as { sub: string; sid: string };
  const secret = h.stack.keys.jwt;
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  w = {
    a,
    b,
    u,
    z,
    tokens: { A: A.accessToken, B: B.accessToken, U: U.accessToken },
    bindingId: accepted.body.bindingId,
    acceptedInvitation: toB.invitationId,
    cancelledInvitation: toC.invitationId,
    usedTicket: toB.faceTicket,
    unusedTicket,
    premiumKey,
    premiumBody,
    staleRefresh: stale.refreshToken,
    badTokens: {
      none: null,
      garbage: 'garbage.garbage.garbage',
      basic: null,
      forged: jwt.sign({ sid }, randomBytes(48).toString('base64url'), { algorithm: 'HS256', subject: sub, issuer: 'family-share-bff', expiresIn: 600 }),
      algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sid, sub, iss: 'family-share-bff', exp: Math.floor(Date.now() / 1000) + 600 })}.`,
      hs512: jwt.sign({ sid }, secret, { algorithm: 'HS512', subject: sub, issuer: 'family-share-bff', expiresIn: 600 }),
      wrongIssuer: jwt.sign({ sid }, secret, { algorithm: 'HS256', subject: sub, issuer: 'someone-else', expiresIn: 600 }),
      expired: jwt.sign({ sid, exp: Math.floor(Date.now() / 1000) - 60 }, secret, { algorithm: 'HS256', subject: sub, issuer: 'family-share-bff' }),
      stale: stale.accessToken,
      noSession: jwt.sign({ sid: randomBytes(16).toString('base64url') }, secret, { algorithm: 'HS256', subject: sub, issuer: 'family-share-bff', expiresIn: 600 }),
    },
  };
  await h.stack.mocks.notifier.idle();
  baseline = await digest();
  expiresAt = await expiries(baseline.keys());
}, 60_000);

afterAll(async () => {
  agent.destroy();
  redis?.disconnect();
  await h?.close();
});

// ---------------------------------------------------------------- state

const IGNORED = /^(bff:rl:(login|refresh|demoCode|faceStart|invitation|identityFailure|paymentEstimate):|plat:outbox)/;
let baseline: Map<string, string>;
/** When each key of the baseline expires by its TTL (ms since epoch): Redis removing it then is time, not a request. */
let expiresAt = new Map<string, number>();

/** Every key of the one Redis (BFF and platform), read by type, and the WeChat outbox of the people. */
async function digest(): Promise<Map<string, string>> {
  const keys = (await allKeys(redis)).filter((k) => !IGNORED.test(k)).sort();
  const types = (await redis.pipeline(keys.map((k) => ['type', k])).exec()) ?? [];
  const reads = keys.map((k, i) => {
    const type = String(types[i]?.[1]);
    const read: Record<string, string[]> = {
      string: ['get', k],
      hash: ['hgetall', k],
      zset: ['zrange', k, '0', '-1', 'WITHSCORES'],
      set: ['smembers', k],
      list: ['lrange', k, '0', '-1'],
      stream: ['xrange', k, '-', '+'],
    };
    return read[type] ?? ['type', k];
  });
  const values = (await redis.pipeline(reads).exec()) ?? [];
  const state = new Map<string, string>();
  keys.forEach((k, i) => {
    let value = values[i]?.[1];
    if (reads[i]![0] === 'smembers') value = [...(value as string[])].sort();
    if (reads[i]![0] === 'hgetall') value = Object.entries(value as Record<string, string>).sort();
    state.set(k, JSON.stringify(value));
  });
  for (const p of [w.a, w.b, w.u, w.z]) {
    const outbox = await fetch(`${h.stack.mocks.wechatUrl}/dev/messages?openid=${p.openid}`).then((r) => r.json() as Promise<{ messages: unknown[] }>);
    state.set(`wechat-outbox:${p.openid}`, String(outbox.messages.length));
  }
  return state;
}

async function expiries(keys: Iterable<string>): Promise<Map<string, number>> {
  const list = [...keys].filter((k) => !k.startsWith('wechat-outbox:'));
  const now = Date.now();
  const ttls = (await redis.pipeline(list.map((k) => ['pttl', k])).exec()) ?? [];
  return new Map(list.map((k, i) => [k, Number(ttls[i]?.[1])] as const).filter(([, ttl]) => ttl > 0).map(([k, ttl]) => [k, now + ttl]));
}

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of after) if (!before.has(k)) out.push(`+ ${k}`);
  else if (before.get(k) !== v) out.push(`~ ${k}: ${before.get(k)?.slice(0, 120)} → ${v.slice(0, 120)}`);
  for (const k of before.keys()) if (!after.has(k) && !((expiresAt.get(k) ?? Infinity) <= Date.now() + 1_000)) out.push(`- ${k}`);
  return out;
}

// ---------------------------------------------------------------- HTTP

interface Answer {
  status: number;
  text: string;
  contentType: string;
}

function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const url = new URL(h.stack.bff.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method: method.toUpperCase(), agent, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), contentType: String(res.headers['content-type'] ?? '') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------- inputs

type Body = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string };

interface FuzzRequest {
  endpoint: BffEndpointName;
  auth: AuthKind;
  params: Record<string, string> | undefined;
  query: Array<[string, string]> | undefined;
  body: Body | undefined;
  idempotencyKey: string | undefined;
}

/** A valid ID number with any 17 first digits: the check character computed. */
const withCheck = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

/** A valid ID number and the ways people and attackers get it wrong. */
function idNumberVariants(id: string): string[] {
  const first17 = id.slice(0, 17);
  return [
    id,
    ` ${id.toLowerCase()} `,
    `${first17}${id[17] === '0' ? '1' : '0'}`, // wrong check character
    first17, // 17 characters
    `${id}0`, // 19
    withCheck(`${id.slice(0, 6)}19900230${id.slice(14, 17)}`), // 30 February, check character right
    withCheck(`${id.slice(0, 6)}19901301${id.slice(14, 17)}`), // month 13
    withCheck(`${id.slice(0, 6)}18991231${id.slice(14, 17)}`), // before 1900
    withCheck(`000000${id.slice(6, 17)}`), // no such province
    withCheck(`110101${id.slice(6, 17)}`), // valid, but Beijing
    id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), // full-width digits
    `${id.slice(0, 8)}\u200f${id.slice(8)}`, // an RTL mark inside
    `${id.slice(0, 17)}\u0000`,
  ];
}

const SPECIAL_STRINGS = [
  '', ' ', '\u0000', '\u200f扎西', '\u202e1234', '😀😀', '\ud800', 'a\udfffb', '扎西\u0000', '扎\u200d西', 'null', 'undefined', 'true', '-1', '0.5',
  '1e309', 'NaN', '０１２３', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '%00', '%', '__proto__', 'constructor', 'Ｘ', '\t\n', '\\',
];

const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.integer({ min: 65, max: 3000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 31, max: 200 }).map((n) => '扎'.repeat(n)) },
);
const nastyNumber = fc.oneof(
  fc.constantFrom(-1, -0.5, 0.5, 1.5, 1e21, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER, 1e308, -1e-9, 0, 2026.5, 99999999999),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const nastyKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'admin', 'balance', 'idNumber', '', '\u0000'), fc.string({ maxLength: 8 }));
const nastyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(nastyKey, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Per field name, values that are right or nearly right: the interesting boundary. */
function fieldValues(field: string): unknown[] {
  const ids = [...idNumberVariants(w.a.idNumber), ...idNumberVariants(w.b.idNumber), demoPerson('zhaxi').idNumber, demoPerson('yangjin').idNumber, w.u.idNumber];
  const names = [w.a.name, w.b.name, demoPerson('yangjin').name, ` ${w.b.name} `, `${w.b.name}\u200f`, 'Zhaxi', '扎', '扎'.repeat(31), '扎·西', '😀😀', '扎\u0000西', 123];
  const opaque = [w.bindingId, w.acceptedInvitation, w.cancelledInvitation, 'abcdefgh12345678', 'x'.repeat(65), 'a/b', 'a b', '..', '-'];
  const table: Record<string, unknown[]> = {
    idNumber: ids,
    childIdNumber: ids,
    target: [...ids, ...opaque],
    name: names,
    childName: names,
    relation: [...RELATIONS, 'friend', 'Spouse', '', null],
    faceTicket: [w.usedTicket, w.unusedTicket, randomBytes(24).toString('base64url'), 'short', `${w.usedTicket} `, 'x'.repeat(129), null],
    commitmentVersion: [TIBET_2022_LETTER.version, `${TIBET_2022_LETTER.version} `, 'v0', '', 'x'.repeat(65)],
    version: [TIBET_2022_LETTER.version, 'v0', '', 'x'.repeat(65), null],
    code: [randomBytes(16).toString('hex'), '', 'a b', 'x'.repeat(129), 'a'.repeat(128)],
    refreshToken: [w.staleRefresh, `${randomBytes(16).toString('base64url')}.${Buffer.from(w.a.openid).toString('base64url')}.${randomBytes(32).toString('base64url')}`, 'short', 'x'.repeat(201), 'a.b.c.d.e.f.g.h.i.j.k.l'],
    openid: [demoPerson('zhaxi').openid, 'o_nobody_here', '', 'x'.repeat(129), 'a b'],
    purpose: ['activate', 'bind', 'unbind', 'Bind', ''],
    outcome: ['pass', 'fail', 'spoof', 'timeout', 'PASS', ''],
    accountChoice: ['own', 'authorizer', 'both', ''],
    authorizerOrder: [[w.bindingId], ['abcdefgh12345678'], [], w.bindingId, Array.from({ length: 21 }, () => w.bindingId), [w.bindingId, 5]],
    bindingId: opaque,
    invitationId: opaque,
    sessionId: ['abcdefgh12345678', 'short', 'x'.repeat(65), 'a/b', ''],
    year: [2026, 2027, '2026', 1999, 2101, 2026.5, -2026],
    upTo: [Date.now(), 0, -1, 1.5, 'now', 1e20],
    box: ['sent', 'received', 'all', ''],
    cursor: ['123', '', 'abc', '1'.repeat(21), '0~0', '1-1~2-2', '~', '-1'],
    limit: ['20', '0', '51', '101', '-1', '1.5', 'abc', '1e1', ''],
    relative: ['self', w.bindingId, 'abcdefgh12345678', 'a/b', ''],
    month: ['2026-01', '2026-13', '2026-1', '1999-12', ''],
    // issue 11: invitation links and subscription consents
    token: [`${w.acceptedInvitation}.zzzzzz.${'A'.repeat(43)}`, 'abcdefgh12345678.x.y', 'x'.repeat(201), 'a/b', '..', 'a'.repeat(19)],
    flow: ['invite', 'accept', 'payPremium', 'bindChild', 'endBinding', 'other', ''],
    decisions: [{ tmpl_fs_binding_v1: 'accept' }, { tmpl_fs_binding_v1: 'reject' }, {}, { tmpl_other: 'accept' }, { tmpl_fs_binding_v1: 'maybe' }, 'accept', null],
  };
  return table[field] ?? [];
}

function valueFor(field: string): fc.Arbitrary<unknown> {
  const known = fieldValues(field);
  return known.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: nastyJson }) : nastyJson;
}

/** The field names a schema knows about (objects, and unions of objects). */
function fieldsOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const s = schema as unknown as { shape?: Record<string, unknown>; options?: z.ZodType[] };
  if (s.shape) return Object.keys(s.shape);
  if (s.options) return [...new Set(s.options.flatMap((o) => fieldsOf(o)))];
  return [];
}

function objectArb(fields: string[]): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(fields.map((f) => [f, valueFor(f)]));
  return fc
    .tuple(fc.record(model, { requiredKeys: [] }), fc.dictionary(nastyKey, nastyJson, { maxKeys: 2 }), fc.boolean())
    .map(([known, extra, withExtra]) => (withExtra ? { ...extra, ...known } : known));
}

const rawBody: fc.Arbitrary<Body> = fc.oneof(
  fc.constantFrom<Body>(
    { kind: 'raw', text: '{"code": ', contentType: 'application/json' },
    { kind: 'raw', text: '{\'code\': 1}', contentType: 'application/json' },
    { kind: 'raw', text: '"just a string"', contentType: 'application/json' },
    { kind: 'raw', text: '12', contentType: 'application/json' },
    { kind: 'raw', text: 'null', contentType: 'application/json' },
    { kind: 'raw', text: '', contentType: 'application/json' },
    { kind: 'raw', text: 'code=abc', contentType: 'application/x-www-form-urlencoded' },
    { kind: 'raw', text: 'hello', contentType: 'text/plain' },
    { kind: 'raw', text: '{"a":1}', contentType: 'application/json; charset=latin1' },
    { kind: 'raw', text: JSON.stringify({ code: 'a'.repeat(40_000) }), contentType: 'application/json' },
    { kind: 'raw', text: `[${'1,'.repeat(20_000)}1]`, contentType: 'application/json' },
    { kind: 'raw', text: `${'['.repeat(5_000)}${']'.repeat(5_000)}`, contentType: 'application/json' },
  ),
  fc.string({ unit: 'binary', maxLength: 60 }).map((text): Body => ({ kind: 'raw', text, contentType: 'application/json' })),
);

function bodyArb(spec: EndpointSpec): fc.Arbitrary<Body | undefined> {
  if (spec.method === 'get') return fc.constant(undefined);
  const json = (value: fc.Arbitrary<unknown>) => value.map((v): Body => ({ kind: 'json', value: v }));
  if (!spec.body) return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: rawBody }, { weight: 1, arbitrary: json(nastyJson) });
  return fc.oneof(
    { weight: 6, arbitrary: json(objectArb(fieldsOf(spec.body))) },
    { weight: 1, arbitrary: json(nastyJson) },
    { weight: 1, arbitrary: rawBody },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const queryValue = (field: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...fieldValues(field).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String), '') },
    { weight: 2, arbitrary: nastyString },
  );

function queryArb(spec: EndpointSpec): fc.Arbitrary<Array<[string, string]> | undefined> {
  if (!spec.query) return fc.constant(undefined);
  const fields = fieldsOf(spec.query);
  const entry = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...fields).chain((f) => queryValue(f).map((v): [string, string] => [f, v])) },
    { weight: 1, arbitrary: fc.tuple(nastyKey, nastyString) },
  );
  return fc.array(entry, { maxLength: 4 });
}

function paramsArb(spec: EndpointSpec): fc.Arbitrary<Record<string, string> | undefined> {
  const names = [...spec.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  if (names.length === 0) return fc.constant(undefined);
  return fc.record(Object.fromEntries(names.map((n) => [n, fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fieldValues(n).map(String)) }, { weight: 2, arbitrary: nastyString })])));
}

/** Printable ASCII only: anything else is not a header value HTTP can carry. */
const headerValue = fc.oneof(
  fc.constantFrom('fuzz-premium-key-0001', 'short', 'a'.repeat(65), 'has space inside', ' padded-key-0001 ', 'semi;colon-0001', 'x'.repeat(8)),
  fc.string({ unit: fc.constantFrom(...'abcXYZ019-_ .;:/+=~!'.split('')), maxLength: 70 }),
);

const authArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<AuthKind>('A', 'B', 'U') },
  { weight: 3, arbitrary: fc.constantFrom<AuthKind>('none', 'garbage', 'basic', 'forged', 'algNone', 'hs512', 'wrongIssuer', 'expired', 'stale', 'noSession') },
);

function requestArb(endpoint: BffEndpointName): fc.Arbitrary<FuzzRequest> {
  const spec = BFF_API[endpoint] as EndpointSpec;
  return fc
    .record({
      auth: spec.auth ? authArb : fc.constantFrom<AuthKind>('none', 'A', 'garbage'),
      params: paramsArb(spec),
      query: queryArb(spec),
      body: bodyArb(spec),
      idempotencyKey: spec.headers ? fc.option(headerValue, { nil: undefined }) : fc.constant(undefined),
    })
    .map((r) => ({ endpoint, ...r }));
}

// ---------------------------------------------------------------- what the server sees, and what it must answer

function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

interface Built {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** As the server will see them. */
  seen: { params?: Record<string, string>; query?: unknown; body?: unknown; headers?: Record<string, string> };
  bodyProblem: 'too-large' | 'unreadable' | null;
  emptyParam: boolean;
}

/** The body parser refuses JSON with an own "__proto__" key anywhere (@hapi/bourne, prototype poisoning). */
function hasProtoKey(root: object): boolean {
  let next: unknown[] = [root];
  while (next.length > 0) {
    const nodes = next;
    next = [];
    for (const node of nodes) {
      if (Object.prototype.hasOwnProperty.call(node, '__proto__')) return true;
      for (const value of Object.values(node as object)) if (value && typeof value === 'object') next.push(value);
    }
  }
  return false;
}

/** What the JSON body parser makes of a text: objects and arrays only, no prototype keys. */
function readJson(text: string): { value: unknown; unreadable: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { value: undefined, unreadable: true };
  }
  return { value, unreadable: value === null || typeof value !== 'object' || hasProtoKey(value) };
}

function build(req: FuzzRequest): Built {
  const spec = BFF_API[req.endpoint] as EndpointSpec;
  const encoded: Record<string, string> = {};
  const path = spec.path.replace(/:(\w+)/g, (_m, name: string) => (encoded[name] = encodeSegment(req.params?.[name] ?? '')));
  const search = req.query ? new URLSearchParams(req.query).toString() : '';
  const headers: Record<string, string> = {};
  const token = req.auth === 'A' || req.auth === 'B' || req.auth === 'U' ? w.tokens[req.auth] : w.badTokens[req.auth];
  if (req.auth === 'basic') headers.authorization = 'Basic YWxhZGRpbjpvcGVuc2VzYW1l';
  else if (token) headers.authorization = `Bearer ${token}`;
  if (req.idempotencyKey !== undefined) headers['idempotency-key'] = req.idempotencyKey;
  let body: string | undefined;
  let seenBody: unknown = {};
  let bodyProblem: Built['bodyProblem'] = null;
  if (req.body?.kind === 'json') {
    body = JSON.stringify(req.body.value) ?? 'null';
    headers['content-type'] = 'application/json';
    const read = readJson(body);
    if (read.unreadable) bodyProblem = 'unreadable';
    seenBody = read.value;
  } else if (req.body?.kind === 'raw') {
    body = req.body.text;
    headers['content-type'] = req.body.contentType;
    const isJson = /^application\/json/.test(req.body.contentType);
    if (Buffer.byteLength(body) > 32 * 1024 && isJson) bodyProblem = 'too-large';
    else if (isJson && body !== '') {
      const read = readJson(body);
      if (read.unreadable) bodyProblem = 'unreadable';
      seenBody = read.value;
    }
  }
  const seenHeaders: Record<string, string> = {};
  if (req.idempotencyKey !== undefined) seenHeaders['idempotency-key'] = req.idempotencyKey.trim();
  return {
    method: spec.method,
    path: `${path}${search ? `?${search}` : ''}`,
    headers,
    body,
    seen: {
      params: Object.fromEntries(Object.entries(encoded).map(([k, v]) => [k, decodeSegment(v)])),
      query: { ...querystring.parse(search) },
      body: seenBody,
      headers: seenHeaders,
    },
    bodyProblem,
    emptyParam: Object.values(encoded).some((v) => v === ''),
  };
}

/** Do the endpoint's own schemas accept what the server will see? */
function schemaValid(spec: EndpointSpec, built: Built): { valid: boolean; parsed: Record<string, unknown> } {
  const parsed: Record<string, unknown> = {};
  for (const part of ['params', 'query', 'body', 'headers'] as const) {
    const schema = spec[part];
    if (!schema) continue;
    const result = schema.safeParse(built.seen[part]);
    if (!result.success) return { valid: false, parsed };
    parsed[part] = result.data;
  }
  return { valid: true, parsed };
}

/**
 * Inputs that are valid and could do what the endpoint is for — and so change state by
 * design. They are not generated (fc.pre), so that "no change of state" can hold for
 * everything that is.
 */
function mayChangeState(req: FuzzRequest, parsed: Record<string, unknown>): boolean {
  const caller = req.auth;
  const person = caller === 'A' || caller === 'B';
  const body = (parsed.body ?? {}) as Record<string, unknown>;
  switch (req.endpoint) {
    case 'logout':
      return caller === 'A' || caller === 'B' || caller === 'U';
    case 'demoCode':
      return typeof body.openid === 'string' && body.openid.startsWith('o_demo_'); // issues a WeChat code
    case 'startFace':
      // A face session would be saved, except for a binding that is not the caller's.
      return !(body.purpose === 'unbind' && body.target !== w.bindingId && person) && !(caller === 'U' && body.purpose !== 'activate');
    case 'acceptCommitment':
      return person && body.version === TIBET_2022_LETTER.version;
    case 'setPreferences': {
      const order = body.authorizerOrder as string[] | undefined;
      return person && !(order && order.some((id) => id !== w.bindingId));
    }
    case 'markRead':
      return person;
    case 'saveSubscriptions': {
      // a valid answer of the subscription panel, for the mini-program's own templates, is recorded by design
      const decisions = (body.decisions ?? {}) as Record<string, unknown>;
      return Object.keys(decisions).every((id) => ALL_TEMPLATE_IDS.includes(id));
    }
    case 'payPremium': {
      const key = (parsed.headers as Record<string, string | undefined> | undefined)?.['idempotency-key'];
      return key !== undefined && !(caller === 'A' && key === w.premiumKey);
    }
    default:
      return false;
  }
}

/**
 * Codes an endpoint answered without declaring them in BFF_API: any one fails the last test
 * below (the contract must list every code a client may have to branch on).
 */
const UNDECLARED = new Map<string, Set<string>>();
/** Codes any endpoint may answer, declared once for all rather than per endpoint. */
const GENERIC = new Set(['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'NOT_FOUND', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'UNAUTHENTICATED', 'TOKEN_EXPIRED', 'SESSION_REVOKED']);
let sent = 0;
let validSent = 0;
/** Per endpoint, how the inputs that were sent fell (FUZZ_STATS=1 prints it). */
const STATS = new Map<string, Record<string, number>>();
const tally = (endpoint: string, bucket: string) => {
  const row = STATS.get(endpoint) ?? {};
  row[bucket] = (row[bucket] ?? 0) + 1;
  STATS.set(endpoint, row);
};

async function check(req: FuzzRequest): Promise<void> {
  const spec = BFF_API[req.endpoint] as EndpointSpec;
  const built = build(req);
  const authOk = !spec.auth || req.auth === 'A' || req.auth === 'B' || req.auth === 'U';
  const { valid, parsed } = schemaValid(spec, built);
  const decidedEarly = built.bodyProblem !== null || built.emptyParam || !authOk || !valid;
  fc.pre(decidedEarly || !mayChangeState(req, parsed));

  const answer = await send(built.method, built.path, built.headers, built.body);
  sent += 1;
  tally(req.endpoint, built.bodyProblem ?? (built.emptyParam ? 'no-route' : !authOk ? `auth` : !valid ? 'schema' : answer.status < 300 ? 'valid-2xx' : 'valid-refused'));
  const where = `${req.endpoint} ${built.method.toUpperCase()} ${built.path.slice(0, 200)} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, where).toBeLessThan(500);

  let json: unknown;
  if (answer.status !== 204) {
    expect(answer.contentType, where).toMatch(/^application\/json/);
    json = JSON.parse(answer.text);
  }
  if (answer.status >= 400) {
    const error = (json as { error?: { code?: unknown; requestId?: unknown } }).error;
    expect(isErrorCode(error?.code), `${where}: not a catalogue code`).toBe(true);
    const code = error!.code as Parameters<typeof httpStatusOf>[0];
    expect(answer.status, `${where}: the catalogue's status for ${code}`).toBe(httpStatusOf(code));
    expect(typeof error?.requestId, where).toBe('string');
    if (!spec.errors.includes(code) && !GENERIC.has(code)) {
      const set = UNDECLARED.get(req.endpoint) ?? new Set<string>();
      set.add(code);
      UNDECLARED.set(req.endpoint, set);
    }
  }

  // The answers that are decided before any use case runs, in the middleware's order.
  const errorCode = (json as { error?: { code?: string } } | undefined)?.error?.code;
  if (built.bodyProblem === 'too-large') expect([answer.status, errorCode], where).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  else if (built.bodyProblem === 'unreadable') expect([answer.status, errorCode], where).toEqual([400, 'VALIDATION_FAILED']);
  else if (built.emptyParam) expect([answer.status, errorCode], where).toEqual([404, 'NOT_FOUND']);
  else if (!authOk) expect([answer.status, errorCode], where).toEqual([401, AUTH_ANSWER[req.auth as keyof typeof AUTH_ANSWER]]);
  else if (!valid) expect([answer.status, errorCode], where).toEqual([400, 'VALIDATION_FAILED']);
  else {
    validSent += 1;
    if (answer.status < 300 && spec.response) {
      const checked = spec.response.safeParse(json);
      expect(checked.success, `${where}: the answer breaks the contract`).toBe(true);
    }
  }

  const now = await digest();
  const diff = changes(baseline, now);
  expect(diff, `${where}\nstate changed:\n${diff.join('\n')}`).toEqual([]);
}

// ---------------------------------------------------------------- the properties

const ENDPOINTS = Object.keys(BFF_API) as BffEndpointName[];
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

describe('bad input over every endpoint of BFF_API (fast-check)', () => {
  it.each(ENDPOINTS)('when %s gets bad input, then never a 5xx, a catalogue error (or a valid answer to a valid input) and no change of state', async (endpoint) => {
    await fc.assert(fc.asyncProperty(requestArb(endpoint), check), { numRuns: RUNS, maxSkipsPerRun: 50, endOnFailure: true });
  });

  it('when known-dangerous inputs come — replayed and misdirected face tickets, a reused idempotency key, every bad token — then each is refused with its code and nothing changes', async () => {
    const cases: Array<[FuzzRequest, number, string]> = [];
    const req = (endpoint: BffEndpointName, auth: AuthKind, parts: Partial<FuzzRequest>): FuzzRequest => ({ endpoint, auth, params: undefined, query: undefined, body: undefined, idempotencyKey: undefined, ...parts });
    const json = (value: unknown): Body => ({ kind: 'json', value });
    const inviteB = { name: w.b.name, idNumber: w.b.idNumber, relation: 'parent', commitmentVersion: TIBET_2022_LETTER.version };
    // The ticket used for inviting B, again; and the unused one, for another purpose or person.
    cases.push([req('createInvitation', 'A', { body: json({ ...inviteB, faceTicket: w.usedTicket }) }), 409, 'DUPLICATE_BINDING']);
    cases.push([req('bindMinor', 'A', { body: json({ childName: demoPerson('yangjin').name, childIdNumber: demoPerson('yangjin').idNumber, faceTicket: w.usedTicket, commitmentVersion: TIBET_2022_LETTER.version }) }), 403, 'FACE_TICKET_INVALID']);
    cases.push([req('bindMinor', 'A', { body: json({ childName: demoPerson('yangjin').name, childIdNumber: demoPerson('yangjin').idNumber, faceTicket: w.unusedTicket, commitmentVersion: TIBET_2022_LETTER.version }) }), 403, 'FACE_TICKET_INVALID']);
    cases.push([req('endBinding', 'A', { params: { bindingId: w.bindingId }, body: json({ faceTicket: w.usedTicket }) }), 403, 'FACE_TICKET_INVALID']);
    cases.push([req('endBinding', 'A', { params: { bindingId: w.bindingId }, body: json({ faceTicket: w.unusedTicket }) }), 403, 'FACE_TICKET_INVALID']);
    cases.push([req('endBinding', 'B', { params: { bindingId: w.bindingId }, body: json({}) }), 403, 'FACE_VERIFICATION_REQUIRED']);
    cases.push([req('activate', 'U', { body: json({ name: w.u.name, idNumber: w.u.idNumber, faceTicket: w.usedTicket }) }), 403, 'FACE_TICKET_INVALID']);
    cases.push([req('activate', 'A', { body: json({ name: w.z.name, idNumber: w.z.idNumber, faceTicket: w.unusedTicket }) }), 403, 'FACE_TICKET_INVALID']);
    // The premium's key with another body; with the same body, the first receipt again.
    cases.push([req('payPremium', 'A', { body: json({ ...w.premiumBody, year: 2027 }), idempotencyKey: w.premiumKey }), 409, 'IDEMPOTENCY_KEY_REUSED']);
    cases.push([req('payPremium', 'A', { body: json({ bindingId: 'abcdefgh12345678', year: 2026 }), idempotencyKey: w.premiumKey }), 409, 'IDEMPOTENCY_KEY_REUSED']);
    cases.push([req('payPremium', 'A', { body: json(w.premiumBody), idempotencyKey: w.premiumKey }), 200, '']);
    cases.push([req('payPremium', 'A', { body: json(w.premiumBody) }), 400, 'IDEMPOTENCY_KEY_REQUIRED']);
    // Answers to invitations that are no longer open.
    cases.push([req('rejectInvitation', 'B', { params: { invitationId: w.acceptedInvitation } }), 409, 'INVITATION_NOT_PENDING']);
    cases.push([req('cancelInvitation', 'A', { params: { invitationId: w.acceptedInvitation } }), 409, 'INVITATION_NOT_PENDING']);
    cases.push([req('acceptInvitation', 'A', { params: { invitationId: w.cancelledInvitation } }), 404, 'INVITATION_NOT_FOUND']);
    cases.push([req('refresh', 'none', { body: json({ refreshToken: w.staleRefresh }) }), 401, 'SESSION_REVOKED']);
    // Before activation: nothing personal (R1).
    cases.push([req('listInvitations', 'U', { query: [['box', 'received']] }), 403, 'ECREDENTIAL_REQUIRED']);
    cases.push([req('createInvitation', 'U', { body: json(inviteB) }), 403, 'ECREDENTIAL_REQUIRED']);
    for (const auth of Object.keys(AUTH_ANSWER) as Array<keyof typeof AUTH_ANSWER>) {
      for (const endpoint of ['home', 'logout', 'payPremium', 'endBinding'] as const) {
        cases.push([req(endpoint, auth, { params: { bindingId: w.bindingId }, body: json(w.premiumBody), idempotencyKey: 'fresh-key-000001' }), 401, AUTH_ANSWER[auth]]);
      }
    }
    for (const [request, status, code] of cases) {
      await check(request);
      const built = build(request);
      const again = await send(built.method, built.path, built.headers, built.body);
      const label = `${request.endpoint} as ${request.auth}`;
      expect(again.status, label).toBe(status);
      if (code) expect(JSON.parse(again.text).error.code, label).toBe(code);
    }
    expect(changes(baseline, await digest())).toEqual([]);
  });

  it('when the fuzzing is over, then nothing moved — also nothing sent late — and enough valid inputs were among the invalid ones', async () => {
    await h.stack.mocks.notifier.idle();
    expect(changes(baseline, await digest())).toEqual([]);
    if (process.env.FUZZ_STATS) console.table(Object.fromEntries(STATS));
    expect(sent).toBeGreaterThan(ENDPOINTS.length * RUNS * 0.8);
    expect(validSent).toBeGreaterThan(ENDPOINTS.length);
    // The codes an endpoint answered are among those its contract declares (OpenAPI tells clients).
    const undeclared = [...UNDECLARED].flatMap(([endpoint, codes]) => [...codes].map((c) => `${endpoint}: ${c}`));
    expect(undeclared).toEqual([]);
  });
});
