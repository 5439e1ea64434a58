import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import {
  ActivateECredentialRequestSchema,
  ActivateGuardianRequestSchema,
  AdminPersonSchema,
  BalanceChangeSchema,
  BindingDecisionRequestSchema,
  CancellationRequestSchema,
  CounterDayQuerySchema,
  CounterPreSettlementRequestSchema,
  InstitutionCodeSchema,
  CounterSettlementRequestSchema,
  CheckBindingRequestSchema,
  CreateBindingRequestSchema,
  ECredentialChangeSchema,
  EndBindingRequestSchema,
  FileClaimRequestSchema,
  FeedQuerySchema,
  FenSchema,
  IdNumberSchema,
  InsuranceChangeSchema,
  LedgerQuerySchema,
  OpaqueIdSchema,
  parseIdNumber,
  PersonLookupRequestSchema,
  PsnNoSchema,
  PremiumPaymentRequestSchema,
  PreSettlementRequestSchema,
  ReversalRequestSchema,
  PreferencesRequestSchema,
  SettlementRequestSchema,
  SummaryQuerySchema,
  VerifyIdentityRequestSchema,
  YearTextSchema,
} from '@family-share/shared';
import Koa from 'koa';
import { z } from 'zod';
import { counterPageRouter } from '../pos/routes';
import { AppError, errorMiddleware, parse, requireServiceKey, respond } from '../http/koa-kit';
import { ok, type PlatformDeps } from './deps';
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
}

const OpenidSchema = z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/);
const MonthlyQuerySchema = z.object({ year: YearTextSchema });

