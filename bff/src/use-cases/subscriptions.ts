import { ALL_TEMPLATE_IDS, type SaveSubscriptionsRequestSchema, type SubscriptionsView, fail, ok, type Result } from '@family-share/shared';
import type { z } from 'zod';
import type { BffDeps, Caller } from '../deps';

const DELIVERIES_SHOWN = 20;

/** My consents per template and the latest subscription messages tried for me (R20). */
export async function listSubscriptions(deps: BffDeps, caller: Caller): Promise<SubscriptionsView> {
  const [consents, deliveries] = await Promise.all([
    deps.subscriptions.consents(caller.openid),
    deps.subscriptions.deliveries(caller.openid, DELIVERIES_SHOWN),
  ]);
  return { consents, deliveries };
}

/**
 * Records what wx.requestSubscribeMessage answered at the tap that started a flow. Only the
 * mini-program's own templates are taken. In demo mode the stand-in of WeChat is told too,
 * as the phone would have told WeChat itself.
 */
export async function saveSubscriptions(
  deps: BffDeps,
  caller: Caller,
  request: z.infer<typeof SaveSubscriptionsRequestSchema>,
): Promise<Result<SubscriptionsView>> {
  const templates = Object.keys(request.decisions);
  if (templates.some((t) => !ALL_TEMPLATE_IDS.includes(t))) return fail('VALIDATION_FAILED');
  await deps.subscriptions.record(caller.openid, request.decisions, deps.clock());
  if (deps.config.demo) {
    for (const [template, decision] of Object.entries(request.decisions)) await deps.wechat.demoSubscribe(caller.openid, template, decision);
  }
  return ok(await listSubscriptions(deps, caller));
}
