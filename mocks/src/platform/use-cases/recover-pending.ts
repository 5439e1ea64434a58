import type { CancellationRequest, ReversalRequest, SettlementRequest } from '@family-share/shared';
import type { PlatformDeps } from '../deps';
import { endBindingSteps } from './end-binding';
import { payPremium, type PremiumPaymentRequest } from './pay-premium';
import { cancelSettlement } from './cancel-settlement';
import { reverseOperation } from './reverse-operation';
import { settle, type SettleCommand } from './settle';

type PendingOperation =
  | { type: 'binding'; a: string; b: string; bindingId: string }
  | { type: 'end'; a: string; b: string; bindingId: string; reason: Parameters<typeof endBindingSteps>[2]; endedBy: string | null }
  | { type: 'settlement'; request: SettlementRequest | SettleCommand }
  | { type: 'cancellation'; request: CancellationRequest }
  | { type: 'reversal'; request: ReversalRequest }
  | ({ type: 'premium' } & PremiumPaymentRequest);

/**
 * Completes multi-step operations whose process stopped between steps (a crash, a lost
 * connection). Every step is idempotent, so completing one that is in fact still running is
 * harmless. Returns how many it completed.
 */
export async function recoverPending(deps: PlatformDeps): Promise<number> {
  const { store } = deps;
  const due = await store.duePendingOperations(deps.clock());
  let completed = 0;
  for (const member of due) {
    const op = JSON.parse(member) as PendingOperation;
    try {
      await complete(deps, op);
      await store.removePendingOperation(member);
      completed += 1;
    } catch (error) {
      deps.log.warn({ err: error, type: op.type }, 'recovery of a pending operation failed; will retry');
    }
  }
  return completed;
}

async function complete(deps: PlatformDeps, op: PendingOperation): Promise<void> {
  const { store } = deps;
  switch (op.type) {
    case 'binding': {
      const record = await store.bindingRecord(op.b, op.bindingId);
      const outcome = record?.status === 'active' ? 'active' : 'release';
      await store.finishBinding(op.a, op.b, op.bindingId, outcome, deps.clock(), null);
      return;
    }
    case 'end': {
      const record = await store.bindingRecord(op.b, op.bindingId);
      if (record) await endBindingSteps(deps, record, op.reason, op.endedBy);
      return;
    }
    case 'settlement':
      // A reversal (R24) may have killed it meanwhile: then settle() refuses, and that completes it.
      await settle(deps, op.request);
      return;
    case 'cancellation':
      await cancelSettlement(deps, op.request);
      return;
    case 'reversal':
      await reverseOperation(deps, op.request);
      return;
    case 'premium': {
      const { type: _type, ...request } = op;
      await payPremium(deps, request);
      return;
    }
  }
}
