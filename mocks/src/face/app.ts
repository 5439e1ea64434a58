import { randomBytes } from 'node:crypto';
import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import Koa from 'koa';
import { wechatStyleErrors } from '../http/koa-kit';
import type { Logger } from 'pino';

/**
 * A stand-in for WeChat's face verification (人脸核身), shaped like its flow:
 *   POST /face/verify-id  {name, idNumber}   server: start a verification for a named person → verifyId
 *   POST /face/client-verify {verifyId, outcome}  the phone's SDK: the person faces the camera;
 *        the outcome (pass | fail | spoof | timeout) is chosen by the demo UI and by tests
 *   POST /face/query {verifyId}               server: the result, once (a second query is refused)
 * Server calls carry the key in `x-face-key`. Answers: { errcode, errmsg, ... } like WeChat.
 */
export type FaceOutcome = 'pass' | 'fail' | 'spoof' | 'timeout';

export const VERIFY_RET: Record<FaceOutcome | 'pending', number> = {
  pass: 10000,
  fail: 10001,
  spoof: 10002,
  timeout: 10003,
  pending: 10009,
};

export interface FaceOptions {
  serviceKey: string;
  /** A started verification may be completed within this time. */
  ttlMs?: number;
  clock?: () => number;
  log: Logger;
}

interface Verification {
  name: string;
  idNumber: string;
  expiresAt: number;
  outcome: FaceOutcome | null;
  queried: boolean;
}

export function createFaceApp(options: FaceOptions): Koa {
  const clock = options.clock ?? Date.now;
  const ttl = options.ttlMs ?? 10 * 60_000;
  const verifications = new Map<string, Verification>();
  const router = new Router({ prefix: '/face' });

  const serverOnly: Koa.Middleware = async (ctx, next) => {
    if (ctx.get('x-face-key') !== options.serviceKey) {
      ctx.status = 401;
      ctx.body = { errcode: 40001, errmsg: 'invalid credential' };
      return;
    }
    await next();
  };

  const live = (verifyId: unknown): Verification | undefined => {
    const v = typeof verifyId === 'string' ? verifications.get(verifyId) : undefined;
    return v && v.expiresAt > clock() ? v : undefined;
  };

  router.post('/verify-id', serverOnly, (ctx) => {
    const body = (ctx.request.body ?? {}) as { name?: unknown; idNumber?: unknown };
    if (typeof body.name !== 'string' || typeof body.idNumber !== 'string' || !/^\d{17}[\dX]$/.test(body.idNumber)) {
      ctx.body = { errcode: 40002, errmsg: 'invalid name or id number' };
      return;
    }
    for (const [id, v] of verifications) if (v.expiresAt <= clock()) verifications.delete(id);
    const verifyId = randomBytes(16).toString('hex');
    verifications.set(verifyId, { name: body.name, idNumber: body.idNumber, expiresAt: clock() + ttl, outcome: null, queried: false });
    ctx.body = { errcode: 0, errmsg: 'ok', verifyId, expiresIn: Math.floor(ttl / 1000) };
  });

  router.post('/client-verify', (ctx) => {
    const body = (ctx.request.body ?? {}) as { verifyId?: unknown; outcome?: unknown };
    const v = live(body.verifyId);
    if (!v) return void (ctx.body = { errcode: 40004, errmsg: 'verify id not found or expired' });
    const outcome = body.outcome ?? 'pass';
    if (outcome !== 'pass' && outcome !== 'fail' && outcome !== 'spoof' && outcome !== 'timeout') {
      return void (ctx.body = { errcode: 40002, errmsg: 'invalid outcome' });
    }
    if (v.outcome !== null) return void (ctx.body = { errcode: 40005, errmsg: 'already verified' });
    v.outcome = outcome;
    ctx.body = { errcode: 0, errmsg: 'ok' };
  });

  router.post('/query', serverOnly, (ctx) => {
    const v = live((ctx.request.body as { verifyId?: unknown } | undefined)?.verifyId);
    if (!v) return void (ctx.body = { errcode: 40004, errmsg: 'verify id not found or expired' });
    if (v.queried) return void (ctx.body = { errcode: 40006, errmsg: 'result already queried' });
    if (v.outcome === null) return void (ctx.body = { errcode: 0, errmsg: 'ok', verifyRet: VERIFY_RET.pending });
    v.queried = true;
    ctx.body = { errcode: 0, errmsg: 'ok', verifyRet: VERIFY_RET[v.outcome], idNumber: v.idNumber };
  });

  const app = new Koa();
  app.use(wechatStyleErrors(options.log, 'face'));
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '16kb' }));
  app.use(router.routes());
  return app;
}
