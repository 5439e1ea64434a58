import {
  TIBET_2022_LETTER,
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
import type { Logger } from 'pino';
import request from 'supertest';
import { startStack, type Stack } from '../../scripts/lib/stack';

export interface Client {
  openid: string;
  accessToken: string;
  refreshToken: string;
  get(path: string): request.Test;
  post(path: string, body?: object, headers?: Record<string, string>): request.Test;
  put(path: string, body?: object): request.Test;
}

export interface BffHarness {
  stack: Stack;
  http: ReturnType<typeof request>;
  advance(ms: number): void;
  /** A code as wx.login would give it to this WeChat account's phone. */
  wxCode(openid: string): Promise<string>;
  login(openid: string): Promise<Client>;
  platform<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** A PLATFORM_API endpoint by name, straight to the platform (the test plays another of its callers); check `status` first. */
  platformCall<N extends PlatformEndpointName>(name: N, input: PlatformInput<N>): Promise<{ status: number; body: PlatformResponse<N> & { error?: { code: string } } }>;
  newPerson(overrides?: Partial<AdminPerson> & { born?: string }): Promise<{ idNumber: string; name: string; openid: string; psnNo: string }>;
  /** The person number the platform gave an ID number (its 1101 lookup): platform paths and ids name persons by it. */
  psn(idNumber: string): Promise<string>;
  /** Face verification for a purpose, through the API, with a chosen demo outcome. */
  faceTicket(client: Client, request: Record<string, string>, outcome?: string): Promise<string>;
  /** A new person (an employee unless told), logged in, who has accepted the commitment letter (R9): ready to invite. */
  signedUp(overrides?: Partial<AdminPerson>): Promise<{ idNumber: string; name: string; openid: string; psnNo: string; client: Client }>;
  /** An invitation from `from` to this relative, with the fresh face verification it needs (R6); the answer as it comes. */
  invite(from: Client, to: { idNumber: string; name: string }, relation?: Relation): Promise<request.Response>;
  close(): Promise<void>;
}

let sequence = 0;
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '次旦', '普布', '旺堆', '白玛', '曲珍', '仁增', '罗布', '桑吉'];

export async function startBffHarness(options: { policy?: Policy; demo?: boolean; rateLimitScale?: number; log?: Logger } = {}): Promise<BffHarness> {
  let offset = 0;
  const clock = () => Date.now() + offset;
  // The BFF tests play the phone's face SDK through demo mode (the outcome in the request):
  // they opt in here, and `{ demo: false }` checks the product without it.
  const stack = await startStack({ policy: options.policy ?? TIBET_2022, clock, demo: options.demo ?? true, rateLimitScale: options.rateLimitScale ?? 100, ...(options.log ? { log: options.log } : {}) });
  const http = request(stack.bff.url);

  const platform: BffHarness['platform'] = async (method, path, body) => {
    const response = await fetch(`${stack.mocks.platformUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-platform-key': stack.keys.platform },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as never };
  };
  const platformCall: BffHarness['platformCall'] = (name, input) => {
    const { method, path, body } = platformRequest(name, input);
    return platform(method, path, body);
  };

  const psnCache = new Map<string, string>();
  const wxCode = async (openid: string) => {
    const response = await fetch(`${stack.mocks.wechatUrl}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid }),
    });
    return ((await response.json()) as { code: string }).code;
  };

  const harness: BffHarness = {
    stack,
    http,
    advance: (ms) => {
      offset += ms;
    },
    wxCode,
    async login(openid) {
      const res = await http.post('/api/auth/login').send({ code: await wxCode(openid) });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
      const auth = { authorization: `Bearer ${res.body.accessToken as string}` };
      return {
        openid,
        accessToken: res.body.accessToken,
        refreshToken: res.body.refreshToken,
        get: (path) => http.get(path).set(auth),
        post: (path, body, headers = {}) => http.post(path).set({ ...auth, ...headers }).send(body ?? {}),
        put: (path, body) => http.put(path).set(auth).send(body ?? {}),
      };
    },
    platform,
    platformCall,
    async newPerson(overrides = {}) {
      sequence += 1;
      const { born = '1980-01-01', ...rest } = overrides;
      const unique = (process.pid * 11 + sequence * 17) % 997;
      const idNumber = overrides.idNumber ?? composeIdNumber(rest.region ?? '540102', born, unique);
      const name = overrides.name ?? `${NAMES[sequence % NAMES.length]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(sequence / NAMES.length) % 10]}`;
      const openid = overrides.openid ?? `o_bff_${sequence}_${unique}`;
      const { status, body } = await platformCall('adminCreatePerson', {
        body: {
        idNumber,
        name,
        insurance: 'employee',
        region: '540102',
        status: 'active',
        balance: 0,
        eCredentialActive: true,
        openid,
        ...rest,
        },
      });
      if (status !== 201) throw new Error(`could not create a test person: ${JSON.stringify(body)}`);
      return { idNumber, name, openid, psnNo: body.psnNo };
    },
    async psn(idNumber) {
      const known = psnCache.get(idNumber);
      if (known) return known;
      const { status, body } = await platformCall('lookupPerson', { body: { idNumber } });
      if (status !== 200) throw new Error(`no person number for a test person (${status})`);
      psnCache.set(idNumber, body.psnNo);
      return body.psnNo;
    },
    async faceTicket(client, body, outcome = 'pass') {
      const started = await client.post('/api/face/sessions', body);
      if (started.status !== 201) throw new Error(`face start failed: ${started.status} ${JSON.stringify(started.body)}`);
      const done = await client.post(`/api/face/sessions/${started.body.sessionId as string}/complete`, { outcome });
      if (done.status !== 200) throw new Error(`face failed: ${done.status} ${JSON.stringify(done.body)}`);
      return done.body.ticket as string;
    },
    async signedUp(overrides = {}) {
      const person = await harness.newPerson(overrides);
      const client = await harness.login(person.openid);
      const accepted = await client.post('/api/commitment/accept', { version: TIBET_2022_LETTER.version });
      if (accepted.status !== 200) throw new Error(`commitment not accepted: ${accepted.status} ${JSON.stringify(accepted.body)}`);
      return { ...person, client };
    },
    async invite(from, to, relation = 'parent') {
      const faceTicket = await harness.faceTicket(from, { purpose: 'bind', target: to.idNumber });
      return from.post('/api/invitations', { name: to.name, idNumber: to.idNumber, relation, faceTicket, commitmentVersion: TIBET_2022_LETTER.version });
    },
    close: () => stack.close(),
  };
  return harness;
}

export const code = (res: { body: unknown }) => (res.body as { error?: { code?: string } }).error?.code;
