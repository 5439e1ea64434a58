import { randomBytes } from 'node:crypto';
import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import Koa from 'koa';
import { wechatStyleErrors } from '../http/koa-kit';
import { accessTokens, TOKEN_ERRORS, type AccessTokens } from './access-tokens';
import type { Logger } from 'pino';

/**
 * A stand-in for WeChat's server APIs, with their request and answer shapes and error codes
 * (errors are HTTP 200 with `{ errcode, errmsg }`, as WeChat answers):
 *   GET  /sns/jscode2session    code2Session: appid, secret, js_code, grant_type → openid, session_key
 *                               (40029 invalid code, 40163 code used, 45011 100/min per user, 40226, -1)
 *   GET  /cgi-bin/token         getAccessToken: grant_type=client_credential → access_token, expires_in
 *   POST /cgi-bin/message/subscribe/send?access_token=  sendMessage: touser, template_id, page, data,
 *                               miniprogram_state, lang → msgid (43101 when the person has no
 *                               accepted subscription to that template left)
 * and, under /dev, the part a phone would play, for the demo and tests:
 *   POST /dev/login {openid}             what wx.login() gives the mini-program: a fresh code
 *   POST /dev/subscribe {openid, template_id, decision}  what wx.requestSubscribeMessage records
 *                                        at WeChat: each 'accept' allows one message (一次性订阅)
 *   GET  /dev/messages?openid=           the subscription messages a person received
 *   POST /dev/fail-next {errcode}        the next jscode2session answers that error
 *   POST /dev/tokens {action}            'expire' (42001 from now) or 'invalidate' (40001) every token
 *   GET  /dev/session-key?openid=        the last session_key given (tests look for it where it must not be)
 */
export interface WechatOptions {
  appId: string;
  appSecret: string;
  /** jscode2session calls per openid per minute before 45011 (WeChat: 100). */
  perMinuteLimit?: number;
  clock?: () => number;
  /** Shared with the other stand-ins of WeChat's server API (人脸核身). */
  tokens?: AccessTokens;
  log: Logger;
}

const CODE_TTL_MS = 5 * 60_000;

export const WECHAT_ERRORS = {
  SYSTEM_BUSY: { errcode: -1, errmsg: 'system error' },
  INVALID_CODE: { errcode: 40029, errmsg: 'invalid code' },
  CODE_USED: { errcode: 40163, errmsg: 'code been used' },
  CODE_BLOCKED: { errcode: 40226, errmsg: 'code blocked' },
  RATE_LIMIT: { errcode: 45011, errmsg: 'api minute-quota reach limit mustslower retry next minute' },
  INVALID_APPID: { errcode: 40013, errmsg: 'invalid appid' },
  INVALID_SECRET: { errcode: 40125, errmsg: 'invalid appsecret' },
  INVALID_GRANT: { errcode: 40002, errmsg: 'invalid grant_type' },
  INVALID_OPENID: { errcode: 40003, errmsg: 'invalid openid' },
  INVALID_TEMPLATE: { errcode: 40037, errmsg: 'invalid template_id' },
  INVALID_PAGE: { errcode: 41030, errmsg: 'invalid page' },
  DATA_FORMAT: { errcode: 47003, errmsg: 'argument invalid! data.thing1.value invalid' },
  NOT_SUBSCRIBED: { errcode: 43101, errmsg: 'user refuse to accept the msg' },
  ...TOKEN_ERRORS,
} as const;

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  miniprogram_state?: string;
  lang?: string;
  data: Record<string, { value: string }>;
  msgid: number;
  at: number;
}

const OPENID = /^[A-Za-z0-9_-]{1,128}$/;
const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The longest value of a template field by its type (thing: 20 characters, name: 10, phrase: 5). */
const FIELD_LIMITS: Record<string, number> = { thing: 20, name: 10, phrase: 5 };

/** data of a subscription message: { thing1: { value }, time2: { value } … } within each type's limit (47003 otherwise). */
function dataIsValid(data: unknown): data is Record<string, { value: string }> {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  return Object.entries(data).every(([key, field]) => {
    const type = /^([a-z_]+)\d+$/.exec(key)?.[1];
    const value = (field as { value?: unknown } | null)?.value;
    return type !== undefined && typeof value === 'string' && Array.from(value).length <= (FIELD_LIMITS[type] ?? 32);
  });
}

