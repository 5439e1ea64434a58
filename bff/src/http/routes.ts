import { Router } from '@koa/router';
import { BFF_API, chinaDate, type BffEndpointName, type EndpointSpec, ok, type Result } from '@family-share/shared';
import type { z } from 'zod';
import type { BffDeps, Caller } from '../deps';
import { activateECredential } from '../use-cases/activate-ecredential';
import { acceptInvitation, cancelInvitation, rejectInvitation } from '../use-cases/answer-invitation';
import { bindMinor } from '../use-cases/bind-minor';
import { endBinding, listBindings, setPreferences } from '../use-cases/bindings';
import { acceptCommitment, getCommitment } from '../use-cases/commitment';
import { completeFaceVerification } from '../use-cases/complete-face-verification';
import { checkInvitation, createInvitation } from '../use-cases/create-invitation';
import { demoLoginCode, listDemoPeople } from '../use-cases/demo';
import { estimatePayment, listEstimateInstitutions } from '../use-cases/estimate-payment';
import { getHome } from '../use-cases/get-home';
import { listDeductions, listPayments, monthlyTotals } from '../use-cases/history';
import { listClaims } from '../use-cases/list-claims';
import { listInvitations } from '../use-cases/list-invitations';
import { listNotifications, markRead } from '../use-cases/list-notifications';
import { logIn } from '../use-cases/log-in';
import { logOut } from '../use-cases/log-out';
import { getPremiumReceipt, listPremiums, payPremium } from '../use-cases/premiums';
import { refreshSession } from '../use-cases/refresh-session';
import { createInvitationLink, openInvitationLink } from '../use-cases/share-invitation';
import { startFaceVerification } from '../use-cases/start-face-verification';
import { listSubscriptions, saveSubscriptions } from '../use-cases/subscriptions';
import { policySummary } from '../use-cases/views';
import { AppError } from '@family-share/shared/server-kit';
import { authenticate, parseInput, type BffState } from './middleware';
import { withRateLimit } from './rate-limit';

type Spec<N extends BffEndpointName> = (typeof BFF_API)[N];
type Parsed<S> = S extends z.ZodType ? z.infer<S> : undefined;
type Field<N extends BffEndpointName, F extends string> = Spec<N> extends Record<F, infer S> ? Parsed<S> : undefined;

export interface Input<N extends BffEndpointName> {
  caller: Spec<N>['auth'] extends true ? Caller : undefined;
  params: Field<N, 'params'>;
  query: Field<N, 'query'>;
  body: Field<N, 'body'>;
  headers: Field<N, 'headers'>;
  ip: string;
}

type Handlers = { [N in BffEndpointName]: (input: Input<N>) => Promise<Result<unknown>> };

const value = async <T>(promise: Promise<T>): Promise<Result<T>> => ok(await promise);

