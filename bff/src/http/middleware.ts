import { randomUUID } from 'node:crypto';
import { describeIssues, ERROR_CATALOGUE } from '@family-share/shared';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { BffDeps, Caller } from '../deps';
import { AppError, errorAnswer, toAppError } from '@family-share/shared/server-kit';

export interface BffState {
  requestId: string;
  caller?: Caller;
}

/**
 * The first middleware: a request id for every request, and every failure turned
 * into `{ error: { code, message, requestId } }` — never a stack. Unexpected ones go to the
 * central handler (app 'error' event) with the request id.
 */
export function errorHandler(): Middleware<BffState> {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    ctx.state.requestId = /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    ctx.set('x-request-id', ctx.state.requestId);
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw new AppError('NOT_FOUND');
      // The router's 405 (with its Allow header) gets a body with a code like every other refusal.
      if (ctx.status === 405 && ctx.body === undefined) throw new AppError('METHOD_NOT_ALLOWED');
    } catch (raw) {
      const answer = errorAnswer(toAppError(raw), ctx.state.requestId);
      ctx.status = answer.status;
      if (answer.retryAfterS !== undefined) ctx.set('retry-after', String(answer.retryAfterS));
      ctx.body = answer.body;
      if (answer.status >= 500) ctx.app.emit('error', raw, ctx);
    }
  };
}

/**
 * One line per request: method, the route pattern (never the raw URL, which may carry an ID
 * number), status, time, request id. Bodies, tokens and names are never logged.
 */
export function requestLog(log: Logger): Middleware<BffState> {
  // The access line's fields are fixed and carry no personal data, so it skips the redaction
  // walk (twelve wildcard paths, ~80–95 µs of CPU per request under load); the error logs
  // (deps.log) keep it. Same destination and level as the logger it comes from.
  const access = log.child({}, { redact: [] });
  return async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const route = (ctx as unknown as { _matchedRoute?: string })._matchedRoute ?? 'unmatched';
      access.info(
        { requestId: ctx.state.requestId, method: ctx.method, route, status: ctx.status, ms: Math.round(performance.now() - started) },
        'request',
      );
    }
  };
}

/** Parses outside input with a shared schema, or throws 400 VALIDATION_FAILED with the issues (no values echoed). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('VALIDATION_FAILED', ERROR_CATALOGUE.VALIDATION_FAILED.description, { issues: describeIssues(result.error) });
  return result.data;
}

/**
 * Authentication: a Bearer access token (HS256 pinned) and a live session in Redis, so that
 * logging out or a stolen refresh token revokes at once. The person is looked up once after
 * activation and kept in the session.
 */
export function authenticate(deps: BffDeps): Middleware<BffState> {
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    const match = /^Bearer ([A-Za-z0-9_.-]{20,2048})$/.exec(header);
    if (!match?.[1]) throw new AppError('UNAUTHENTICATED');
    const verified = deps.tokens.verify(match[1]);
    if (!verified.ok) throw new AppError(verified.code);
    const session = await deps.sessions.get(verified.claims.sub, verified.claims.sid);
    if (!session) throw new AppError('SESSION_REVOKED');
    let personId = session.personId;
    if (!personId) {
      personId = await deps.platform.personIdByOpenid(session.openid);
      if (personId) {
        await deps.sessions.setPerson(session.openid, session.sid, personId);
        await deps.openids.remember(personId, session.openid);
      }
    }
    ctx.state.caller = { openid: session.openid, sid: session.sid, personId, ip: ctx.ip };
    await next();
  };
}
