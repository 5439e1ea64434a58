import {
  composeIdNumber,
  platformRequest,
  TIBET_2022,
  type AdminPerson,
  type PlatformEndpointName,
  type PlatformInput,
  type PlatformResponse,
  type Policy,
  type Relation,
} from '@family-share/shared';
import { startRedisServer, type RedisServer } from '../../scripts/lib/redis-server';
import { areaIn } from '../../shared/test/policies/region';
import { startMocks, type RunningMocks } from '../src/start';

export const KEYS = {
  platform: 'test-platform-key-0123456789abcdef',
  face: 'test-face-key-0123456789abcdef',
  wechat: { appId: 'wx_test_app', appSecret: 'test-wechat-secret-0123456789' },
};

export interface Harness {
  redis: RedisServer;
  mocks: RunningMocks;
  /** The policy the mocks run under: tests read floors, ages and regions from it, not from Tibet's numbers. */
  policy: Policy;
  /** Moves the mocks' clock forward. */
  advance(ms: number): void;
  api<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
  /**
   * A PLATFORM_API endpoint by name: method and path from the registry. The body is typed as the
   * success answer; a refusal's `{ error }` is there too, so check `status` first.
   */
  call<N extends PlatformEndpointName>(name: N, input: PlatformInput<N>): Promise<{ status: number; body: PlatformResponse<N> & { error?: { code: string } } }>;
  /**
   * A fresh person in the registry, unique within the test run, with the person number the
   * platform gave them: an employee of the policy's region unless told otherwise.
   */
  newPerson(overrides?: Partial<AdminPerson> & { born?: string }): Promise<{ idNumber: string; name: string; openid: string; psnNo: string }>;
  /** The person number of an ID number (the platform's 1101 lookup): paths and ids name persons by it. */
  psn(idNumber: string): Promise<string>;
  /** A binding a → b made straight on the platform (no invitation, no face step): the fixture of most money tests. */
  bind(
    a: { psnNo: string },
    b: { psnNo: string; name: string },
    options?: { relation?: string; bindingId?: string },
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

let sequence = 0;
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '次旦', '普布', '旺堆', '白玛', '曲珍', '仁增'];

/** A real redis-server with an append-only file, and the three mocks on loopback ports. */
export async function startHarness(options: { policy?: Policy; seed?: boolean; redis?: RedisServer; demo?: boolean } = {}): Promise<Harness> {
  const redis = options.redis ?? (await startRedisServer({ appendOnly: true }));
  let offset = 0;
  const clock = () => Date.now() + offset;
  const policy = options.policy ?? TIBET_2022;
  const area = areaIn(policy);
  const mocks = await startMocks({
    redisUrl: redis.url,
    policy,
    platformKey: KEYS.platform,
    wechat: KEYS.wechat,
    seed: options.seed ?? true,
    demo: options.demo === true,
    clock,
    recoveryIntervalMs: 0,
    checkResponses: true,
  });
  const psnCache = new Map<string, string>();
  const api: Harness['api'] = async (method, path, body, headers = {}) => {
    const base = path.startsWith('/cityservice') || path.startsWith('/dev/face') ? mocks.faceUrl : path.startsWith('/sns') || path.startsWith('/cgi-bin') || path.startsWith('/dev') ? mocks.wechatUrl : mocks.platformUrl;
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-platform-key': KEYS.platform, ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as never };
  };
  const call: Harness['call'] = (name, input) => {
    const { method, path, body } = platformRequest(name, input);
    return api(method, path, body);
  };
  return {
    redis,
    mocks,
    policy,
    api,
    call,
    advance: (ms) => {
      offset += ms;
    },
    async newPerson(overrides = {}) {
      sequence += 1;
      const { born = '1980-01-01', ...rest } = overrides;
      const unique = (process.pid * 7 + sequence * 13) % 997;
      const idNumber = overrides.idNumber ?? composeIdNumber(rest.region ?? area, born, unique);
      const name = overrides.name ?? `${NAMES[sequence % NAMES.length]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(sequence / NAMES.length) % 10]}`;
      const openid = overrides.openid ?? `o_test_${sequence}_${unique}`;
      const person = {
        idNumber,
        name,
        insurance: 'employee' as const,
        region: area,
        status: 'active' as const,
        balance: 0,
        eCredentialActive: true,
        openid,
        ...rest,
      };
      const { status, body } = await call('adminCreatePerson', { body: person });
      if (status !== 201) throw new Error(`could not create a test person: ${JSON.stringify(body)}`);
      return { idNumber, name, openid, psnNo: body.psnNo };
    },
    psn: async (idNumber) => {
      const known = psnCache.get(idNumber) ?? (await lookupPsn(call, idNumber));
      psnCache.set(idNumber, known);
      return known;
    },
    bind: (a, b, { relation = 'parent', bindingId = nextId('b') } = {}) =>
      call('createBinding', { body: { authorizerPsnNo: a.psnNo, beneficiaryPsnNo: b.psnNo, beneficiaryName: b.name, relation: relation as Relation, bindingId } }),
    async close() {
      await mocks.close();
      if (!options.redis) await redis.dispose();
    },
  };
}

async function lookupPsn(call: Harness['call'], idNumber: string): Promise<string> {
  const { status, body } = await call('lookupPerson', { body: { idNumber } });
  if (status !== 200) throw new Error(`no person number for a test person (${status})`);
  return body.psnNo;
}

let settlementSeq = 0;
export const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(settlementSeq += 1)}`;