/** The medical-insurance platform: the system of record, over HTTP. */
export function createPlatformApp(deps: PlatformDeps, options: PlatformAppOptions): Koa {
  const app = new Koa();
  const router = new Router({ prefix: '/v1' });
  const { store } = deps;

  /** A person named in the path (by person number) must exist; the format is checked first. */
  const personParam = async (id: string | undefined) => {
    const person = await store.getPerson(parse(PsnNoSchema, id));
    if (!person) throw new AppError('PERSON_NOT_FOUND');
    return person;
  };

  const psnNoOf = (idNumber: string) => psnNoAtEdge(store, idNumber);

  router.post('/persons/lookup', async (ctx) => {
    ctx.body = { psnNo: await psnNoOf(parse(PersonLookupRequestSchema, ctx.request.body).idNumber) };
  });

  router.get('/persons/:id', async (ctx) => {
    ctx.body = personView(await personParam(ctx.params.id));
  });

  router.post('/identity/verify', async (ctx) => {
    const body = parse(VerifyIdentityRequestSchema, ctx.request.body);
    const result = await verifyIdentity(deps, body.name, body.idNumber);
    respond(ctx, result.ok ? ok({ match: true, person: personView(result.value) }) : result);
  });

  router.get('/ecredentials/by-openid/:openid', async (ctx) => {
    const psnNo = await store.personIdByOpenid(parse(OpenidSchema, ctx.params.openid));
    if (!psnNo) throw new AppError('PERSON_NOT_FOUND');
    ctx.body = { psnNo };
  });

  router.post('/ecredentials/activate', async (ctx) => {
    respond(ctx, await activateECredential(deps, parse(ActivateECredentialRequestSchema, ctx.request.body)));
  });

  router.post('/ecredentials/activate-guardian', async (ctx) => {
    respond(ctx, await activateAsGuardian(deps, parse(ActivateGuardianRequestSchema, ctx.request.body)));
  });

  router.post('/bindings/check', async (ctx) => {
    respond(ctx, await checkBindingNow(deps, parse(CheckBindingRequestSchema, ctx.request.body)));
  });

  router.post('/bindings', async (ctx) => {
    respond(ctx, await createBinding(deps, parse(CreateBindingRequestSchema, ctx.request.body)), 201);
  });

  router.post('/bindings/:bindingId/decision', async (ctx) => {
    const bindingId = parse(OpaqueIdSchema, ctx.params.bindingId);
    ctx.body = await bindingDecision(deps, { bindingId, ...parse(BindingDecisionRequestSchema, ctx.request.body) });
  });

  router.post('/bindings/:bindingId/end', async (ctx) => {
    const bindingId = parse(OpaqueIdSchema, ctx.params.bindingId);
    const body = parse(EndBindingRequestSchema, ctx.request.body);
    respond(ctx, await endBinding(deps, { bindingId, ...body }));
  });

  /** One read script on the person's slot; the 404 comes before a bad query's 400, as it always did. */
  const summaryParam = async (id: string | undefined, query: unknown) => {
    const psnNo = parse(PsnNoSchema, id);
    const valid = SummaryQuerySchema.safeParse(query);
    const summary = await personSummary(deps, psnNo, valid.success ? valid.data.feedSince : null);
    if (!summary) throw new AppError('PERSON_NOT_FOUND');
    return { ...summary, feedSince: parse(SummaryQuerySchema, query).feedSince };
  };

  router.get('/persons/:id/summary', async (ctx) => {
    const { person, bindings, feedSince, feedNewer } = await summaryParam(ctx.params.id, ctx.query);
    ctx.body = { person, bindings, feedSince, feedNewer };
  });

  router.get('/persons/:id/feed/count', async (ctx) => {
    const psnNo = parse(PsnNoSchema, ctx.params.id);
    const valid = SummaryQuerySchema.safeParse(ctx.query);
    const view = await store.personHome(psnNo, valid.success ? valid.data.feedSince : null);
    if (!view.person) throw new AppError('PERSON_NOT_FOUND');
    const { feedSince } = parse(SummaryQuerySchema, ctx.query);
    ctx.body = { feedSince, feedNewer: view.feedNewer ?? 0 };
  });

  router.get('/persons/:id/bindings', async (ctx) => {
    const summary = await personSummary(deps, parse(PsnNoSchema, ctx.params.id), null);
    if (!summary) throw new AppError('PERSON_NOT_FOUND');
    ctx.body = summary.bindings;
  });

  router.put('/persons/:id/preferences', async (ctx) => {
    const person = await personParam(ctx.params.id);
    respond(ctx, await setPreferences(deps, person.psnNo, parse(PreferencesRequestSchema, ctx.request.body)));
  });

  router.post('/settlements', async (ctx) => {
    respond(ctx, await settle(deps, toCommand(parse(SettlementRequestSchema, ctx.request.body))));
  });

  /** R22 for the BFF (付款预估): the platform-side shape; the BFF masks before the phone sees it. */
  router.post('/settlements/preview', async (ctx) => {
    const { cardHolderPsnNo, ...request } = parse(PreSettlementRequestSchema, ctx.request.body);
    respond(ctx, await preSettle(deps, { ...request, cardHolder: cardHolderPsnNo }));
  });

  // ---- the counter (national 2101/2102/2103, 2206/2207/2208, 2601; see the contract) ----

  router.get('/counter/institutions', async (ctx) => {
    ctx.body = await store.institutions();
  });

  router.post('/counter/pre-settlements', async (ctx) => {
    const result = await preSettle(deps, await counterCommand(store, parse(CounterPreSettlementRequestSchema, ctx.request.body)));
    respond(ctx, result.ok ? ok(toCounterPreSettlement(result.value)) : result);
  });

  router.post('/counter/settlements', async (ctx) => {
    const result = await settle(deps, await counterCommand(store, parse(CounterSettlementRequestSchema, ctx.request.body)));
    respond(ctx, result.ok ? ok(toCounterSettlement(result.value)) : result);
  });

  router.get('/counter/settlements/:settlementId', async (ctx) => {
    const settlementId = parse(OpaqueIdSchema, ctx.params.settlementId);
    const { institutionCode } = parse(z.object({ institutionCode: InstitutionCodeSchema }), ctx.query);
    respond(ctx, await counterSettlement(deps, institutionCode, settlementId));
  });

  router.get('/counter/day', async (ctx) => {
    const query = parse(CounterDayQuerySchema, ctx.query);
    ctx.body = await counterDay(deps, query.institutionCode, query.date);
  });

  router.post('/counter/cancellations', async (ctx) => {
    respond(ctx, await cancelSettlement(deps, parse(CancellationRequestSchema, ctx.request.body)));
  });

  router.post('/counter/reversals', async (ctx) => {
    respond(ctx, await reverseOperation(deps, parse(ReversalRequestSchema, ctx.request.body)));
  });

  router.get('/persons/:id/premiums/:year', async (ctx) => {
    const person = await personParam(ctx.params.id);
    ctx.body = await premiumStatus(deps, person.psnNo, parse(YearTextSchema, ctx.params.year));
  });

  router.post('/premiums/payments', async (ctx) => {
    respond(ctx, await payPremium(deps, parse(PremiumPaymentRequestSchema, ctx.request.body)));
  });

  router.get('/premium-table', async (ctx) => {
    ctx.body = await store.premiumTable();
  });

  router.get('/persons/:id/deductions', async (ctx) => {
    const person = await personParam(ctx.params.id);
    ctx.body = await store.deductions(person.psnNo, parse(LedgerQuerySchema, ctx.query));
  });

  router.get('/persons/:id/deductions/monthly', async (ctx) => {
    const person = await personParam(ctx.params.id);
    ctx.body = await monthlyTotals(deps, person.psnNo, parse(MonthlyQuerySchema, ctx.query).year);
  });

  router.get('/persons/:id/payments', async (ctx) => {
    const person = await personParam(ctx.params.id);
    ctx.body = await store.payments(person.psnNo, parse(LedgerQuerySchema, ctx.query));
  });

  router.get('/persons/:id/feed', async (ctx) => {
    const person = await personParam(ctx.params.id);
    ctx.body = await store.feed(person.psnNo, parse(FeedQuerySchema, ctx.query));
  });

  router.get('/persons/:id/claims', async (ctx) => {
    const person = await personParam(ctx.params.id);
    ctx.body = await store.claims(person.psnNo);
  });

  router.get('/demo-people', async (ctx) => {
    ctx.body = DEMO_PEOPLE.map(({ key, idNumber, name, openid, shows }) => ({ key, idNumber, name, openid, shows }));
  });

  // ---- the registry's own side: creating people, changing insurance (R8), balances ----

  router.post('/admin/persons', async (ctx) => {
    const body = parse(AdminPersonSchema, ctx.request.body);
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
    ctx.status = 201;
    ctx.body = personView((await store.getPerson(psnNo))!);
  });

  router.post('/admin/persons/:id/insurance', async (ctx) => {
    const person = await personParam(ctx.params.id);
    respond(ctx, await changeInsurance(deps, person.psnNo, parse(InsuranceChangeSchema, ctx.request.body)));
  });

  router.post('/admin/persons/:id/ecredential', async (ctx) => {
    const person = await personParam(ctx.params.id);
    const { active } = parse(ECredentialChangeSchema, ctx.request.body);
    await store.updatePersonFields(person.psnNo, { ec: active ? '1' : '0' });
    ctx.body = personView((await store.getPerson(person.psnNo))!);
  });

  router.put('/admin/persons/:id/balance', async (ctx) => {
    const person = await personParam(ctx.params.id);
    respond(ctx, await setBalance(deps, person.psnNo, parse(BalanceChangeSchema, ctx.request.body).balance));
  });

  router.post('/admin/claims', async (ctx) => {
    const { idNumber, ...claim } = parse(FileClaimRequestSchema, ctx.request.body);
    const psnNo = await psnNoOf(idNumber);
    ctx.status = 201;
    ctx.body = await fileClaim(deps, { ...claim, psnNo });
  });

  router.post('/admin/claims/:claimId/advance', async (ctx) => {
    const claimId = parse(OpaqueIdSchema, ctx.params.claimId);
    const { idNumber } = parse(z.object({ idNumber: IdNumberSchema }), ctx.request.body);
    respond(ctx, await advanceClaim(deps, await psnNoOf(idNumber), claimId));
  });

  router.put('/admin/premium-table/:year', async (ctx) => {
    const year = parse(YearTextSchema, ctx.params.year);
    const { amount } = parse(z.object({ amount: FenSchema }), ctx.request.body);
    await store.setPremium(year, amount);
    ctx.body = await store.premiumTable();
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
