import {
  BindingDecisionSchema,
  BindingSchema,
  CheckBindingResponseSchema,
  DeductionPageSchema,
  DemoPersonSchema,
  FeedCountSchema,
  FeedPageSchema,
  InstitutionRecordSchema,
  MonthlyTotalsSchema,
  OpenidLookupSchema,
  PaymentPageSchema,
  PersonBindingsSchema,
  PersonSummarySchema,
  PlatformClaimSchema,
  PlatformPersonSchema,
  PremiumReceiptSchema,
  PremiumStatusSchema,
  PreSettlementResultSchema,
  fail,
  ok,
  type Result,
} from '@family-share/shared';
import { z } from 'zod';
import { AppError } from '@family-share/shared/server-kit';
import type { PlatformPort } from '../ports/outside';
import { callJson, errorCodeOf } from './http-json';

/**
 * The platform over HTTP. Every answer is parsed with the shared schema: what comes from
 * outside is checked even when it is our own stand-in, because the real one will be another
 * system. Business refusals come back as codes; anything else is SERVICE_UNAVAILABLE.
 */
export function platformHttp(options: { url: string; key: string }): PlatformPort {
  const headers = { 'x-platform-key': options.key };
  const call = (method: string, path: string, body?: unknown) => callJson(`${options.url}${path}`, { method, headers, body });

  async function outcome<S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown): Promise<Result<z.infer<S>>> {
    const response = await call(method, path, body);
    if (response.status >= 200 && response.status < 300) return ok(parseAnswer(schema, response.body));
    const code = errorCodeOf(response.body);
    if (!code) throw new AppError('SERVICE_UNAVAILABLE', `The platform answered ${response.status} without a code.`);
    return fail(code);
  }

  async function value<S extends z.ZodType>(schema: S, path: string): Promise<z.infer<S>> {
    const result = await outcome(schema, 'GET', path);
    if (!result.ok) throw new AppError(result.code);
    return result.value;
  }

  const query = (q: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
    const text = params.toString();
    return text ? `?${text}` : '';
  };

  return {
    person: (id) => outcome(PlatformPersonSchema, 'GET', `/v1/persons/${id}`),
    async personIdByOpenid(openid) {
      const result = await outcome(OpenidLookupSchema, 'GET', `/v1/ecredentials/by-openid/${encodeURIComponent(openid)}`);
      return result.ok ? result.value.psnNo : null;
    },
    async verifyIdentity(name, idNumber) {
      const result = await outcome(z.object({ person: PlatformPersonSchema }), 'POST', '/v1/identity/verify', { name, idNumber });
      return result.ok ? ok(result.value.person) : result;
    },
    activate: (request) => outcome(PlatformPersonSchema, 'POST', '/v1/ecredentials/activate', request),
    activateAsGuardian: (request) => outcome(PlatformPersonSchema, 'POST', '/v1/ecredentials/activate-guardian', request),
    async checkBinding(request) {
      const result = await outcome(CheckBindingResponseSchema, 'POST', '/v1/bindings/check', request);
      return result.ok ? ok({ needsAcceptance: result.value.needsAcceptance, beneficiaryPsnNo: result.value.beneficiaryPsnNo }) : result;
    },
    createBinding: (request) => outcome(BindingSchema, 'POST', '/v1/bindings', request),
    endBinding: (bindingId, actorPsnNo, faceVerified) =>
      outcome(BindingSchema, 'POST', `/v1/bindings/${encodeURIComponent(bindingId)}/end`, { actorPsnNo, faceVerified }),
    async bindingDecision(bindingId, request) {
      const result = await outcome(BindingDecisionSchema, 'POST', `/v1/bindings/${encodeURIComponent(bindingId)}/decision`, request);
      if (!result.ok) throw new AppError(result.code);
      return result.value;
    },
    bindings: (id) => value(PersonBindingsSchema, `/v1/persons/${id}/bindings`),
    setPreferences: (id, request) =>
      outcome(z.object({ accountChoice: z.enum(['own', 'authorizer']), authorizerOrder: z.array(z.string()) }), 'PUT', `/v1/persons/${id}/preferences`, request),
    premiumStatus: (id, year) => value(PremiumStatusSchema, `/v1/persons/${id}/premiums/${year}`),
    payPremium: (request) => outcome(PremiumReceiptSchema, 'POST', '/v1/premiums/payments', request),
    deductions: (id, q) => value(DeductionPageSchema, `/v1/persons/${id}/deductions${query(q)}`),
    payments: (id, q) => value(PaymentPageSchema, `/v1/persons/${id}/payments${query(q)}`),
    monthly: (id, year) => value(MonthlyTotalsSchema, `/v1/persons/${id}/deductions/monthly${query({ year })}`),
    feed: (id, q) => value(FeedPageSchema, `/v1/persons/${id}/feed${query(q)}`),
    feedCount: async (id, since) => (await value(FeedCountSchema, `/v1/persons/${id}/feed/count${query({ feedSince: since })}`)).feedNewer,
    summary: (id, since) => value(PersonSummarySchema, `/v1/persons/${id}/summary${query({ feedSince: since })}`),
    claims: (id) => value(z.array(PlatformClaimSchema), `/v1/persons/${id}/claims`),
    institutions: () => value(z.array(InstitutionRecordSchema), '/v1/counter/institutions'),
    preSettle: (request) => outcome(PreSettlementResultSchema, 'POST', '/v1/settlements/preview', request),
    demoPeople: () => value(z.array(DemoPersonSchema), '/v1/demo-people'),
    async healthy() {
      try {
        return (await callJson(`${options.url}/healthz`, { timeoutMs: 1_000 })).status === 200;
      } catch {
        return false;
      }
    },
  };
}

function parseAnswer<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError('SERVICE_UNAVAILABLE', 'The platform answered in an unexpected shape.', { cause: parsed.error });
  return parsed.data;
}