/** Each endpoint calls exactly one use case; parsing and HTTP mapping are in mountApi. */
export function handlers(deps: BffDeps): Handlers {
  return {
    login: ({ body }) => logIn(deps, body.code),
    refresh: ({ body }) => refreshSession(deps, body.refreshToken),
    logout: ({ caller }) => value(logOut(deps, caller)),
    demoPeople: () => value(listDemoPeople(deps)),
    demoCode: ({ body }) => value(demoLoginCode(deps, body.openid)),
    policy: () => value(Promise.resolve(policySummary(deps.config.policy))),
    home: ({ caller }) => value(getHome(deps, caller)),
    startFace: ({ caller, body }) => startFaceVerification(deps, caller, body),
    completeFace: ({ caller, params, body }) => completeFaceVerification(deps, caller, params.sessionId, body.outcome),
    faceStatus: ({ caller }) => value(deps.limits.faceStatus(caller.openid)),
    activate: ({ caller, body }) => activateECredential(deps, caller, body),
    commitment: ({ caller }) => value(getCommitment(deps, caller)),
    acceptCommitment: ({ caller, body }) => acceptCommitment(deps, caller, body.version),
    createInvitation: ({ caller, body }) => createInvitation(deps, caller, body),
    checkInvitation: ({ caller, body }) => checkInvitation(deps, caller, body),
    listInvitations: ({ caller, query }) => value(listInvitations(deps, caller, query.box)),
    acceptInvitation: ({ caller, params }) => acceptInvitation(deps, caller, params.invitationId),
    rejectInvitation: ({ caller, params }) => rejectInvitation(deps, caller, params.invitationId),
    cancelInvitation: ({ caller, params }) => cancelInvitation(deps, caller, params.invitationId),
    invitationLink: ({ caller, params }) => createInvitationLink(deps, caller, params.invitationId),
    openInvitationLink: ({ caller, params }) => openInvitationLink(deps, caller, params.token),
    subscriptions: ({ caller }) => value(listSubscriptions(deps, caller)),
    saveSubscriptions: ({ caller, body }) => saveSubscriptions(deps, caller, body),
    bindMinor: ({ caller, body }) => bindMinor(deps, caller, body),
    listBindings: ({ caller }) => value(listBindings(deps, caller)),
    endBinding: ({ caller, params, body }) => endBinding(deps, caller, params.bindingId, body.faceTicket),
    setPreferences: ({ caller, body }) => setPreferences(deps, caller, body),
    listPremiums: ({ caller, query }) => value(listPremiums(deps, caller, query.year)),
    payPremium: ({ caller, body, headers }) => payPremium(deps, caller, body, headers['idempotency-key']),
    premiumReceipt: ({ caller, params }) => getPremiumReceipt(deps, caller, params.bindingId, params.year),
    deductions: ({ caller, query }) => listDeductions(deps, caller, query),
    payments: ({ caller, query }) => value(listPayments(deps, caller, query)),
    monthly: ({ caller, query }) => value(monthlyTotals(deps, caller, query.year ?? Number(chinaDate(deps.clock()).slice(0, 4)))),
    estimateInstitutions: ({ caller }) => value(listEstimateInstitutions(deps, caller)),
    paymentEstimate: ({ caller, body }) => estimatePayment(deps, caller, body),
    notifications: ({ caller, query }) => value(listNotifications(deps, caller, query)),
    markRead: ({ caller, body }) => value(markRead(deps, caller, body.upTo)),
    claims: ({ caller }) => value(listClaims(deps, caller)),
  };
}

/**
 * Mounts every endpoint of the shared registry: parse params, query, body and headers with
 * its schemas (400 VALIDATION_FAILED otherwise), count its declared rate limit (429
 * RATE_LIMITED), call the handler, answer with its value or
 * its code's status. With `checkResponses`, an answer that does not match the contract is a
 * 500 — tests run with it on, so that the contract and the code cannot drift apart.
 */
export function mountApi(router: Router<BffState>, deps: BffDeps, options: { checkResponses: boolean }): void {
  const table = handlers(deps) as unknown as Record<BffEndpointName, (input: Input<BffEndpointName>) => Promise<Result<unknown>>>;
  const auth = authenticate(deps);
  for (const [name, raw] of Object.entries(BFF_API) as Array<[BffEndpointName, EndpointSpec]>) {
    const spec = raw;
    // Outside demo mode the demo endpoints are not routes at all (their use cases refuse too).
    if (spec.path.startsWith('/api/demo/') && !deps.config.demo) continue;
    const handle = spec.rateLimit ? withRateLimit(deps.limits, spec.rateLimit, table[name]) : table[name];
    router[spec.method](spec.path, ...(spec.auth ? [auth] : []), async (ctx) => {
      const input = {
        caller: ctx.state.caller,
        params: spec.params ? parseInput(spec.params, ctx.params) : undefined,
        query: spec.query ? parseInput(spec.query, ctx.query) : undefined,
        body: spec.body ? parseInput(spec.body, (ctx.request as { body?: unknown }).body ?? {}) : undefined,
        headers: spec.headers ? parseInput(spec.headers, ctx.headers) : undefined,
        ip: ctx.ip,
      } as Input<BffEndpointName>;
      const result = await handle(input);
      if (!result.ok) throw new AppError(result.code);
      if (spec.response === null) {
        ctx.status = spec.status ?? 204;
        return;
      }
      if (options.checkResponses) {
        const checked = spec.response.safeParse(result.value);
        if (!checked.success) throw new AppError('INTERNAL', `the ${name} answer breaks the contract`, { cause: checked.error });
      }
      ctx.status = spec.status ?? 200;
      ctx.body = result.value;
    });
  }
}
