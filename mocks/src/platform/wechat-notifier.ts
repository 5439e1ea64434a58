import { subscriptionMessage } from '@family-share/shared';
import type { Logger } from 'pino';
import { Agent, request } from 'undici';
import type { Notifier } from './deps';
import type { PlatformStore } from './store/platform-store';

/**
 * One JSON call to the WeChat stand-in on a kept-alive connection, with undici's request API:
 * two messages go out per settlement, and with fetch they took about three times the
 * settlement's own CPU (measured for bench/, the stand-in in the same process).
 */
async function callWechat(url: string, dispatcher: Agent, body?: unknown): Promise<Record<string, unknown>> {
  const response = await request(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    dispatcher,
    headersTimeout: 5_000,
    bodyTimeout: 5_000,
  });
  return (await response.body.json()) as Record<string, unknown>;
}

/**
 * Sends a WeChat subscription message (the stand-in) to the person's linked WeChat account,
 * best-effort: the in-app feed, written atomically with each change, is the record; this is
 * the nudge. Failures are logged, never thrown into the operation that caused them.
 */
export function wechatNotifier(options: {
  wechatUrl: string;
  appId: string;
  appSecret: string;
  store: PlatformStore;
  log: Logger;
}): Notifier & { idle(): Promise<void> } {
  let token: { value: string; expiresAt: number } | null = null;
  const inFlight = new Set<Promise<void>>();
  const agent = new Agent({ keepAliveTimeout: 30_000 });

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now() + 60_000) return token.value;
    const url = `${options.wechatUrl}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(options.appId)}&secret=${encodeURIComponent(options.appSecret)}`;
    const body = (await callWechat(url, agent)) as { access_token?: string; expires_in?: number; errcode?: number };
    if (!body.access_token) throw new Error(`no access token (errcode ${body.errcode})`);
    token = { value: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 7200) * 1000 };
    return token.value;
  }

  /** The other person of an event, as the feed names them; only ever sent masked. */
  const counterpartOf = (event: Record<string, unknown>): string | null => {
    const name = event.counterpartName ?? event.beneficiaryName ?? event.payerName;
    return typeof name === 'string' ? name : null;
  };

  async function post(message: object): Promise<{ errcode?: number; errmsg?: string }> {
    const url = `${options.wechatUrl}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(await accessToken())}`;
    return (await callWechat(url, agent, message)) as { errcode?: number; errmsg?: string };
  }

  async function send(personId: string, event: { kind: string; at: number } & Record<string, unknown>): Promise<void> {
    const person = await options.store.getPerson(personId);
    const openid = person?.openid;
    if (!openid) return; // no linked WeChat account (e.g. a child activated by a guardian)
    const message = subscriptionMessage(event.kind, { counterpartName: counterpartOf(event), at: event.at });
    if (!message) return;
    const body = { touser: openid, ...message, miniprogram_state: 'formal', lang: 'zh_CN' };
    let answer = await post(body);
    // 40001 (not the latest token) or 42001 (expired): fetch a new token once and send again.
    if (answer.errcode === 40001 || answer.errcode === 42001) {
      token = null;
      answer = await post(body);
    }
    // 43101: the person has not accepted this template (wx.requestSubscribeMessage): expected,
    // not a fault; the in-app feed has the event either way.
    if (answer.errcode === 43101) {
      options.log.debug({ kind: event.kind, errcode: 43101 }, 'subscription message not sent: template not accepted');
      return;
    }
    if (answer.errcode !== 0) throw new Error(`subscribe/send errcode ${answer.errcode} (${event.kind})`);
  }

  return {
    notify(personId, event) {
      const job = send(personId, event)
        .catch((error: unknown) => options.log.warn({ err: error, kind: event.kind }, 'subscription message not sent'))
        .finally(() => inFlight.delete(job));
      inFlight.add(job);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
