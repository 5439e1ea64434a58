import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bodyParser } from '@koa/bodyparser';
import cors from '@koa/cors';
import { Router } from '@koa/router';
import Koa from 'koa';
import helmet from 'koa-helmet';
import type { BffDeps } from './deps';
import { serveH5 } from './http/h5-static';
import { errorHandler, requestLog, type BffState } from './http/middleware';
import { openApiDocument } from './http/openapi';
import { mountApi } from './http/routes';

export interface AppOptions {
  /** Check every answer against the contract (on in tests and development). */
  checkResponses?: boolean;
}

/** sha256 hashes of the inline scripts of the h5 index.html, so that CSP can allow exactly those. */
function inlineScriptHashes(dist: string | undefined): string[] {
  if (!dist || !existsSync(join(dist, 'index.html'))) return [];
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`,
  );
}

/** What anyone may cache: the API's description. Everything else under /api is someone's own. */
const PUBLIC_API = /^\/api\/(openapi\.json|docs(\/.*)?)$/;

/**
 * Answers under /api are personal (home, balance, history, premiums, bindings, invitations,
 * notifications) or about a session: no browser, proxy or WebView cache may keep them, error
 * answers included.
 */
function personalNotStored(): Koa.Middleware<BffState> {
  return async (ctx, next) => {
    if (ctx.path.startsWith('/api/') && !PUBLIC_API.test(ctx.path)) ctx.set('cache-control', 'no-store');
    await next();
  };
}

/**
 * The BFF as a Koa app, built from its dependencies; it does not listen (main.ts does).
 * Order: request log, error handler, security headers, CORS, body parser, routes, h5 files.
 */
export function createApp(deps: BffDeps, options: AppOptions = {}): Koa<BffState> {
  const app = new Koa<BffState>({ proxy: false });
  const router = new Router<BffState>();

  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const [redis, platform] = await Promise.all([deps.redisHealthy(), deps.platform.healthy()]);
    ctx.status = redis && platform ? 200 : 503;
    ctx.body = { status: redis && platform ? 'ready' : 'unavailable', checks: { redis, platform } };
  });
  const openapi = openApiDocument();
  router.get('/api/openapi.json', (ctx) => {
    ctx.body = openapi;
  });
  // The folder of the static files only: requiring the package itself would load its 1 MB bundle.
  const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  router.get('/api/docs', (ctx) => {
    ctx.type = 'html';
    ctx.body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>家庭共济 BFF API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;
  });
  router.get('/api/docs/init.js', (ctx) => {
    ctx.type = 'application/javascript';
    ctx.body = "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' });";
  });
  router.get('/api/docs/assets/:file', async (ctx, next) => {
    const file = ctx.params.file ?? '';
    if (!['swagger-ui.css', 'swagger-ui-bundle.js'].includes(file)) return next();
    ctx.type = file.endsWith('.css') ? 'text/css' : 'application/javascript';
    ctx.set('cache-control', 'public, max-age=86400');
    ctx.body = readFileSync(join(swaggerDir, file));
  });
  mountApi(router, deps, { checkResponses: options.checkResponses ?? true });

  app.use(requestLog(deps.log));
  app.use(errorHandler());
  app.use(personalNotStored());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...inlineScriptHashes(deps.config.h5Dist)],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  const allowed = new Set(deps.config.corsOrigins);
  app.use(
    cors({
      origin: (ctx) => (allowed.has(ctx.get('origin')) ? ctx.get('origin') : ''),
      allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id'],
      exposeHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    }),
  );
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '32kb', encoding: 'utf-8' }));
  app.use(router.routes());
  app.use(router.allowedMethods());
  if (deps.config.h5Dist) {
    for (const middleware of serveH5(deps.config.h5Dist)) app.use(middleware);
  }
  app.on('error', (error: unknown, ctx?: Koa.Context) => {
    deps.log.error({ err: error, requestId: ctx?.state?.requestId }, 'request failed unexpectedly');
  });
  return app;
}
