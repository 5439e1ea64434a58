import { randomUUID, timingSafeEqual } from 'node:crypto';
import {
  describeIssues,
  ERROR_CATALOGUE,
  httpStatusOf,
  type ErrorCode,
} from '@family-share/shared';
import type { Context, Middleware } from 'koa';
import type { Logger } from 'pino';
import type { z } from 'zod';

/** The one error type of the mocks: an expected failure with a stable code, thrown from a route. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CATALOGUE[code].description,
    readonly issues?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** First middleware: every failure becomes `{ error: { code, message, requestId } }`, never a stack. */
export function errorMiddleware(log: Logger): Middleware {
  return async (ctx, next) => {
    // Echo a caller's id only in the shape the BFF sends (as the BFF checks its own callers'):
    // anything else could inject into logs or headers.
    const incoming = ctx.get('x-request-id');
    const requestId = REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.set('x-request-id', requestId);
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw new AppError('NOT_FOUND');
      if (ctx.status === 405 && ctx.body === undefined) throw new AppError('METHOD_NOT_ALLOWED');
    } catch (error) {
      const { code, issues, message } = classify(error);
      ctx.status = httpStatusOf(code);
      ctx.body = { error: { code, message, requestId, ...(issues ? { issues } : {}) } };
      if (code === 'INTERNAL' || code === 'SERVICE_UNAVAILABLE') {
        log.error({ err: error, requestId, path: ctx.path }, 'request failed');
      }
    }
  };
}

function classify(error: unknown): { code: ErrorCode; message: string; issues?: AppError['issues'] } {
  if (error instanceof AppError) return { code: error.code, message: error.message, issues: error.issues };
  const status = (error as { status?: number; statusCode?: number }).status;
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE', message: ERROR_CATALOGUE.PAYLOAD_TOO_LARGE.description };
  if (status === 400 || status === 415 || status === 422) {
    return { code: 'VALIDATION_FAILED', message: 'The request body could not be read.' };
  }
  if (isRedisUnavailable(error)) return { code: 'SERVICE_UNAVAILABLE', message: ERROR_CATALOGUE.SERVICE_UNAVAILABLE.description };
  return { code: 'INTERNAL', message: ERROR_CATALOGUE.INTERNAL.description };
}

export function isRedisUnavailable(error: unknown): boolean {
  const text = `${(error as Error)?.name ?? ''} ${(error as Error)?.message ?? ''}`;
  return /ECONNREFUSED|ECONNRESET|Connection is closed|enableOfflineQueue|MaxRetriesPerRequest|Stream isn't writeable|ClusterAllFailedError|CLUSTERDOWN|LOADING|None of startup nodes is available/i.test(text);
}

/** Parses outside input with a shared schema or throws a 400 VALIDATION_FAILED. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('VALIDATION_FAILED', 'The request does not match the schema.', describeIssues(result.error));
  return result.data;
}

/** Maps a use case's result to HTTP: the value as the body, or the code's status. */
export function respond<T>(ctx: Context, result: { ok: true; value: T } | { ok: false; code: ErrorCode }, status = 200): void {
  if (!result.ok) throw new AppError(result.code);
  ctx.status = status;
  ctx.body = result.value;
}

/** Requires a shared service key in a header (the BFF → platform link); constant-time compare. */
export function requireServiceKey(header: string, key: string): Middleware {
  const expected = Buffer.from(key);
  return async (ctx, next) => {
    const given = Buffer.from(ctx.get(header));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('UNAUTHENTICATED');
    await next();
  };
}

/** The error answer of WeChat-shaped stand-ins: HTTP 500 with `{ errcode: -1 }`, as WeChat does. */
export function wechatStyleErrors(log: Logger, service: string): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      log.error({ err: error }, `${service} stand-in failed`);
      ctx.status = 500;
      ctx.body = { errcode: -1, errmsg: 'system error' };
    }
  };
}
