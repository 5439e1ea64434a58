import { createHash, randomBytes } from 'node:crypto';
import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import Koa from 'koa';
import { wechatStyleErrors } from '../http/koa-kit';
import type { AccessTokens } from '../wechat/access-tokens';
import type { Logger } from 'pino';

/**
 * A stand-in for WeChat's 人脸核身 (face verification 2.0) server API, with its fields:
 *   POST /cityservice/face/identify/getverifyid?access_token=
 *        { out_seq_no, cert_info: { cert_type: 'IDENTITY_CARD', cert_name, cert_no }, openid }
 *        → { errcode: 0, errmsg, verify_id, expires_in }     (expires_in 3600 by default)
 *   POST /cityservice/face/identify/queryverifyinfo?access_token=
 *        { verify_id, out_seq_no, cert_hash, openid } → { errcode: 0, errmsg, verify_ret }
 *        out_seq_no, cert_hash and openid must be those of getverifyid, or an errcode comes
 *        back instead of verify_ret; "passed" means errcode 0 and verify_ret 10000.
 * The phone's part (wx.requestFacialVerify: the person faces the camera) is a development
 * endpoint, for the demo and tests only:
 *   POST /dev/face/verify { verify_id, outcome: pass | fail | spoof | timeout | cancel }
 *   POST /dev/face/fail-next             the next queryverifyinfo fails as WeChat does when busy (-1)
 */
export type FaceOutcome = 'pass' | 'fail' | 'spoof' | 'timeout' | 'cancel';

/**
 * verify_ret per outcome, from the queryVerifyInfo enum: 10000 识别成功, 10004 比对人脸信息
 * 不匹配, 10002 人脸特征检测失败 (the liveness features: what a photo or a mask fails),
 * 90017 识别过程超时, 90004 用户在识别过程中取消 (also what a verification never completed reads).
 */
export const VERIFY_RET: Record<FaceOutcome, number> = {
  pass: 10000,
  fail: 10004,
  spoof: 10002,
  timeout: 90017,
  cancel: 90004,
};

/**
 * WeChat's generic 40097 "invalid args": the documentation lists no codes of its own for a
 * bad or unknown verify_id, a reused out_seq_no or a query that does not match its start.
 */
const INVALID_ARGS = (what: string) => ({ errcode: 40097, errmsg: `invalid args: ${what}` });

export interface FaceOptions {
  /** The access tokens of the WeChat stand-in: one WeChat server API, one token. */
  tokens: AccessTokens;
  /** verify_id lifetime (WeChat: 3600 s). */
  ttlMs?: number;
  clock?: () => number;
  log: Logger;
}

interface Verification {
  outSeqNo: string;
  openid: string;
  certHash: string;
  expiresAt: number;
  outcome: FaceOutcome | null;
}

/** cert_hash as documented: base64 of each field, joined as a query string, SHA-256, lower-case hex. */
export function certHash(cert: { cert_type: string; cert_name: string; cert_no: string }): string {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  return createHash('sha256')
    .update(`cert_type=${b64(cert.cert_type)}&cert_name=${b64(cert.cert_name)}&cert_no=${b64(cert.cert_no)}`)
    .digest('hex');
}

const OUT_SEQ_NO = /^[A-Za-z0-9_-]{5,32}$/;
const OPENID = /^[A-Za-z0-9_-]{1,128}$/;

