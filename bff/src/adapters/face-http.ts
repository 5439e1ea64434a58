import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@family-share/shared/server-kit';
import type { FacePort, FaceResult } from '../ports/outside';
import { callJson } from './http-json';
import type { WechatAccessToken } from './wechat-token';

const StartAnswer = z.union([
  z.object({ errcode: z.literal(0), verify_id: z.string().min(1).max(256), expires_in: z.number().int().positive() }),
  z.object({ errcode: z.number(), errmsg: z.string() }),
]);
const QueryAnswer = z.object({ errcode: z.number(), errmsg: z.string().optional(), verify_ret: z.number().int().optional() });

/**
 * verify_ret of queryVerifyInfo → what it means here. 10000 is the only pass. 10002 人脸特征
 * 检测失败 is the liveness check (a photo, a screen, a mask); the other 1xxxx are a face or
 * a number that does not match. 90001/90109: the device cannot do it. 90017/90107: timed out.
 * The remaining 9xxxx are the person leaving, a camera permission, the network or WeChat's
 * SDK — nothing the face did, so they do not count towards the lock.
 */
export function faceResultOf(verifyRet: number): FaceResult {
  if (verifyRet === 10000) return 'pass';
  if (verifyRet === 10002) return 'spoof';
  if (verifyRet >= 10001 && verifyRet < 20000) return 'fail';
  if (verifyRet === 90001 || verifyRet === 90109) return 'unsupported';
  if (verifyRet === 90017 || verifyRet === 90107) return 'timeout';
  if (verifyRet >= 90000 && verifyRet < 100000) return 'cancelled';
  return 'unknown';
}

/** cert_hash as queryVerifyInfo documents it: base64 of each cert_info field, joined, SHA-256, lower-case hex. */
export function certHash(cert: { name: string; idNumber: string }): string {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  return createHash('sha256').update(`cert_type=${b64('IDENTITY_CARD')}&cert_name=${b64(cert.name)}&cert_no=${b64(cert.idNumber)}`).digest('hex');
}

/** WeChat 人脸核身 (cityservice/face/identify) over HTTP, in its documented shapes, with the shared access_token. */
export function faceHttp(options: { url: string; accessToken: WechatAccessToken }): FacePort {
  const post = (path: string, body: object) =>
    options.accessToken.withToken(async (token) => {
      const { body: answer } = await callJson(`${options.url}${path}?access_token=${encodeURIComponent(token)}`, { method: 'POST', body });
      return answer as { errcode?: number };
    });

  return {
    async start({ outSeqNo, openid, name, idNumber }) {
      const answer = StartAnswer.safeParse(
        await post('/cityservice/face/identify/getverifyid', {
          out_seq_no: outSeqNo,
          cert_info: { cert_type: 'IDENTITY_CARD', cert_name: name, cert_no: idNumber },
          openid,
        }),
      );
      if (!answer.success || !('verify_id' in answer.data)) throw new AppError('SERVICE_UNAVAILABLE', 'Face verification could not start.');
      return { verifyId: answer.data.verify_id, expiresInS: answer.data.expires_in, certHash: certHash({ name, idNumber }) };
    },
    async clientVerify(verifyId, outcome) {
      await callJson(`${options.url}/dev/face/verify`, { method: 'POST', body: { verify_id: verifyId, outcome } });
    },
    async query({ verifyId, outSeqNo, certHash: hash, openid }) {
      const answer = QueryAnswer.safeParse(
        await post('/cityservice/face/identify/queryverifyinfo', { verify_id: verifyId, out_seq_no: outSeqNo, cert_hash: hash, openid }),
      );
      if (!answer.success) throw new AppError('SERVICE_UNAVAILABLE', 'Face verification answered in an unexpected shape.');
      if (answer.data.errcode !== 0 || answer.data.verify_ret === undefined) return 'unknown';
      return faceResultOf(answer.data.verify_ret);
    },
  };
}
