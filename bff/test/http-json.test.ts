import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callJson } from '../src/adapters/http-json';

/**
 * The BFF's client of the outside services (a Pool bound to each origin): one more try for a
 * read whose socket was reset, none for a write, and every failure a 503 SERVICE_UNAVAILABLE.
 */
let server: Server;
let base = '';
const seen: string[] = [];
/** Paths whose next request has its socket destroyed instead of an answer. */
const resetNext = new Set<string>();

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const path = req.url ?? '';
    if (resetNext.delete(path)) return void req.socket.destroy();
    if (path.startsWith('/slow')) return void setTimeout(() => res.end('{}'), 3_000);
    if (path.startsWith('/fail')) return void res.writeHead(502).end('{"error":{"code":"X"}}');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ path }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const codeOf = (error: unknown) => (error as { code?: string }).code;

describe('outside calls through a pool per origin', () => {
  it('when a GET finds its socket reset, then it is sent once more and answers', async () => {
    resetNext.add('/read?x=1');
    seen.length = 0;
    const answer = await callJson(`${base}/read?x=1`);
    expect(answer).toEqual({ status: 200, body: { path: '/read?x=1' } });
    expect(seen).toEqual(['GET /read?x=1', 'GET /read?x=1']);
  });

  it('when a POST finds its socket reset, then it is not sent again and the caller gets SERVICE_UNAVAILABLE', async () => {
    resetNext.add('/write');
    seen.length = 0;
    const failed = await callJson(`${base}/write`, { method: 'POST', body: { a: 1 } }).catch((e: unknown) => e);
    expect(codeOf(failed)).toBe('SERVICE_UNAVAILABLE');
    expect(seen).toEqual(['POST /write']);
  });

  it('when the service does not answer within the timeout, or answers 5xx, then SERVICE_UNAVAILABLE', async () => {
    expect(codeOf(await callJson(`${base}/slow`, { timeoutMs: 100 }).catch((e: unknown) => e))).toBe('SERVICE_UNAVAILABLE');
    expect(codeOf(await callJson(`${base}/fail`).catch((e: unknown) => e))).toBe('SERVICE_UNAVAILABLE');
  });
});
