import { z } from 'zod';
import { fail, ok } from '@family-share/shared';
import { AppError } from '@family-share/shared/server-kit';
import type { WechatPort } from '../ports/outside';
import { callJson } from './http-json';
import type { WechatAccessToken } from './wechat-token';

/** code2Session's answer: openid and session_key (unionid when bound to an open-platform account), or an error. */
const SessionAnswer = z.union([
  z.object({ openid: z.string().min(1), session_key: z.string() }),
  z.object({ errcode: z.number(), errmsg: z.string() }),
]);
const SendAnswer = z.object({ errcode: z.number(), errmsg: z.string(), msgid: z.number().optional() });

/**
 * WeChat's server APIs over HTTP, in their documented shapes (code2Session, sendMessage);
 * in production only the base URL and the app's secret differ from the stand-in's.
 */
export function wechatHttp(options: { url: string; appId: string; appSecret: string; accessToken: WechatAccessToken }): WechatPort {
  const credentials = `appid=${encodeURIComponent(options.appId)}&secret=${encodeURIComponent(options.appSecret)}`;

  return {
    async codeToSession(code) {
      const { body } = await callJson(
        `${options.url}/sns/jscode2session?${credentials}&js_code=${encodeURIComponent(code)}&grant_type=authorization_code`,
      );
      const answer = SessionAnswer.safeParse(body);
      if (!answer.success) throw new AppError('SERVICE_UNAVAILABLE', 'WeChat answered in an unexpected shape.');
      // Only the openid leaves this function; session_key is WeChat's key for decrypting the
      // phone's data, which this product never asks for, so it is not kept anywhere.
      if ('openid' in answer.data) return ok({ openid: answer.data.openid });
      switch (answer.data.errcode) {
        case 40029:
        case 40163:
          return fail('WECHAT_CODE_INVALID');
        case 45011:
          return fail('WECHAT_RATE_LIMITED');
        case -1:
          return fail('WECHAT_BUSY');
        case 40226:
          return fail('WECHAT_LOGIN_BLOCKED');
        default:
          throw new AppError('SERVICE_UNAVAILABLE', `WeChat refused the app (errcode ${answer.data.errcode}).`);
      }
    },
    async demoCode(openid) {
      const { status, body } = await callJson(`${options.url}/dev/login`, { method: 'POST', body: { openid } });
      const parsed = z.object({ code: z.string() }).safeParse(body);
      if (status !== 200 || !parsed.success) throw new AppError('VALIDATION_FAILED', 'No such demo WeChat account.');
      return parsed.data.code;
    },
    async sendSubscribeMessage(openid, message) {
      const answer = await options.accessToken.withToken(async (token) => {
        const { body } = await callJson(`${options.url}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
          method: 'POST',
          body: { touser: openid, ...message, miniprogram_state: 'formal', lang: 'zh_CN' },
        });
        const parsed = SendAnswer.safeParse(body);
        if (!parsed.success) throw new AppError('SERVICE_UNAVAILABLE', 'WeChat answered sendMessage in an unexpected shape.');
        return parsed.data;
      });
      return answer.errcode === 0 && answer.msgid !== undefined ? { sent: true, msgid: answer.msgid } : { sent: false, errcode: answer.errcode };
    },
    async demoSubscribe(openid, templateId, decision) {
      await callJson(`${options.url}/dev/subscribe`, { method: 'POST', body: { openid, template_id: templateId, decision } });
    },
  };
}
