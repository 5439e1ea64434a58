import {
  PLATFORM_API,
  platformRequest,
  type ApiEndpoint,
  type PlatformEndpointName,
  type PlatformInput,
  type PlatformResponse,
  fail,
  ok,
  type Result,
} from '@family-share/shared';
import { AppError } from '@family-share/shared/server-kit';
import type { z } from 'zod';
import type { PlatformPort } from '../ports/outside';
import { callJson, errorCodeOf } from './http-json';

/** The input of an endpoint; left out where the endpoint takes none. */
type InputArgs<N extends PlatformEndpointName> = object extends PlatformInput<N> ? [input?: PlatformInput<N>] : [input: PlatformInput<N>];

/** One typed call of any PLATFORM_API endpoint, by name. */
export type PlatformCall = <N extends PlatformEndpointName>(name: N, ...input: InputArgs<N>) => Promise<Result<PlatformResponse<N>>>;

/**
 * The platform's endpoints over HTTP, by registry name: the path is built from the registry
 * (parameters encoded), and every answer is parsed with the entry's response schema — what
 * comes from outside is checked even when it is our own stand-in, because the real one will
 * be another system. Business refusals come back as codes; a 2xx in another shape, a refusal
 * without a code, a 5xx, a timeout or no answer are SERVICE_UNAVAILABLE (503).
 */
export function platformCall(options: { url: string; key: string }): PlatformCall {
  const headers = { 'x-platform-key': options.key };
  return async (name, ...[input]) => {
    const { method, path, body } = platformRequest(name, (input ?? {}) as PlatformInput<typeof name>);
    const response = await callJson(`${options.url}${path}`, { method, headers, body });
    const schema: ApiEndpoint['response'] = PLATFORM_API[name].response;
    if (response.status >= 200 && response.status < 300) return ok(schema ? parseAnswer(schema, response.body) : undefined) as never;
    const code = errorCodeOf(response.body);
    if (!code) throw new AppError('SERVICE_UNAVAILABLE', `The platform answered ${response.status} without a code.`);
    return fail(code);
  };
}

/** The platform port: each method one call of PLATFORM_API. */
export function platformHttp(options: { url: string; key: string }): PlatformPort {
  const call = platformCall(options);

  /** A read that the platform refuses only for a reason the caller cannot fix here: the code is thrown. */
  async function read<N extends PlatformEndpointName>(name: N, ...input: InputArgs<N>): Promise<PlatformResponse<N>> {
    const result = await call(name, ...input);
    if (!result.ok) throw new AppError(result.code);
    return result.value;
  }

  return {
    person: (psnNo) => call('person', { params: { psnNo } }),
    async personIdByOpenid(openid) {
      const result = await call('personIdByOpenid', { params: { openid } });
      return result.ok ? result.value.psnNo : null;
    },
    async verifyIdentity(name, idNumber) {
      const result = await call('verifyIdentity', { body: { name, idNumber } });
      return result.ok ? ok(result.value.person) : result;
    },
    activate: (body) => call('activate', { body }),
    activateAsGuardian: (body) => call('activateAsGuardian', { body }),
    async checkBinding(body) {
      const result = await call('checkBinding', { body });
      return result.ok ? ok({ needsAcceptance: result.value.needsAcceptance, beneficiaryPsnNo: result.value.beneficiaryPsnNo }) : result;
    },
    createBinding: (body) => call('createBinding', { body }),
    endBinding: (bindingId, actorPsnNo, faceVerified) => call('endBinding', { params: { bindingId }, body: { actorPsnNo, faceVerified } }),
    bindingDecision: (bindingId, body) => read('bindingDecision', { params: { bindingId }, body }),
    bindings: (psnNo) => read('bindings', { params: { psnNo } }),
    setPreferences: (psnNo, body) => call('setPreferences', { params: { psnNo }, body }),
    premiumStatus: (psnNo, year) => read('premiumStatus', { params: { psnNo, year } }),
    payPremium: (body) => call('payPremium', { body }),
    deductions: (psnNo, query) => read('deductions', { params: { psnNo }, query }),
    payments: (psnNo, query) => read('payments', { params: { psnNo }, query }),
    monthly: (psnNo, year) => read('monthly', { params: { psnNo }, query: { year } }),
    feed: (psnNo, query) => read('feed', { params: { psnNo }, query }),
    feedCount: async (psnNo, since) => (await read('feedCount', { params: { psnNo }, query: { feedSince: since } })).feedNewer,
    summary: (psnNo, since) => read('summary', { params: { psnNo }, query: { feedSince: since } }),
    claims: (psnNo) => read('claims', { params: { psnNo } }),
    institutions: () => read('institutions'),
    preSettle: (body) => call('preSettle', { body }),
    demoPeople: () => read('demoPeople'),
    async healthy() {
      try {
        return (await callJson(`${options.url}/healthz`, { timeoutMs: 1_000 })).status === 200;
      } catch {
        return false;
      }
    },
  };
}

function parseAnswer(schema: z.ZodType, body: unknown): unknown {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError('SERVICE_UNAVAILABLE', 'The platform answered in an unexpected shape.', { cause: parsed.error });
  return parsed.data;
}
