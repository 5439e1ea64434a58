/**
 * The h5 build as the BFF serves it (issue 12 item 13): compressed, cached by name, a favicon.
 * A bare Koa app with only the static middleware, on a real loopback port, over files written
 * to a temporary folder shaped like Taro's output.
 */
import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import Koa from 'koa';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveH5 } from '../src/http/h5-static';

let dist: string;
let server: ReturnType<Koa['listen']>;
const script = `console.log(${JSON.stringify('家庭共济 '.repeat(800))});\n`;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'h5-static-'));
  mkdirSync(join(dist, 'js'));
  writeFileSync(join(dist, 'index.html'), `<!doctype html><html lang="zh-CN"><head><title>家庭共济</title></head><body>${'<p>家庭共济</p>'.repeat(100)}</body></html>`);
  writeFileSync(join(dist, 'js', 'app.0123abcd.js'), script);
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const app = new Koa();
  for (const middleware of serveH5(dist)) app.use(middleware);
  server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
});

function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

afterAll(() => {
  server.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the h5 files', () => {
  it('when a browser takes brotli, then a hashed script comes brotli-compressed, intact, cached for a year', async () => {
    // node:http, because supertest would decompress the body before the test sees it
    const res = await rawGet('/js/app.0123abcd.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const body = res.body;
    expect(body.length).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(brotliDecompressSync(body).toString('utf8')).toBe(script);
  });

  it('when a browser takes only gzip, then it gets gzip', async () => {
    const res = await request(server).get('/js/app.0123abcd.js').set('accept-encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.text).toBe(script);
  });

  it('when index.html is asked for, then it must be revalidated each time, and a fresh copy gets 304', async () => {
    const first = await request(server).get('/').set('accept-encoding', 'gzip, br');
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.text).toContain('lang="zh-CN"');
    const again = await request(server).get('/').set('if-modified-since', String(first.headers['last-modified']));
    expect(again.status).toBe(304);
  });

  it('when the favicon is asked for, then it is there, cached for a day', async () => {
    const res = await request(server).get('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
  });
});
