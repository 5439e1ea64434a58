import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import {
  openApiDocument,
  parseIdNumber,
  PLATFORM_API,
  type ApiEndpoint,
  type PlatformEndpointName,
  type PlatformRequest,
  type PlatformResponse,
  ok,
  type Result,
} from '@family-share/shared';
import Koa from 'koa';
import { counterPageRouter } from '../pos/routes';
import { AppError } from '@family-share/shared/server-kit';
import { errorMiddleware, parse, requireServiceKey } from '../http/koa-kit';
import type { PlatformDeps } from './deps';
import { DEMO_PEOPLE } from './demo-people';
import { counterCommand, psnNoAtEdge } from './person-edge';
import { activateAsGuardian, activateECredential, verifyIdentity } from './use-cases/activate-ecredential';
import { changeInsurance, setBalance } from './use-cases/change-insurance';
import { advanceClaim, fileClaim } from './use-cases/claims';
import { checkBindingNow } from './use-cases/check-binding';
import { bindingDecision, createBinding } from './use-cases/create-binding';
import { endBinding } from './use-cases/end-binding';
import { payPremium } from './use-cases/pay-premium';
import { personSummary } from './use-cases/person-summary';
import { personView } from './use-cases/person-view';
import { monthlyTotals, premiumStatus } from './use-cases/read-ledger';
import { setPreferences } from './use-cases/set-preferences';
import { cancelSettlement } from './use-cases/cancel-settlement';
import { counterDay, counterSettlement } from './use-cases/counter-day';
import { preSettle, toCounterPreSettlement } from './use-cases/pre-settle';
import { reverseOperation } from './use-cases/reverse-operation';
import { settle, toCommand, toCounterSettlement } from './use-cases/settle';

export const PLATFORM_KEY_HEADER = 'x-platform-key';

export interface PlatformAppOptions {
  /** Shared with the BFF and the POS; every /v1 call must carry it. */
  serviceKey: string;
  /** Demo mode: the counter page at /pos (no service key; never in production). */
  demo?: boolean;
  /**
   * Tests: an answer that does not match the registry's response schema is a 500, so that the
   * registry (which the BFF trusts to parse answers) and the use cases cannot drift apart.
   */
  checkResponses?: boolean;
}

type Handlers = { [N in PlatformEndpointName]: (request: PlatformRequest<N>) => Promise<Result<PlatformResponse<N>>> };

const value = async <T>(promise: Promise<T>): Promise<Result<T>> => ok(await promise);

