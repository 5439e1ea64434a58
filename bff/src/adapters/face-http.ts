import { z } from 'zod';
import { AppError } from '../http/app-error';
import type { FaceOutcome, FacePort } from '../ports/outside';
import { callJson } from './http-json';

const RESULTS: Record<number, FaceOutcome | 'pending'> = { 10000: 'pass', 10001: 'fail', 10002: 'spoof', 10003: 'timeout', 10009: 'pending' };

/** WeChat face verification over HTTP (the stand-in in mocks/). */
export function faceHttp(options: { url: string; key: string }): FacePort {
  const headers = { 'x-face-key': options.key };
  return {
    async start(name, idNumber) {
      const { body } = await callJson(`${options.url}/face/verify-id`, { method: 'POST', headers, body: { name, idNumber } });
      const parsed = z.object({ errcode: z.literal(0), verifyId: z.string(), expiresIn: z.number() }).safeParse(body);
      if (!parsed.success) throw new AppError('SERVICE_UNAVAILABLE', 'Face verification could not start.');
      return { verifyId: parsed.data.verifyId, expiresInS: parsed.data.expiresIn };
    },
    async clientVerify(verifyId, outcome) {
      await callJson(`${options.url}/face/client-verify`, { method: 'POST', body: { verifyId, outcome } });
    },
    async query(verifyId) {
      const { body } = await callJson(`${options.url}/face/query`, { method: 'POST', headers, body: { verifyId } });
      const parsed = z.object({ errcode: z.number(), verifyRet: z.number().optional(), idNumber: z.string().optional() }).safeParse(body);
      if (!parsed.success) throw new AppError('SERVICE_UNAVAILABLE', 'Face verification answered in an unexpected shape.');
      if (parsed.data.errcode === 40006) return { result: 'consumed' };
      if (parsed.data.errcode !== 0) return { result: 'unknown' };
      return { result: RESULTS[parsed.data.verifyRet ?? -1] ?? 'unknown', idNumber: parsed.data.idNumber };
    },
  };
}
