import { formatYuan } from '@family-share/shared';
import type { Logger } from 'pino';
import { Agent, request } from 'undici';
import type { Notifier } from './deps';
import type { PlatformStore } from './store/platform-store';

/** The words of a subscription message per event kind (R20); the in-app feed has the details. */
function summarize(event: { kind: string } & Record<string, unknown>): string {
  const amount = typeof event.amount === 'number' ? formatYuan(event.amount) : '';
  const who = String(event.counterpartName ?? event.beneficiaryName ?? event.payerName ?? '');
  switch (event.kind) {
    case 'BINDING_CREATED':
      return `您与${who}的医保个人账户家庭共济关系已建立`;
    case 'BINDING_ENDED':
      return `您与${who}的家庭共济关系已解除`;
    case 'DEDUCTION':
      return `${who}使用了您的医保个人账户${amount}`;
    case 'PAYMENT':
      return `您在${String(event.institutionName ?? '')}的结算已完成，共济账户支付${formatYuan(Number(event.shared ?? 0))}`;
    case 'PREMIUM_PAID':
      return `${who}已用医保个人账户为您缴纳${String(event.year ?? '')}年居民医保费${amount}`;
    default:
      return '您的医保家庭共济有新消息';
  }
}

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

  async function send(personId: string, event: { kind: string; at: number } & Record<string, unknown>): Promise<void> {
    const person = await options.store.getPerson(personId);
    const openid = person?.openid;
    if (!openid) return; // no linked WeChat account (e.g. a child activated by a guardian)
    const body = (await callWechat(`${options.wechatUrl}/cgi-bin/message/subscribe/send?access_token=${await accessToken()}`, agent, {
      touser: openid,
      template_id: `family_share_${event.kind.toLowerCase()}`,
      page: 'pages/notifications/index',
      data: { thing1: { value: summarize(event) }, time2: { value: new Date(event.at).toISOString() } },
    })) as { errcode?: number };
    if (body.errcode === 40001) token = null;
    if (body.errcode !== 0) throw new Error(`subscribe/send errcode ${body.errcode}`);
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