export function createFaceApp(options: FaceOptions): Koa {
  const clock = options.clock ?? Date.now;
  const ttl = options.ttlMs ?? 3600_000;
  const verifications = new Map<string, Verification>();
  const seqNos = new Set<string>();
  let failNextQuery = false;
  const router = new Router();

  const withToken: Koa.Middleware = async (ctx, next) => {
    const refused = options.tokens.check(ctx.query.access_token);
    if (refused) return void (ctx.body = refused);
    await next();
  };

  const live = (verifyId: unknown): Verification | undefined => {
    const v = typeof verifyId === 'string' ? verifications.get(verifyId) : undefined;
    return v && v.expiresAt > clock() ? v : undefined;
  };

  router.post('/cityservice/face/identify/getverifyid', withToken, (ctx) => {
    const body = (ctx.request.body ?? {}) as { out_seq_no?: unknown; cert_info?: Record<string, unknown>; openid?: unknown };
    const cert = body.cert_info ?? {};
    if (typeof body.out_seq_no !== 'string' || !OUT_SEQ_NO.test(body.out_seq_no)) return void (ctx.body = INVALID_ARGS('out_seq_no'));
    if (seqNos.has(body.out_seq_no)) return void (ctx.body = INVALID_ARGS('out_seq_no used'));
    if (typeof body.openid !== 'string' || !OPENID.test(body.openid)) return void (ctx.body = { errcode: 40003, errmsg: 'invalid openid' });
    if (cert.cert_type !== 'IDENTITY_CARD' || typeof cert.cert_name !== 'string' || cert.cert_name === '' || typeof cert.cert_no !== 'string' || !/^\d{17}[\dX]$/.test(cert.cert_no)) {
      return void (ctx.body = INVALID_ARGS('cert_info'));
    }
    for (const [id, v] of verifications) if (v.expiresAt <= clock()) verifications.delete(id);
    seqNos.add(body.out_seq_no);
    const verifyId = randomBytes(24).toString('base64url');
    verifications.set(verifyId, {
      outSeqNo: body.out_seq_no,
      openid: body.openid,
      certHash: certHash({ cert_type: cert.cert_type, cert_name: cert.cert_name, cert_no: cert.cert_no }),
      expiresAt: clock() + ttl,
      outcome: null,
    });
    ctx.body = { errcode: 0, errmsg: 'ok', verify_id: verifyId, expires_in: Math.floor(ttl / 1000) };
  });

  router.post('/cityservice/face/identify/queryverifyinfo', withToken, (ctx) => {
    if (failNextQuery) {
      failNextQuery = false;
      ctx.status = 500;
      ctx.body = { errcode: -1, errmsg: 'system error' };
      return;
    }
    const body = (ctx.request.body ?? {}) as { verify_id?: unknown; out_seq_no?: unknown; cert_hash?: unknown; openid?: unknown };
    const v = live(body.verify_id);
    if (!v) return void (ctx.body = INVALID_ARGS('verify_id'));
    if (body.out_seq_no !== v.outSeqNo || body.cert_hash !== v.certHash || body.openid !== v.openid) {
      return void (ctx.body = INVALID_ARGS('out_seq_no, cert_hash or openid do not match getverifyid'));
    }
    ctx.body = { errcode: 0, errmsg: 'ok', verify_ret: VERIFY_RET[v.outcome ?? 'cancel'] };
  });

  router.post('/dev/face/verify', (ctx) => {
    const body = (ctx.request.body ?? {}) as { verify_id?: unknown; outcome?: unknown };
    const v = live(body.verify_id);
    if (!v) return void (ctx.body = INVALID_ARGS('verify_id'));
    const outcome = body.outcome ?? 'pass';
    if (typeof outcome !== 'string' || !(outcome in VERIFY_RET)) return void (ctx.body = INVALID_ARGS('outcome'));
    // One face per verify_id, as the SDK allows: a second attempt needs a new getverifyid.
    if (v.outcome !== null) return void (ctx.body = INVALID_ARGS('verify_id already used'));
    v.outcome = outcome as FaceOutcome;
    ctx.body = { errcode: 0, errmsg: 'ok' };
  });

  router.post('/dev/face/fail-next', (ctx) => {
    failNextQuery = true;
    ctx.body = { errcode: 0, errmsg: 'ok' };
  });

  const app = new Koa();
  app.use(wechatStyleErrors(options.log, 'face'));
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '16kb' }));
  app.use(router.routes());
  return app;
}
