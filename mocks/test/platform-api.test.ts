import SwaggerParser from '@apidevtools/swagger-parser';
import { fillPath, openApiPath, PLATFORM_API, type ApiEndpoint, type PlatformEndpointName } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: false });
});
afterAll(async () => h.close());

const ENTRIES = Object.entries(PLATFORM_API) as Array<[PlatformEndpointName, ApiEndpoint]>;

/** A value of the right format for each path parameter, so that a request gets past parsing where it can. */
const SAMPLE_PARAMS: Record<string, string> = {
  psnNo: 'P00000000000000C1',
  bindingId: 'b-contract-1',
  claimId: 'c-contract-1',
  openid: 'o_contract_nobody',
  settlementId: 's-contract-1',
  year: '2026',
};

type Operation = { operationId: string; 'x-national-transaction'?: string[] };

describe('the platform API registry (PLATFORM_API)', () => {
  it('when /v1/openapi.json is asked with the service key, then it is a valid OpenAPI 3.0 document with exactly the registry’s entries and their national numbers', async () => {
    const res = await h.api<{ openapi: string; paths: Record<string, Record<string, Operation>> }>('GET', '/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.0.3');
    // The parser resolves the document in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(res.body) as never)).resolves.toBeDefined();
    const operations = Object.entries(res.body.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ path, method, op })));
    expect(operations.map((o) => o.op.operationId).sort()).toEqual(Object.keys(PLATFORM_API).sort());
    for (const { path, method, op } of operations) {
      const spec = PLATFORM_API[op.operationId as PlatformEndpointName] as ApiEndpoint;
      expect({ path, method }).toEqual({ path: openApiPath(spec.path), method: spec.method });
      expect(op['x-national-transaction']).toEqual(spec.national);
    }
    expect(res.body.paths['/v1/counter/settlements']!.post!['x-national-transaction']).toEqual(['2102', '2207']);
    expect(res.body.paths['/v1/counter/reversals']!.post!['x-national-transaction']).toEqual(['2601']);
  });

  it('when /v1/openapi.json is asked without the service key, then 401 like every /v1 call', async () => {
    const res = await fetch(`${h.mocks.platformUrl}/v1/openapi.json`);
    expect(res.status).toBe(401);
  });

  it('when every registry entry is called with its method and path, then the router has it: no entry answers NOT_FOUND or METHOD_NOT_ALLOWED', async () => {
    const missing: string[] = [];
    for (const [name, spec] of ENTRIES) {
      // An empty body: entries with a body schema stop at VALIDATION_FAILED, which proves the route exists.
      const res = await h.api<{ error?: { code: string } }>(spec.method.toUpperCase(), fillPath(spec.path, SAMPLE_PARAMS), spec.method === 'get' ? undefined : {});
      const code = res.body?.error?.code;
      if (code === 'NOT_FOUND' || code === 'METHOD_NOT_ALLOWED') missing.push(`${name}: ${spec.method.toUpperCase()} ${spec.path} → ${res.status} ${code}`);
    }
    expect(missing).toEqual([]);
  });

  it('when a path the registry does not have is called, then NOT_FOUND (the check above can fail)', async () => {
    const res = await h.api<{ error: { code: string } }>('GET', '/v1/no-such-endpoint');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect((await h.api<{ error: { code: string } }>('DELETE', fillPath(PLATFORM_API.person.path, SAMPLE_PARAMS))).body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('when a request part breaks the registry’s schema, then 400 VALIDATION_FAILED from the mounted route, before any read (a person number in the wrong format)', async () => {
    const res = await h.call('person', { params: { psnNo: 'not-a-person-number' } });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VALIDATION_FAILED');
    const unknown = await h.call('person', { params: { psnNo: SAMPLE_PARAMS.psnNo! } });
    expect(unknown.body.error?.code).toBe('PERSON_NOT_FOUND');
  });
});
