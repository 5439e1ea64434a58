import { z } from 'zod';
import { AppError } from '../http/app-error';
import { fail, ok } from '../ports/outcome';
import type { WechatPort } from '../ports/outside';
import { callJson } from './http-json';

const SessionAnswer = z.union([
  z.object({ openid: z.string().min(1), session_key: z.string() }),
  z.object({ errcode: z.number(), errmsg: z.string() }),
]);

/** WeChat's server APIs over HTTP (the stand-in in mocks/, shaped like the real ones). */
export function wechatHttp(options: { url: string; appId: string; appSecret: string }): WechatPort {
  let token: { value: string; expiresAt: number } | null = null;
  const credentials = `appid=${encodeURIComponent(options.appId)}&secret=${encodeURIComponent(options.appSecret)}`;

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now() + 60_000) return token.value;
    const { body } = await callJson(`${options.url}/cgi-bin/token?grant_type=client_credential&${credentials}`);
    const parsed = z.object({ access_token: z.string(), expires_in: z.number() }).safeParse(body);
    if (!parsed.success) throw new AppError('SERVICE_UNAVAILABLE', 'WeChat gave no access token.');
    token = { value: parsed.data.access_token, expiresAt: Date.now() + parsed.data.expires_in * 1000 };
    return token.value;
  }

  return {
    async codeToSession(code) {
      const { body } = await callJson(
        `${options.url}/sns/jscode2session?${credentials}&js_code=${encodeURIComponent(code)}&grant_type=authorization_code`,
      );
      const answer = SessionAnswer.safeParse(body);
      if (!answer.success) throw new AppError('SERVICE_UNAVAILABLE', 'WeChat answered in an unexpected shape.');
      if ('openid' in answer.data) return ok({ openid: answer.data.openid });
      if (answer.data.errcode === 45011) return fail('WECHAT_RATE_LIMITED');
      if (answer.data.errcode === 40029 || answer.data.errcode === 40163) return fail('WECHAT_CODE_INVALID');
      throw new AppError('SERVICE_UNAVAILABLE', `WeChat refused the app (errcode ${answer.data.errcode}).`);
    },
    async demoCode(openid) {
      const { status, body } = await callJson(`${options.url}/dev/login`, { method: 'POST', body: { openid } });
      const parsed = z.object({ code: z.string() }).safeParse(body);
      if (status !== 200 || !parsed.success) throw new AppError('VALIDATION_FAILED', 'No such demo WeChat account.');
      return parsed.data.code;
    },
    async sendSubscribeMessage(openid, message) {
      const { body } = await callJson(`${options.url}/cgi-bin/message/subscribe/send?access_token=${await accessToken()}`, {
        method: 'POST',
        body: {
          touser: openid,
          template_id: message.template,
          page: 'pages/notifications/index',
          data: { thing1: { value: message.summary }, time2: { value: new Date(message.at).toISOString() } },
        },
      });
      const errcode = (body as { errcode?: number }).errcode;
      if (errcode === 40001) token = null;
      if (errcode !== 0) throw new Error(`subscribe/send errcode ${errcode}`);
    },
  };
}
