import { randomBytes } from 'node:crypto';
import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import Koa from 'koa';
import { wechatStyleErrors } from '../http/koa-kit';
import type { Logger } from 'pino';

/**
 * A stand-in for WeChat's server APIs, shaped like them: errors are HTTP 200 with
 * `{ errcode, errmsg }`, as WeChat answers.
 *   GET  /sns/jscode2session            code → openid (a code is valid once, for 5 minutes)
 *   GET  /cgi-bin/token                 app credentials → access_token (2 hours)
 *   POST /cgi-bin/message/subscribe/send  a subscription message (R20 stand-in)
 * and the part a phone would do, for the demo and tests:
 *   POST /dev/login {openid}            what wx.login() gives the mini-program: a fresh code
 *   GET  /dev/messages?openid=          the subscription messages a person received
 *   POST /dev/fail-next {errcode}       make the next jscode2session answer an error
 */
export interface WechatOptions {
  appId: string;
  appSecret: string;
  /** jscode2session calls per openid per minute before 45011. */
  perMinuteLimit?: number;
  clock?: () => number;
  log: Logger;
}

const CODE_TTL_MS = 5 * 60_000;
const TOKEN_TTL_S = 7200;

export const WECHAT_ERRORS = {
  INVALID_CODE: { errcode: 40029, errmsg: 'invalid code' },
  CODE_USED: { errcode: 40163, errmsg: 'code been used' },
  RATE_LIMIT: { errcode: 45011, errmsg: 'api minute-quota reach limit mustslower retry next minute' },
  INVALID_APPID: { errcode: 40013, errmsg: 'invalid appid' },
  INVALID_SECRET: { errcode: 40125, errmsg: 'invalid appsecret' },
  INVALID_TOKEN: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' },
  INVALID_OPENID: { errcode: 40003, errmsg: 'invalid openid' },
} as const;

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  at: number;
}

export function createWechatApp(options: WechatOptions): Koa {
  const clock = options.clock ?? Date.now;
  const limit = options.perMinuteLimit ?? 100;
  const codes = new Map<string, { openid: string; expiresAt: number; used: boolean }>();
  const tokens = new Map<string, number>();
  const calls = new Map<string, number[]>();
  const messages = new Map<string, SubscribeMessage[]>();
  let failNext: { errcode: number; errmsg: string } | null = null;

  const router = new Router();
  const credentialsOk = (appid: unknown, secret: unknown) =>
    appid !== options.appId ? WECHAT_ERRORS.INVALID_APPID : secret !== options.appSecret ? WECHAT_ERRORS.INVALID_SECRET : null;

  router.get('/sns/jscode2session', (ctx) => {
    const { appid, secret, js_code: code, grant_type: grant } = ctx.query;
    const bad = credentialsOk(appid, secret);
    if (bad) return void (ctx.body = bad);
    if (failNext) {
      ctx.body = failNext;
      failNext = null;
      return;
    }
    const entry = typeof code === 'string' && grant === 'authorization_code' ? codes.get(code) : undefined;
    if (!entry || entry.expiresAt <= clock()) return void (ctx.body = WECHAT_ERRORS.INVALID_CODE);
    if (entry.used) return void (ctx.body = WECHAT_ERRORS.CODE_USED);
    const now = clock();
    const recent = (calls.get(entry.openid) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= limit) return void (ctx.body = WECHAT_ERRORS.RATE_LIMIT);
    calls.set(entry.openid, [...recent, now]);
    entry.used = true;
    ctx.body = { openid: entry.openid, session_key: randomBytes(16).toString('base64') };
  });

  router.get('/cgi-bin/token', (ctx) => {
    const bad = credentialsOk(ctx.query.appid, ctx.query.secret);
    if (bad) return void (ctx.body = bad);
    const token = randomBytes(24).toString('hex');
    tokens.set(token, clock() + TOKEN_TTL_S * 1000);
    ctx.body = { access_token: token, expires_in: TOKEN_TTL_S };
  });

  router.post('/cgi-bin/message/subscribe/send', (ctx) => {
    const token = ctx.query.access_token;
    const expiry = typeof token === 'string' ? tokens.get(token) : undefined;
    if (!expiry || expiry <= clock()) return void (ctx.body = WECHAT_ERRORS.INVALID_TOKEN);
    const body = ctx.request.body as Partial<SubscribeMessage> | undefined;
    if (!body?.touser || typeof body.touser !== 'string') return void (ctx.body = WECHAT_ERRORS.INVALID_OPENID);
    const list = messages.get(body.touser) ?? [];
    list.push({ touser: body.touser, template_id: String(body.template_id ?? ''), page: body.page, data: body.data ?? {}, at: clock() });
    messages.set(body.touser, list.slice(-200));
    ctx.body = { errcode: 0, errmsg: 'ok', msgid: Date.now() };
  });

  router.post('/dev/login', (ctx) => {
    const openid = (ctx.request.body as { openid?: unknown } | undefined)?.openid;
    if (typeof openid !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(openid)) {
      ctx.status = 400;
      ctx.body = WECHAT_ERRORS.INVALID_OPENID;
      return;
    }
    const code = randomBytes(16).toString('hex');
    codes.set(code, { openid, expiresAt: clock() + CODE_TTL_MS, used: false });
    ctx.body = { code };
  });

  router.get('/dev/messages', (ctx) => {
    const openid = typeof ctx.query.openid === 'string' ? ctx.query.openid : '';
    ctx.body = { messages: messages.get(openid) ?? [] };
  });

  router.post('/dev/fail-next', (ctx) => {
    const errcode = Number((ctx.request.body as { errcode?: unknown } | undefined)?.errcode);
    const known = Object.values(WECHAT_ERRORS).find((e) => e.errcode === errcode);
    failNext = known ?? null;
    ctx.body = { failNext };
  });

  const app = new Koa();
  app.use(wechatStyleErrors(options.log, 'wechat'));
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '16kb' }));
  app.use(router.routes());
  return app;
}
