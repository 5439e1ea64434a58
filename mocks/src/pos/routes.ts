import { Router } from '@koa/router';
import {
  CancellationRequestSchema,
  CounterDayQuerySchema,
  CounterPreSettlementRequestSchema,
  CounterSettlementRequestSchema,
  ReversalRequestSchema,
  ok,
} from '@family-share/shared';
import { parse, respond } from '../http/koa-kit';
import type { PlatformDeps } from '../platform/deps';
import { DEMO_PEOPLE } from '../platform/demo-people';
import { counterCommand } from '../platform/person-edge';
import { cancelSettlement } from '../platform/use-cases/cancel-settlement';
import { counterDay } from '../platform/use-cases/counter-day';
import { preSettle, toCounterPreSettlement } from '../platform/use-cases/pre-settle';
import { reverseOperation } from '../platform/use-cases/reverse-operation';
import { settle, toCounterSettlement } from '../platform/use-cases/settle';
import { counterPage } from './page';

/**
 * The demo counter (GET /pos) and the calls its page makes (/pos/api/…), mounted only when the
 * platform runs in demo mode: they need no service key, as a browser on the demo machine has
 * none. They run the same use cases and answer the same counter shapes as /v1/counter.
 */
export function counterPageRouter(deps: PlatformDeps): Router {
  const router = new Router({ prefix: '/pos' });

  router.get('/', async (ctx) => {
    ctx.type = 'html';
    ctx.set('cache-control', 'no-store');
    ctx.set('content-security-policy', "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'");
    ctx.body = counterPage({
      institutions: await deps.store.institutions(),
      people: DEMO_PEOPLE.map(({ key, name, idNumber }) => ({ key, name, idNumber })),
      policyRegion: deps.policy.regionPrefix,
    });
  });

  router.post('/api/pre-settlements', async (ctx) => {
    const result = await preSettle(deps, await counterCommand(deps.store, parse(CounterPreSettlementRequestSchema, ctx.request.body)));
    respond(ctx, result.ok ? ok(toCounterPreSettlement(result.value)) : result);
  });

  router.post('/api/settlements', async (ctx) => {
    const result = await settle(deps, await counterCommand(deps.store, parse(CounterSettlementRequestSchema, ctx.request.body)));
    respond(ctx, result.ok ? ok(toCounterSettlement(result.value)) : result);
  });

  router.post('/api/cancellations', async (ctx) => {
    respond(ctx, await cancelSettlement(deps, parse(CancellationRequestSchema, ctx.request.body)));
  });

  router.post('/api/reversals', async (ctx) => {
    respond(ctx, await reverseOperation(deps, parse(ReversalRequestSchema, ctx.request.body)));
  });

  router.get('/api/day', async (ctx) => {
    const query = parse(CounterDayQuerySchema, ctx.query);
    ctx.body = await counterDay(deps, query.institutionCode, query.date);
  });

  return router;
}
