import { randomUUID, timingSafeEqual } from 'node:crypto';
import {
  describeIssues,
  ERROR_CATALOGUE,
  type Result,
} from '@family-share/shared';
import { AppError, errorAnswer, toAppError } from '@family-share/shared/server-kit';
import type { Context, Middleware } from 'koa';
import type { Logger } from 'pino';
import type { z } from 'zod';

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
      const answer = errorAnswer(toAppError(error), requestId);
      ctx.status = answer.status;
      if (answer.retryAfterS !== undefined) ctx.set('retry-after', String(answer.retryAfterS));
      ctx.body = answer.body;
      if (answer.status >= 500) {
        log.error({ err: error, requestId, path: ctx.path }, 'request failed');
      }
    }
  };
}

/** Parses outside input with a shared schema or throws a 400 VALIDATION_FAILED. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('VALIDATION_FAILED', ERROR_CATALOGUE.VALIDATION_FAILED.description, { issues: describeIssues(result.error) });
  return result.data;
}

/** Maps a use case's result to HTTP: the value as the body, or the code's status. */
export function respond<T>(ctx: Context, result: Result<T>, status = 200): void {
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