/** Each endpoint of PLATFORM_API calls one use case or store read; parsing and HTTP mapping are in mountPlatformApi. */
function handlers(deps: PlatformDeps): Handlers {
  const { store } = deps;

  /** A person named in the path (by person number, already in format) must exist. */
  const personOf = async (psnNo: string) => {
    const person = await store.getPerson(psnNo);
    if (!person) throw new AppError('PERSON_NOT_FOUND');
    return person;
  };
  const psnNoOf = (idNumber: string) => psnNoAtEdge(store, idNumber);

  return {
    lookupPerson: ({ body }) => value(psnNoOf(body.idNumber).then((psnNo) => ({ psnNo }))),
    person: async ({ params }) => ok(personView(await personOf(params.psnNo))),
    async verifyIdentity({ body }) {
      const result = await verifyIdentity(deps, body.name, body.idNumber);
      return result.ok ? ok({ match: true as const, person: personView(result.value) }) : result;
    },
    async personIdByOpenid({ params }) {
      const psnNo = await store.personIdByOpenid(params.openid);
      if (!psnNo) throw new AppError('PERSON_NOT_FOUND');
      return ok({ psnNo });
    },
    activate: ({ body }) => activateECredential(deps, body),
    activateAsGuardian: ({ body }) => activateAsGuardian(deps, body),
    /** One read script on the person's slot, then one per beneficiary's slot, sent together (issue 14). */
    async summary({ params, query }) {
      const summary = await personSummary(deps, params.psnNo, query.feedSince);
      if (!summary) throw new AppError('PERSON_NOT_FOUND');
      return ok({ person: summary.person, bindings: summary.bindings, feedSince: query.feedSince, feedNewer: summary.feedNewer });
    },
    checkBinding: ({ body }) => checkBindingNow(deps, body),
    createBinding: ({ body }) => createBinding(deps, body),
    bindingDecision: ({ params, body }) => value(bindingDecision(deps, { bindingId: params.bindingId, ...body })),
    endBinding: ({ params, body }) => endBinding(deps, { bindingId: params.bindingId, ...body }),
    async bindings({ params }) {
      const summary = await personSummary(deps, params.psnNo, null);
      if (!summary) throw new AppError('PERSON_NOT_FOUND');
      return ok(summary.bindings);
    },
    setPreferences: async ({ params, body }) => setPreferences(deps, (await personOf(params.psnNo)).psnNo, body),
    settle: ({ body }) => settle(deps, toCommand(body)),
    /** R22 for the BFF (付款预估): the platform-side shape; the BFF masks before the phone sees it. */
    preSettle: ({ body: { cardHolderPsnNo, ...request } }) => preSettle(deps, { ...request, cardHolder: cardHolderPsnNo }),
    institutions: () => value(store.institutions()),
    async counterPreSettle({ body }) {
      const result = await preSettle(deps, await counterCommand(store, body));
      return result.ok ? ok(toCounterPreSettlement(result.value)) : result;
    },
    async counterSettle({ body }) {
      const result = await settle(deps, await counterCommand(store, body));
      return result.ok ? ok(toCounterSettlement(result.value)) : result;
    },
    counterSettlement: ({ params, query }) => counterSettlement(deps, query.institutionCode, params.settlementId),
    counterDay: ({ query }) => value(counterDay(deps, query.institutionCode, query.date)),
    cancelSettlement: ({ body }) => cancelSettlement(deps, body),
    reverse: ({ body }) => reverseOperation(deps, body),
    async premiumStatus({ params }) {
      const status = await premiumStatus(deps, (await personOf(params.psnNo)).psnNo, params.year);
      if (!status) throw new AppError('PERSON_NOT_FOUND');
      return ok(status);
    },
    payPremium: ({ body }) => payPremium(deps, body),
    premiumTable: () => value(store.premiumTable()),
    deductions: async ({ params, query }) => ok(await store.deductions((await personOf(params.psnNo)).psnNo, query)),
    monthly: async ({ params, query }) => ok(await monthlyTotals(deps, (await personOf(params.psnNo)).psnNo, query.year)),
    payments: async ({ params, query }) => ok(await store.payments((await personOf(params.psnNo)).psnNo, query)),
    feed: async ({ params, query }) => ok(await store.feed((await personOf(params.psnNo)).psnNo, query)),
    async feedCount({ params, query }) {
      const feedNewer = await store.feedCount(params.psnNo, query.feedSince);
      if (feedNewer === null) throw new AppError('PERSON_NOT_FOUND');
      return ok({ feedSince: query.feedSince, feedNewer });
    },
    claims: async ({ params }) => ok(await store.claims((await personOf(params.psnNo)).psnNo)),
    demoPeople: async () => ok(DEMO_PEOPLE.map(({ key, idNumber, name, openid, shows }) => ({ key, idNumber, name, openid, shows }))),

    async adminCreatePerson({ body }) {
      const parsed = parseIdNumber(body.idNumber);
      if (!parsed.ok) throw new AppError('VALIDATION_FAILED');
      // The household register names guardians by ID number; the registry keeps their numbers.
      const guardians = await Promise.all(body.guardians.map(psnNoOf));
      // A person created again (same ID number) keeps their person number.
      const psnNo = await store.assignPsnNo(body.idNumber);
      await store.savePerson({
        psnNo,
        idNumber: body.idNumber,
        name: body.name,
        insurance: body.insurance,
        region: body.region,
        status: body.status,
        birthDate: parsed.birthDate,
        balance: body.insurance === 'employee' ? body.balance : 0,
        eCredential: { active: body.eCredentialActive, activatedAt: body.eCredentialActive ? deps.clock() : null, mode: body.eCredentialActive ? 'self' : null, guardianId: null },
        guardians,
        accountChoice: 'own',
        openid: body.openid ?? null,
      });
      return ok(personView((await store.getPerson(psnNo))!));
    },
    adminChangeInsurance: async ({ params, body }) => changeInsurance(deps, (await personOf(params.psnNo)).psnNo, body),
    async adminSetECredential({ params, body }) {
      const person = await personOf(params.psnNo);
      await store.updatePersonFields(person.psnNo, { ec: body.active ? '1' : '0' });
      return ok(personView((await store.getPerson(person.psnNo))!));
    },
    adminSetBalance: async ({ params, body }) => setBalance(deps, (await personOf(params.psnNo)).psnNo, body.balance),
    async adminFileClaim({ body: { idNumber, ...claim } }) {
      return ok(await fileClaim(deps, { ...claim, psnNo: await psnNoOf(idNumber) }));
    },
    adminAdvanceClaim: async ({ params, body }) => advanceClaim(deps, await psnNoOf(body.idNumber), params.claimId),
    async adminSetPremium({ params, body }) {
      await store.setPremium(params.year, body.amount);
      return ok(await store.premiumTable());
    },
  };
}

