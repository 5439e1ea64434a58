import { BFF_API } from '@family-share/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBffHarness, type BffHarness } from './harness';

let h: BffHarness;
beforeAll(async () => {
  h = await startBffHarness();
});
afterAll(async () => h.close());

describe('API description and health', () => {
  it('when /api/openapi.json is asked, then it lists every endpoint of the shared registry with its schemas and error codes', async () => {
    const res = await h.http.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.0.3');
    const operations = Object.values(res.body.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(operations.sort()).toEqual(Object.keys(BFF_API).sort());
    const invite = res.body.paths['/api/invitations'].post;
    expect(invite.requestBody.content['application/json'].schema.properties.idNumber).toBeDefined();
    expect(invite.responses['409'].description).toContain('BENEFICIARY_ALREADY_BOUND');
    expect(res.body.paths['/api/invitations/{invitationId}/accept'].post.parameters[0]).toMatchObject({ name: 'invitationId', in: 'path' });
  });

  it('when /api/docs is opened, then the page and its assets are served', async () => {
    const page = await h.http.get('/api/docs');
    expect(page.text).toContain('swagger-ui');
    expect((await h.http.get('/api/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
    expect((await h.http.get('/api/docs/init.js')).text).toContain('/api/openapi.json');
  });

  it('when /healthz and /readyz are asked with everything up, then both are 200', async () => {
    expect((await h.http.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await h.http.get('/readyz')).body).toEqual({ status: 'ready', checks: { redis: true, platform: true } });
  });

  it('when demo mode lists people, then every demo person comes with what they show', async () => {
    const res = await h.http.get('/api/demo/people');
    expect(res.body.items.length).toBeGreaterThan(10);
    expect(res.body.items[0]).toMatchObject({ key: 'zhaxi', name: '扎西', shows: expect.any(String) });
    const codeRes = await h.http.post('/api/demo/wx-code').send({ openid: 'o_demo_zhaxi' });
    expect((await h.http.post('/api/auth/login').send({ code: codeRes.body.code })).status).toBe(200);
    expect((await h.http.post('/api/demo/wx-code').send({ openid: 'o_not_a_demo' })).status).toBe(400);
  });
});

describe('outside demo mode', () => {
  let p: BffHarness;
  beforeAll(async () => {
    p = await startBffHarness({ demo: false });
  });
  afterAll(async () => p.close());

  it('when the demo endpoints are asked, then 404: they do not exist', async () => {
    expect((await p.http.get('/api/demo/people')).status).toBe(404);
    expect((await p.http.post('/api/demo/wx-code').send({ openid: 'o_demo_zhaxi' })).status).toBe(404);
  });
});
