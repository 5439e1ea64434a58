import { constants as zlib } from 'node:zlib';
import compress from 'koa-compress';
import serve from 'koa-static';
import type Koa from 'koa';
import { AppError } from '@family-share/shared/server-kit';

/** Taro names its h5 output js/<name>.<contenthash:8>.js and css/…: a new build, a new name. */
const HASHED = /\.[0-9a-f]{8}\.(js|css)$/;

/** What a phone keeps, by file: hashed files for a year, index.html never without asking. */
export function cacheControlFor(path: string): string {
  if (HASHED.test(path)) return 'public, max-age=31536000, immutable';
  if (path.endsWith('.html')) return 'no-cache';
  return 'public, max-age=86400';
}

/**
 * The h5 build as files: compressed (brotli where the browser takes it, else gzip) and cached
 * by name. Only these files are compressed here: the API's small JSON answers would pay the
 * CPU for little. Brotli at quality 5 keeps most of the gain (~4x on this JS) at a fraction of
 * quality 11's cost, since every cold phone makes the server compress again.
 * index.html is `no-cache`: a phone asks each time (If-Modified-Since → 304), so a new build is
 * seen at once, while the hashed files it names stay cached.
 * Mount after the API routes: a request reaches these only when no route answered it.
 */
export function serveH5(dist: string): Koa.Middleware[] {
  const revalidate: Koa.Middleware = async (ctx, next) => {
    await next();
    if (ctx.status === 200 && (ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.fresh) ctx.status = 304;
  };
  return [
    compress({
      threshold: 1024,
      br: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
      gzip: { level: 6 },
      deflate: false,
    }),
    revalidate,
    notThere(
      serve(dist, {
        index: 'index.html',
        setHeaders: (res, path) => res.setHeader('cache-control', cacheControlFor(path)),
      }),
    ),
  ];
}

/**
 * koa-send refuses a path out of the folder (403), a malicious one (400) or an undecodable one:
 * to the client each is just a file that is not there (404 NOT_FOUND, issue 9 item 4).
 */
function notThere(files: Koa.Middleware): Koa.Middleware {
  return async (ctx, next) => {
    try {
      await files(ctx, next);
    } catch (error) {
      const status = (error as { status?: number } | undefined)?.status;
      if (status !== undefined && status >= 400 && status < 500) throw new AppError('NOT_FOUND');
      throw error;
    }
  };
}