/**
 * Mounts every endpoint of PLATFORM_API, so that a path exists once: params, query and body
 * parsed with the registry's schemas (400 VALIDATION_FAILED otherwise, before any state is
 * read or changed), the handler's value as the body with the entry's status, or its code's status.
 */
function mountPlatformApi(router: Router, deps: PlatformDeps, options: { checkResponses: boolean }): void {
  const table = handlers(deps) as unknown as Record<PlatformEndpointName, (request: PlatformRequest<PlatformEndpointName>) => Promise<Result<unknown>>>;
  for (const [name, spec] of Object.entries(PLATFORM_API) as Array<[PlatformEndpointName, ApiEndpoint]>) {
    const handle = table[name];
    router[spec.method](spec.path, async (ctx) => {
      const request = {
        params: spec.params ? parse(spec.params, ctx.params) : undefined,
        query: spec.query ? parse(spec.query, ctx.query) : undefined,
        body: spec.body ? parse(spec.body, (ctx.request as { body?: unknown }).body ?? {}) : undefined,
      } as PlatformRequest<PlatformEndpointName>;
      const result = await handle(request);
      if (!result.ok) throw new AppError(result.code);
      const checked = options.checkResponses && spec.response ? spec.response.safeParse(result.value) : null;
      if (checked && !checked.success) {
        // Paths only: the values may be a person's data, which must not reach a log line.
        throw new Error(`the platform's ${name} answer breaks PLATFORM_API at ${checked.error.issues.map((i) => i.path.join('.')).join(', ')}`);
      }
      ctx.status = spec.status ?? 200;
      ctx.body = result.value;
    });
  }
}

/** The platform's OpenAPI document, generated from PLATFORM_API by the builder the BFF uses. */
export function platformOpenApi(): Record<string, unknown> {
  return openApiDocument(PLATFORM_API, {
    title: '医保信息平台 (stand-in)',
    version: '1.0.0',
    description:
      'The medical-insurance platform as the BFF, the counters and the administrators call it. Money is integer fen; persons are named by person number (psnNo). Errors carry a stable code.',
    securitySchemes: { platformKey: { type: 'apiKey', in: 'header', name: PLATFORM_KEY_HEADER } },
    securityOf: () => [{ platformKey: [] }],
  });
}

/** The medical-insurance platform: the system of record, over HTTP. */
export function createPlatformApp(deps: PlatformDeps, options: PlatformAppOptions): Koa {
  const app = new Koa();
  const router = new Router();
  const { store } = deps;
  mountPlatformApi(router, deps, { checkResponses: options.checkResponses === true });
  const openapi = platformOpenApi();
  router.get('/v1/openapi.json', (ctx) => {
    ctx.body = openapi;
  });

  app.use(errorMiddleware(deps.log));
  app.use(async (ctx, next) => {
    if (ctx.path === '/healthz') {
      await store.redis.ping();
      ctx.body = { status: 'ok', policy: deps.policy.name };
      return;
    }
    await next();
  });
  if (options.demo) {
    const pos = counterPageRouter(deps).routes() as unknown as Koa.Middleware;
    const parseBody = bodyParser({ enableTypes: ['json'], jsonLimit: '32kb' });
    app.use((ctx, next) => (ctx.path === '/pos' || ctx.path.startsWith('/pos/') ? parseBody(ctx, () => pos(ctx, next)) : next()));
  }
  app.use(requireServiceKey(PLATFORM_KEY_HEADER, options.serviceKey));
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '32kb' }));
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
