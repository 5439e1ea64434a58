import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformCall, platformHttp } from '../src/adapters/platform-http';

/**
 * The BFF's platform client over PLATFORM_API, against a stand-in on loopback that answers
 * what each test sets: the path and method come from the registry, and every answer is
 * parsed with the entry's response schema — the trust boundary: a wrong shape is a 503.
 */
let server: Server;
let url = '';
const seen: string[] = [];
/** path → [status, body] for the next answers. */
const answers = new Map<string, [number, unknown]>();

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers['x-platform-key'] ?? ''}`);
    const [status, body] = answers.get(req.url ?? '') ?? [404, { error: { code: 'NOT_FOUND' } }];
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const PSN = 'P00000000000000A1';
const codeOf = (error: unknown) => (error as { code?: string }).code;

describe('the platform client over PLATFORM_API', () => {
  it('when a read is called by name, then the registry’s method, path (parameters encoded) and query go out with the key, and the answer is parsed', async () => {
    const path = `/v1/persons/${PSN}/deductions?limit=10&month=2026-01`;
    answers.set(path, [200, { items: [], nextCursor: null, extra: 'dropped by the schema' }]);
    const page = await platformHttp({ url, key: 'k1' }).deductions(PSN, { limit: 10, month: '2026-01' });
    expect(page).toEqual({ items: [], nextCursor: null });
    expect(seen.at(-1)).toBe(`GET ${path} k1`);
    answers.set('/v1/ecredentials/by-openid/a%2Fb%3Fc', [200, { psnNo: PSN }]);
    expect(await platformHttp({ url, key: 'k1' }).personIdByOpenid('a/b?c')).toBe(PSN);
    answers.set(`/v1/persons/${PSN}/preferences`, [200, { accountChoice: 'own', authorizerOrder: [] }]);
    expect(await platformHttp({ url, key: 'k1' }).setPreferences(PSN, { accountChoice: 'own' })).toEqual({ ok: true, value: { accountChoice: 'own', authorizerOrder: [] } });
    expect(seen.at(-1)).toBe(`PUT /v1/persons/${PSN}/preferences k1`);
  });

  it('when the platform answers 2xx in a shape its registry entry does not have, then SERVICE_UNAVAILABLE: the answer is not trusted', async () => {
    answers.set(`/v1/persons/${PSN}`, [200, { psnNo: PSN, name: 42 }]);
    await expect(platformHttp({ url, key: 'k1' }).person(PSN)).rejects.toSatisfy((e) => codeOf(e) === 'SERVICE_UNAVAILABLE');
    answers.set('/v1/counter/institutions', [200, [{ code: 'lower-case', name: '药店', kind: 'pharmacy', region: '540102', sharingEnabled: true }]]);
    await expect(platformCall({ url, key: 'k1' })('institutions')).rejects.toSatisfy((e) => codeOf(e) === 'SERVICE_UNAVAILABLE');
  });

  it('when the platform refuses with a catalogue code, then the code comes back as a result; without a code, SERVICE_UNAVAILABLE', async () => {
    answers.set('/v1/bindings/check', [409, { error: { code: 'SELF_BINDING' } }]);
    const request = { authorizerPsnNo: PSN, beneficiaryPsnNo: PSN, beneficiaryName: '扎西', relation: 'parent' as const, beneficiaryMayActivateLater: false };
    expect(await platformHttp({ url, key: 'k1' }).checkBinding(request)).toEqual({ ok: false, code: 'SELF_BINDING' });
    expect(seen.at(-1)).toBe('POST /v1/bindings/check k1');
    answers.set('/v1/bindings/check', [409, { message: 'no code' }]);
    await expect(platformHttp({ url, key: 'k1' }).checkBinding(request)).rejects.toSatisfy((e) => codeOf(e) === 'SERVICE_UNAVAILABLE');
  });
});