export function createWechatApp(options: WechatOptions): Koa {
  const clock = options.clock ?? Date.now;
  const limit = options.perMinuteLimit ?? 100;
  const tokens = options.tokens ?? accessTokens(clock);
  const codes = new Map<string, { openid: string; expiresAt: number; used: boolean }>();
  const calls = new Map<string, number[]>();
  const messages = new Map<string, SubscribeMessage[]>();
  /** openid|template_id → accepted subscriptions not yet used. */
  const subscriptions = new Map<string, number>();
  /** The last session_key given per openid: only so that tests can look for it where it must not be. */
  const sessionKeys = new Map<string, string>();
  let failNext: { errcode: number; errmsg: string } | null = null;
  let msgid = 1_000_000;

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
    const sessionKey = randomBytes(16).toString('base64');
    sessionKeys.set(entry.openid, sessionKey);
    ctx.body = { openid: entry.openid, session_key: sessionKey };
  });

  router.get('/cgi-bin/token', (ctx) => {
    if (ctx.query.grant_type !== 'client_credential') return void (ctx.body = WECHAT_ERRORS.INVALID_GRANT);
    const bad = credentialsOk(ctx.query.appid, ctx.query.secret);
    if (bad) return void (ctx.body = bad);
    ctx.body = tokens.issue();
  });

  router.post('/cgi-bin/message/subscribe/send', (ctx) => {
    const refused = tokens.check(ctx.query.access_token);
    if (refused) return void (ctx.body = refused);
    const body = (ctx.request.body ?? {}) as Partial<Record<keyof SubscribeMessage, unknown>>;
    if (typeof body.touser !== 'string' || !OPENID.test(body.touser)) return void (ctx.body = WECHAT_ERRORS.INVALID_OPENID);
    if (typeof body.template_id !== 'string' || !TEMPLATE_ID.test(body.template_id)) return void (ctx.body = WECHAT_ERRORS.INVALID_TEMPLATE);
    if (body.page !== undefined && (typeof body.page !== 'string' || !/^pages\/[\w/-]+(\?[\w=&%.-]*)?$/.test(body.page))) {
      return void (ctx.body = WECHAT_ERRORS.INVALID_PAGE);
    }
    if (!dataIsValid(body.data)) return void (ctx.body = WECHAT_ERRORS.DATA_FORMAT);
    const key = `${body.touser}|${body.template_id}`;
    const left = subscriptions.get(key) ?? 0;
    if (left < 1) return void (ctx.body = WECHAT_ERRORS.NOT_SUBSCRIBED);
    subscriptions.set(key, left - 1);
    msgid += 1;
    const list = messages.get(body.touser) ?? [];
    list.push({
      touser: body.touser,
      template_id: body.template_id,
      page: body.page,
      miniprogram_state: typeof body.miniprogram_state === 'string' ? body.miniprogram_state : undefined,
      lang: typeof body.lang === 'string' ? body.lang : undefined,
      data: body.data,
      msgid,
      at: clock(),
    });
    messages.set(body.touser, list.slice(-200));
    ctx.body = { errcode: 0, errmsg: 'ok', msgid };
  });

  router.post('/dev/login', (ctx) => {
    const openid = (ctx.request.body as { openid?: unknown } | undefined)?.openid;
    if (typeof openid !== 'string' || !OPENID.test(openid)) {
      ctx.status = 400;
      ctx.body = WECHAT_ERRORS.INVALID_OPENID;
      return;
    }
    const code = randomBytes(16).toString('hex');
    codes.set(code, { openid, expiresAt: clock() + CODE_TTL_MS, used: false });
    ctx.body = { code };
  });

  router.post('/dev/subscribe', (ctx) => {
    const body = (ctx.request.body ?? {}) as { openid?: unknown; template_id?: unknown; decision?: unknown };
    if (typeof body.openid !== 'string' || !OPENID.test(body.openid)) return void (ctx.body = WECHAT_ERRORS.INVALID_OPENID);
    if (typeof body.template_id !== 'string' || !TEMPLATE_ID.test(body.template_id)) return void (ctx.body = WECHAT_ERRORS.INVALID_TEMPLATE);
    const key = `${body.openid}|${body.template_id}`;
    if (body.decision === 'accept') subscriptions.set(key, (subscriptions.get(key) ?? 0) + 1);
    ctx.body = { errcode: 0, errmsg: 'ok', left: subscriptions.get(key) ?? 0 };
  });

  router.get('/dev/messages', (ctx) => {
    const openid = typeof ctx.query.openid === 'string' ? ctx.query.openid : '';
    ctx.body = { messages: messages.get(openid) ?? [] };
  });

  router.get('/dev/session-key', (ctx) => {
    const openid = typeof ctx.query.openid === 'string' ? ctx.query.openid : '';
    ctx.body = { session_key: sessionKeys.get(openid) ?? null };
  });

  router.post('/dev/fail-next', (ctx) => {
    const errcode = Number((ctx.request.body as { errcode?: unknown } | undefined)?.errcode);
    const known = Object.values(WECHAT_ERRORS).find((e) => e.errcode === errcode);
    failNext = known ?? null;
    ctx.body = { failNext };
  });

  router.post('/dev/tokens', (ctx) => {
    const action = (ctx.request.body as { action?: unknown } | undefined)?.action;
    if (action === 'expire') tokens.expireAll();
    else if (action === 'invalidate') tokens.invalidateAll();
    else return void (ctx.status = 400);
    ctx.body = { errcode: 0, errmsg: 'ok' };
  });

  const app = new Koa();
  app.use(wechatStyleErrors(options.log, 'wechat'));
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '16kb' }));
  app.use(router.routes());
  return app;
}
